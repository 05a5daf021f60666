import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * A queue for what failed for good (dead letters, on-failure records): encrypted, TLS only and
 * kept for SQS's maximum of 14 days, so operators have time to read, fix and redrive.
 */
export const failureQueue = (
  scope: Construct,
  id: string,
  removalPolicy: RemovalPolicy,
  /** What fills it, when cdk-nag cannot see the queue is a dead letter (a rule target's, an event source mapping's). */
  deadLetterOf?: string,
): Queue => {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    removalPolicy,
  });
  if (deadLetterOf) {
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself the dead-letter destination of ${deadLetterOf}; cdk-nag only recognises Lambda's and SQS's.`,
    });
  }
  return queue;
};
