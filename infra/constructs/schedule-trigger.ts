import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { ScheduleTrigger as ScheduleTriggerDefinition } from '../app-definition-types.js';

/** Scheduled jobs: attempts after the first, by Lambda (job errors) and EventBridge (delivery). */
export const SCHEDULE_RETRY_ATTEMPTS = 2;
export const SCHEDULE_MAX_EVENT_AGE = Duration.hours(1);

export interface ScheduleTriggerProps {
  trigger: ScheduleTriggerDefinition;
  function: IFunction;
  /** The function's dead-letter queue: events EventBridge cannot deliver land there too. */
  deadLetterQueue: IQueue;
}

/** A `schedule` trigger: an EventBridge schedule rule invoking the function, retried and dead-lettered. */
export class ScheduleTrigger extends Rule {
  constructor(scope: Construct, id: string, props: ScheduleTriggerProps) {
    super(scope, id, {
      description: props.trigger.description,
      schedule: Schedule.expression(props.trigger.expression),
      // Events EventBridge cannot deliver (throttling, missing permission) land in the same queue.
      targets: [
        new LambdaFunction(props.function, {
          deadLetterQueue: props.deadLetterQueue,
          retryAttempts: SCHEDULE_RETRY_ATTEMPTS,
          maxEventAge: SCHEDULE_MAX_EVENT_AGE,
        }),
      ],
    });
  }
}
