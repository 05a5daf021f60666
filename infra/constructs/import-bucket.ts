import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  HttpMethods,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** An uploaded file is read once, by its import; keep it a week for support questions. */
export const IMPORT_UPLOAD_EXPIRY = Duration.days(7);
/** Reports are fetched soon after the import; a month is ample. */
export const IMPORT_REPORT_EXPIRY = Duration.days(30);
export const IMPORT_NONCURRENT_EXPIRY = Duration.days(7);

export interface ImportBucketProps {
  removalPolicy: RemovalPolicy;
  /** Server access logs go to the lake's access-log bucket. */
  accessLogsBucket: IBucket;
  /** Origins that may PUT an upload from a browser (the API's CORS origins). */
  allowedOrigins: readonly string[];
}

/**
 * The bulk-import bucket: versioned, S3-managed encryption, public access blocked, TLS only,
 * owner-enforced objects; uploads and reports expire (the data lives in the table). Its events
 * go to EventBridge, where the import function's `objectCreated` rule picks up uploads.
 */
export class ImportBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: ImportBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      removalPolicy: props.removalPolicy,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'imports/',
      // A browser uploads straight to the presigned URL.
      cors: [
        {
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: [...props.allowedOrigins],
          allowedHeaders: ['content-type'],
          maxAge: 600,
        },
      ],
      lifecycleRules: [
        { id: 'expire-uploads', prefix: 'uploads/', expiration: IMPORT_UPLOAD_EXPIRY },
        { id: 'expire-reports', prefix: 'reports/', expiration: IMPORT_REPORT_EXPIRY },
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: IMPORT_NONCURRENT_EXPIRY,
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
    // Events to EventBridge set on the CloudFormation resource itself: CDK's eventBridgeEnabled
    // would deploy a custom-resource Lambda (with a managed-policy role) just to set this flag.
    (this.bucket.node.defaultChild as CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };
  }
}
