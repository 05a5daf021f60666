import { Duration } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { ObjectCreatedTrigger as ObjectCreatedTriggerDefinition } from '../app-definition-types.js';

export interface ObjectCreatedTriggerProps {
  trigger: ObjectCreatedTriggerDefinition;
  bucket: IBucket;
  function: IFunction;
  deadLetterQueue: IQueue;
}

/**
 * An `objectCreated` trigger: a rule on the account's default bus (where S3 sends a bucket's
 * events once EventBridge notifications are on) for "Object Created" in this bucket under the
 * prefix, invoking the function with the trigger's retries and the function's dead-letter queue.
 */
export class ObjectCreatedTrigger extends Rule {
  constructor(scope: Construct, id: string, props: ObjectCreatedTriggerProps) {
    const { trigger } = props;
    super(scope, id, {
      description: trigger.description,
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: {
          bucket: { name: [props.bucket.bucketName] },
          object: { key: [{ prefix: trigger.prefix }] },
        },
      },
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
