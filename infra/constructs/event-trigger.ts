import { Duration } from 'aws-cdk-lib';
import { type EventPattern as CdkEventPattern, type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { EventPattern, EventTrigger as EventTriggerDefinition } from '../app-definition-types.js';

/**
 * The app definition writes patterns as EventBridge JSON (what the local bus matches); CDK's
 * EventPattern spells `detail-type` as `detailType` and renders it back, unchanged otherwise.
 */
export const cdkEventPattern = (pattern: EventPattern): CdkEventPattern =>
  Object.fromEntries(
    Object.entries(pattern).map(([key, value]) => [key === 'detail-type' ? 'detailType' : key, value]),
  ) as CdkEventPattern;

export interface EventTriggerProps {
  trigger: EventTriggerDefinition;
  eventBus: IEventBus;
  function: IFunction;
  /** The function's dead-letter queue: undeliverable events and failed invocations both land there. */
  deadLetterQueue: IQueue;
}

/**
 * An `event` trigger: a rule on the app's bus with the trigger's pattern, invoking the function
 * with EventBridge's retry policy and the function's dead-letter queue.
 */
export class EventTrigger extends Rule {
  constructor(scope: Construct, id: string, props: EventTriggerProps) {
    const { trigger } = props;
    super(scope, id, {
      eventBus: props.eventBus,
      description: trigger.description,
      eventPattern: cdkEventPattern(trigger.eventPattern),
      targets: [
        new LambdaFunction(props.function, {
          deadLetterQueue: props.deadLetterQueue,
          retryAttempts: trigger.retryAttempts,
          maxEventAge: Duration.seconds(trigger.maxEventAgeSeconds),
        }),
      ],
    });
  }
}
