import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { type Alarm, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import { EventField, type IEventBus, Rule, RuleTargetInput } from 'aws-cdk-lib/aws-events';
import { SnsTopic } from 'aws-cdk-lib/aws-events-targets';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TopicDefinition, TopicNotification } from '../app-definition-types.js';
import { ALARM_PERIOD, type AlarmTopic } from './alarm-topic.js';
import { failureQueue } from './encrypted-queue.js';
import { cdkEventPattern } from './event-trigger.js';

export interface AppTopicProps {
  definition: TopicDefinition;
  eventBus: IEventBus;
  alarms: AlarmTopic;
  removalPolicy: RemovalPolicy;
  /** Subscribed by email when set (`-c <emailContext>=...`); confirm the mail AWS sends. */
  email?: string;
}

/** The notification's text with each `<name>` an input-transformer path, as EventBridge renders it. */
export const notificationInput = (message: TopicNotification['message']): RuleTargetInput =>
  RuleTargetInput.fromText(
    message.template.replace(/<(\w+)>/g, (placeholder, name: string) => {
      const path = message.paths[name];
      if (!path) throw new Error(`Notification template uses ${placeholder}, which its paths do not define`);
      return EventField.fromPath(path);
    }),
  );

/**
 * A topic of the app definition: encrypted with its own rotated key (EventBridge may use it to
 * deliver; the AWS-managed SNS key would refuse it), TLS only, optionally subscribed by email,
 * with the definition's notification rules on the bus, each retried and dead-lettered into a
 * queue that pages operators.
 */
export class AppTopic extends Construct {
  readonly topic: Topic;
  readonly rules: Rule[] = [];
  readonly deadLetterQueues: Queue[] = [];
  readonly deadLetterAlarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AppTopicProps) {
    super(scope, id);
    const key = new Key(this, 'Key', {
      description: `storefleet ${props.definition.displayName}`,
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    key.grant(new ServicePrincipal('events.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', {
      displayName: props.definition.displayName,
      masterKey: key,
      enforceSSL: true,
    });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));

    for (const notification of props.definition.notifications) {
      const deadLetterQueue = failureQueue(
        this,
        `${notification.name}DeadLetterQueue`,
        props.removalPolicy,
        `the ${notification.name} rule's target`,
      );
      this.deadLetterQueues.push(deadLetterQueue);
      this.rules.push(
        new Rule(this, `${notification.name}Rule`, {
          eventBus: props.eventBus,
          description: notification.description,
          eventPattern: cdkEventPattern(notification.eventPattern),
          targets: [
            new SnsTopic(this.topic, {
              message: notificationInput(notification.message),
              deadLetterQueue,
              retryAttempts: notification.retryAttempts,
              maxEventAge: Duration.seconds(notification.maxEventAgeSeconds),
            }),
          ],
        }),
      );
      this.deadLetterAlarms.push(
        props.alarms.alarmWhen(this, `${notification.name}DeadLetterAlarm`, {
          description: `${notification.name}: EventBridge could not deliver a notification to ${props.definition.displayName} after its retries; the event waits in the dead-letter queue (its attributes carry the error).`,
          metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({
            period: ALARM_PERIOD,
            statistic: Stats.MAXIMUM,
          }),
          atLeast: 1,
        }),
      );
    }
  }
}
