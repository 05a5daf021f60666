import { Stack } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { BucketBinding } from '../app-definition-types.js';

const READ_OBJECT = ['s3:GetObject'];
const WRITE_OBJECT = ['s3:PutObject', 's3:AbortMultipartUpload'];

/**
 * A `{ bucket, access, prefix }` binding's grant, by hand rather than CDK's bucket.grantRead /
 * grantWrite: those allow wildcard actions (`s3:GetObject*`, `s3:List*`, `s3:DeleteObject*`) and
 * listing the whole bucket. Here: get and/or put objects under the prefix only, and list keys
 * only under it (`s3:prefix` condition), which a reader needs to find the objects of a partition.
 */
export const grantBucketBinding = (grantee: IGrantable, bucket: IBucket, binding: BucketBinding): void => {
  const objects = bucket.arnForObjects(`${binding.prefix}*`);
  const reads = binding.access === 'read' || binding.access === 'read-write';
  const writes = binding.access === 'write' || binding.access === 'read-write';
  const actions = [...(reads ? READ_OBJECT : []), ...(writes ? WRITE_OBJECT : [])];
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions, resources: [objects] }));
  if (reads)
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${binding.prefix}*`] } },
      }),
    );
};

/**
 * The bucket's ARN as cdk-nag prints it in a consuming stack (the name of the export that
 * carries it, as for the table in app-function.ts), for acknowledging the prefix wildcard.
 */
export const bucketArnAsNagSees = (scope: Construct, bucket: IBucket): string => {
  const producer = Stack.of(bucket);
  if (producer === Stack.of(scope)) throw new Error('Bucket grants expect the bucket from the data stack');
  const imported = producer.resolve(producer.exportValue(bucket.bucketArn)) as { 'Fn::ImportValue': string };
  return imported['Fn::ImportValue'];
};
