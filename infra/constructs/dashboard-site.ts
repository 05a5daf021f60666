import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { wildcardFindingsOf } from './nag-findings.js';

/** What the page reads from `/config.json` to find the API and sign users in. */
export interface DashboardConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
}

export interface DashboardSiteProps extends DashboardConfig {
  /** The built page (dashboard/dist: index.html, the esbuild bundle, styles). */
  assetsPath: string;
  /** A custom domain; without one the site is on its *.cloudfront.net name. */
  domain?: { names: string[]; certificate: ICertificate };
  /** The site and log buckets (the page is rebuilt from source, so DESTROY is safe in dev). */
  removalPolicy?: RemovalPolicy;
}

/** The file the page fetches at start; not cached, so a redeploy's settings apply at once. */
export const DASHBOARD_CONFIG_KEY = 'config.json';
const ACCESS_LOG_DAYS = 90;

/**
 * The finance dashboard as a static site: a private bucket that only this CloudFront
 * distribution can read (origin access control, no public access, no website endpoint), HTTPS
 * only, security headers with a content security policy that lets the page call only its own
 * origin, the API and Cognito. The built assets and a `config.json` with the API URL and the
 * user pool are deployed with the stack, and the distribution's cache is invalidated then.
 */
export class DashboardSite extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  readonly deployment: BucketDeployment;
  /** `https://<distribution>.cloudfront.net` (or the first custom domain). */
  readonly url: string;

  constructor(scope: Construct, id: string, props: DashboardSiteProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const autoDeleteObjects = removalPolicy === RemovalPolicy.DESTROY;

    // CloudFront's standard logs are delivered with ACLs, so this bucket keeps object writer ownership.
    this.logBucket = new Bucket(this, 'Logs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(ACCESS_LOG_DAYS) }],
      removalPolicy,
      autoDeleteObjects,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket of the dashboard site; logging it into itself would loop.',
    });

    this.bucket = new Bucket(this, 'Assets', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: false,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3-access/',
      removalPolicy,
      autoDeleteObjects,
    });

    const region = props.region;
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'storefleet dashboard: strict CSP, HSTS, no framing, no sniffing',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            `connect-src 'self' ${props.apiUrl} https://cognito-idp.${region}.amazonaws.com`,
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });

    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const behavior = {
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      responseHeadersPolicy: headers,
      compress: true,
    };
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `storefleet ${Stack.of(this).stackName} finance dashboard`,
      defaultRootObject: 'index.html',
      defaultBehavior: { ...behavior, cachePolicy: CachePolicy.CACHING_OPTIMIZED },
      additionalBehaviors: {
        [`/${DASHBOARD_CONFIG_KEY}`]: { ...behavior, cachePolicy: CachePolicy.CACHING_DISABLED },
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      // The TLS floor applies to a custom certificate only; the default one's is fixed (CFR4 below).
      ...(props.domain
        ? {
            domainNames: props.domain.names,
            certificate: props.domain.certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.url = `https://${props.domain?.names[0] ?? this.distribution.distributionDomainName}`;

    const config: DashboardConfig = {
      apiUrl: props.apiUrl,
      region,
      userPoolId: props.userPoolId,
      userPoolClientId: props.userPoolClientId,
    };
    this.deployment = new BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources: [Source.asset(props.assetsPath), Source.jsonData(DASHBOARD_CONFIG_KEY, config)],
      // Files of an older build that the new one no longer has are removed.
      prune: true,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 256,
    });

    this.acknowledgeFindings(props);
  }

  private acknowledgeFindings(props: DashboardSiteProps): void {
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Stores and finance staff may sign in from anywhere; the page is public code and all data is behind the JWT-authorized API.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'Static files only: the data sits behind the API (JWT authorizer, throttling); a WAF web ACL (us-east-1) is not yet justified.',
      },
    );
    if (!props.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose TLS floor cannot be raised; pass `domain` to enforce TLS 1.2.',
      });
    }
    // BucketDeployment's handler is one function per stack (and memory size), outside this construct.
    const role = this.deployment.handlerRole;
    const handlers = Stack.of(this).node.children.filter(
      (child) =>
        child.node.id.startsWith('Custom::CDKBucketDeployment') && child.node.findAll().includes(role),
    );
    for (const handler of handlers) {
      Validations.of(handler).acknowledge(
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: "CDK's BucketDeployment handler logs with the AWS-managed basic execution policy.",
        },
        ...wildcardFindingsOf(role).map((id) => ({
          id,
          reason:
            "CDK's BucketDeployment grants: read the CDK assets bucket, replace the site bucket's objects, invalidate the distribution (CreateInvalidation takes no narrower resource here).",
        })),
        {
          id: 'AwsSolutions-L1',
          reason: "CDK's own deployment handler; its runtime moves with aws-cdk-lib.",
        },
      );
    }
  }
}
