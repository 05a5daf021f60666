import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IAlarmAction,
  type IMetric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface AlarmTopicProps {
  /** Subscribed by email when set (`-c alarmEmail=ops@example.com`); confirm the mail AWS sends. */
  email?: string;
  removalPolicy: RemovalPolicy;
}

/** Alarms page operators after this many minutes of a breach; long enough to skip a blip. */
export const ALARM_PERIOD = Duration.minutes(5);

/**
 * Where every alarm of a stage goes: one SNS topic, encrypted with its own KMS key (CloudWatch
 * may use it; the AWS-managed SNS key would refuse CloudWatch) and TLS-only. Operators
 * subscribe by email, chat or paging tool; `alarmWhen` creates alarms that notify it in both
 * directions, so a recovery is announced too.
 */
export class AlarmTopic extends Construct {
  readonly topic: Topic;
  private readonly action: IAlarmAction;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    const key = new Key(this, 'Key', {
      description: 'storefleet alarm notifications',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', {
      displayName: 'storefleet alarms',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    this.action = new SnsAction(this.topic);
  }

  /**
   * An alarm on `metric` (one ALARM_PERIOD datapoint at or above `atLeast`; no data is fine)
   * that notifies this topic on breach and on recovery. `description` tells the operator what
   * happened and where to look.
   */
  alarmWhen(
    scope: Construct,
    id: string,
    props: { description: string; metric: IMetric; atLeast: number },
  ): Alarm {
    const alarm = new Alarm(scope, id, {
      alarmDescription: props.description,
      metric: props.metric,
      threshold: props.atLeast,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    return alarm;
  }
}
