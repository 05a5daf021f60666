import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { changesTable } from '../../lib/lake/changes-table.js';

/** Raw changes are read mostly in their first month (daily compaction, recent queries). */
export const CHANGES_TO_INFREQUENT_ACCESS = Duration.days(30);
/** Overwritten or deleted objects of the lake are kept this long for recovery, then expire. */
export const NONCURRENT_VERSION_EXPIRY = Duration.days(30);
/** Athena results are throwaway: re-run the query. */
export const QUERY_RESULTS_EXPIRY = Duration.days(30);
export const ACCESS_LOGS_EXPIRY = Duration.days(365);
const INCOMPLETE_UPLOAD_EXPIRY = Duration.days(7);

export interface DataLakeBucketsProps {
  removalPolicy: RemovalPolicy;
}

/**
 * The finance lake's buckets: the data lake (changes, curated tables, report files), Athena's
 * query results, and the server access logs of both. All encrypted (S3-managed keys, so Athena
 * users need no KMS grant), public access blocked, TLS only; the lake's and the results' objects
 * owner-enforced (no ACLs). No
 * autoDeleteObjects (a custom-resource Lambda): a dev stage's lake is emptied by hand before
 * its stack is deleted.
 */
export class DataLakeBuckets extends Construct {
  readonly dataLakeBucket: Bucket;
  readonly queryResultsBucket: Bucket;
  readonly accessLogsBucket: Bucket;

  constructor(scope: Construct, id: string, props: DataLakeBucketsProps) {
    super(scope, id);
    const common = {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: props.removalPolicy,
    };

    // Ownership left to CDK: with cdk.json's serverAccessLogsUseBucketPolicy, S3 log delivery is
    // granted by bucket policy (owner-enforced objects); without the flag CDK needs ACLs here.
    this.accessLogsBucket = new Bucket(this, 'AccessLogsBucket', {
      ...common,
      lifecycleRules: [{ id: 'expire-logs', expiration: ACCESS_LOGS_EXPIRY }],
    });
    Validations.of(this.accessLogsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'The access-log bucket itself: logging its own access would log forever.',
    });

    this.dataLakeBucket = new Bucket(this, 'DataLakeBucket', {
      ...common,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // A rewritten object (compaction re-run, retried export) keeps its old version a while.
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'data-lake/',
      lifecycleRules: [
        {
          id: 'changes-to-infrequent-access',
          prefix: changesTable.prefix,
          transitions: [
            { storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: CHANGES_TO_INFREQUENT_ACCESS },
          ],
        },
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: NONCURRENT_VERSION_EXPIRY,
          abortIncompleteMultipartUploadAfter: INCOMPLETE_UPLOAD_EXPIRY,
        },
      ],
    });

    this.queryResultsBucket = new Bucket(this, 'QueryResultsBucket', {
      ...common,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'query-results/',
      lifecycleRules: [
        {
          id: 'expire-results',
          expiration: QUERY_RESULTS_EXPIRY,
          abortIncompleteMultipartUploadAfter: INCOMPLETE_UPLOAD_EXPIRY,
        },
      ],
    });
  }

  /** By bucket name of the app definition (`{ bucket: 'dataLake' }` bindings). */
  bucketsByName(): Record<string, IBucket> {
    return { dataLake: this.dataLakeBucket };
  }
}
