import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, CfnParameter, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { DashboardSite, type DashboardSiteProps } from '../../infra/constructs/dashboard-site.js';
import { builtDashboard } from '../../infra/dashboard-assets.js';
import { type CfnJson, DASHBOARD_FIXTURE, logicalId, synthStage } from './synth.js';

interface Built {
  app: App;
  stack: Stack;
  site: DashboardSite;
  template: Template;
  resources: Record<string, CfnJson>;
}

const build = (overrides: Partial<DashboardSiteProps> = {}): Built => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Bare');
  // Deploy-time values, as the API stack passes them.
  const apiUrl = new CfnParameter(stack, 'ApiUrl').valueAsString;
  const userPoolId = new CfnParameter(stack, 'UserPoolId').valueAsString;
  const userPoolClientId = new CfnParameter(stack, 'UserPoolClientId').valueAsString;
  const site = new DashboardSite(stack, 'Dashboard', {
    assetsPath: DASHBOARD_FIXTURE,
    apiUrl,
    userPoolId,
    userPoolClientId,
    region: stack.region,
    ...overrides,
  });
  const template = Template.fromStack(stack);
  return { app, stack, site, template, resources: template.toJSON().Resources };
};

const only = (template: Template, type: string): CfnJson => {
  const found = Object.values(template.findResources(type));
  expect(found).toHaveLength(1);
  return found[0];
};

describe('DashboardSite', () => {
  let built: Built;
  let bucketId: string;
  let distributionId: string;
  beforeAll(() => {
    built = build();
    bucketId = logicalId(built.stack, built.site.bucket);
    distributionId = logicalId(built.stack, built.site.distribution);
  });

  it('keeps the files in a private, encrypted bucket with no website endpoint', () => {
    const bucket = built.resources[bucketId];
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    expect(bucket.Properties.OwnershipControls).toEqual({
      Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }],
    });
    expect(bucket.Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logicalId(built.stack, built.site.logBucket) },
      LogFilePrefix: 's3-access/',
    });
  });

  it('lets only this distribution read it, through origin access control, and only over TLS', () => {
    const policy = Object.values(built.template.findResources('AWS::S3::BucketPolicy')).find(
      (candidate: CfnJson) => candidate.Properties.Bucket.Ref === bucketId,
    ) as CfnJson;
    const statements = policy.Properties.PolicyDocument.Statement as CfnJson[];
    const allows = statements.filter((statement) => statement.Effect === 'Allow');
    expect(allows).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] },
        Condition: {
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudfront::',
                  { Ref: 'AWS::AccountId' },
                  ':distribution/',
                  { Ref: distributionId },
                ],
              ],
            },
          },
        },
      },
    ]);
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );

    const oac = only(built.template, 'AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const [origin] = built.resources[distributionId].Properties.DistributionConfig.Origins as CfnJson[];
    expect(origin.DomainName).toEqual({ 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] });
    expect(origin.OriginAccessControlId).toEqual({
      'Fn::GetAtt': [
        Object.keys(built.template.findResources('AWS::CloudFront::OriginAccessControl'))[0],
        'Id',
      ],
    });
    // No legacy origin access identity.
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(
      Object.keys(built.template.findResources('AWS::CloudFront::CloudFrontOriginAccessIdentity')),
    ).toEqual([]);
  });

  it('serves index.html at the root, HTTPS only, GET/HEAD only, logging every request', () => {
    const config = built.resources[distributionId].Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(behavior.AllowedMethods).toEqual(['GET', 'HEAD']);
    }
    expect(config.Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [logicalId(built.stack, built.site.logBucket), 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
    const logs = built.resources[logicalId(built.stack, built.site.logBucket)];
    expect(logs.Properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ ExpirationInDays: 90, Status: 'Enabled' }),
    ]);
  });

  it('never caches config.json, so a redeploy’s API URL and user pool apply at once', () => {
    const config = built.resources[distributionId].Properties.DistributionConfig;
    const configBehavior = (config.CacheBehaviors as CfnJson[]).find(
      (behavior) => behavior.PathPattern === '/config.json',
    );
    // AWS's managed CachingDisabled policy.
    expect(configBehavior?.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
  });

  it('sends security headers: a CSP that admits only itself, the API and Cognito; HSTS; no framing', () => {
    const headersId = Object.keys(built.template.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0];
    const config = built.resources[distributionId].Properties.DistributionConfig;
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: headersId });
    }
    const security =
      built.resources[headersId as string].Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = built.stack.resolve(security.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toEqual({
      'Fn::Join': [
        '',
        [
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ",
          { Ref: 'ApiUrl' },
          ' https://cognito-idp.',
          { Ref: 'AWS::Region' },
          ".amazonaws.com; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      ],
    });
    expect(security).toMatchObject({
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: 31_536_000,
        IncludeSubdomains: true,
        Override: true,
      },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
    });
  });

  it('deploys the built assets and a config.json with the API URL and the user pool, then invalidates', () => {
    const deployment = only(built.template, 'Custom::CDKBucketDeployment');
    expect(deployment.Properties).toMatchObject({
      DestinationBucketName: { Ref: bucketId },
      DistributionId: { Ref: distributionId },
      DistributionPaths: ['/*'],
      Prune: true,
    });
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(2);
    // The config's deploy-time values are filled in by the handler (markers), JSON-escaped.
    const [, configMarkers] = deployment.Properties.SourceMarkers as Record<string, CfnJson>[];
    expect(Object.values(configMarkers ?? {})).toEqual(
      expect.arrayContaining([
        { Ref: 'ApiUrl' },
        { Ref: 'UserPoolId' },
        { Ref: 'UserPoolClientId' },
        { Ref: 'AWS::Region' },
      ]),
    );
    expect(deployment.Properties.SourceMarkersConfig).toEqual([{}, { jsonEscape: true }]);

    // The staged config.json names each setting by the key the page reads.
    const assembly = built.app.synth();
    const configKey = (deployment.Properties.SourceObjectKeys as string[])[1]?.replace(/\.zip$/, '');
    const configFile = path.join(assembly.directory, `asset.${configKey}`, 'config.json');
    expect(existsSync(configFile)).toBe(true);
    const staged = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, string>;
    expect(Object.keys(staged).sort()).toEqual(['apiUrl', 'region', 'userPoolClientId', 'userPoolId']);
    for (const value of Object.values(staged)) expect(value).toMatch(/^<<marker:0xbaba:\d+>>$/);
    const markers = configMarkers as Record<string, CfnJson>;
    expect(markers[staged.apiUrl as string]).toEqual({ Ref: 'ApiUrl' });
    expect(markers[staged.userPoolId as string]).toEqual({ Ref: 'UserPoolId' });
    expect(markers[staged.userPoolClientId as string]).toEqual({ Ref: 'UserPoolClientId' });
  });

  it('keeps its buckets by default and empties them on DESTROY', () => {
    expect(built.resources[bucketId].DeletionPolicy).toBe('Retain');
    expect(Object.keys(built.template.findResources('Custom::S3AutoDeleteObjects'))).toEqual([]);
    const destroyed = build({ removalPolicy: RemovalPolicy.DESTROY });
    expect(Object.keys(destroyed.template.findResources('Custom::S3AutoDeleteObjects'))).toHaveLength(2);
  });

  it('has no cdk-nag finding, with or without a custom domain', () => {
    const findings = (app: App) =>
      new AwsSolutionsChecks(app)
        .validateScope(app)
        .violations.flatMap((violation) =>
          violation.violatingResources.map(
            (resource) => `${violation.ruleName} at ${resource.constructPath}`,
          ),
        );
    expect(findings(built.app)).toEqual([]);

    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'WithDomain');
    const certificate = Certificate.fromCertificateArn(
      stack,
      'Certificate',
      'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
    );
    new DashboardSite(stack, 'Dashboard', {
      assetsPath: DASHBOARD_FIXTURE,
      apiUrl: 'https://api.example.com/',
      userPoolId: 'ap-southeast-2_example',
      userPoolClientId: 'client',
      region: 'ap-southeast-2',
      domain: { names: ['finance.example.com'], certificate },
    });
    expect(findings(app)).toEqual([]);
    Template.fromStack(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['finance.example.com'],
        ViewerCertificate: Match.objectLike({
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        }),
      }),
    });
  });
});

describe('the dashboard in the api stack', () => {
  it('is hosted beside the API and user pool that its config.json names', () => {
    const synth = synthStage('prod');
    const site = synth.api.dashboard;
    expect(site).toBeDefined();
    const deployment = only(synth.apiTemplate, 'Custom::CDKBucketDeployment');
    const [, markers] = deployment.Properties.SourceMarkers as Record<string, CfnJson>[];
    const values = JSON.stringify(Object.values(markers ?? {}));
    expect(values).toContain(logicalId(synth.api, synth.api.api));
    expect(values).toContain(logicalId(synth.api, synth.api.userPool));
    expect(values).toContain(logicalId(synth.api, synth.api.userPoolClient));
    synth.apiTemplate.hasOutput('DashboardUrl', {
      Value: {
        'Fn::Join': [
          '',
          [
            'https://',
            { 'Fn::GetAtt': [logicalId(synth.api, site?.distribution as Distribution), 'DomainName'] },
          ],
        ],
      },
    });
    // prod keeps its buckets; dev's are emptied and deleted with the stack.
    expect(
      synth.apiTemplate.toJSON().Resources[logicalId(synth.api, site?.bucket as Bucket)].DeletionPolicy,
    ).toBe('Retain');
  });

  it('is left out when the synth is given no build', () => {
    const synth = synthStage('dev', { dashboardAssetsPath: undefined });
    expect(synth.api.dashboard).toBeUndefined();
    expect(Object.keys(synth.apiTemplate.findResources('AWS::CloudFront::Distribution'))).toEqual([]);
  });

  it('stops cdk synth with a clear message when the dashboard is not built', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'no-dashboard-'));
    expect(() => builtDashboard(empty)).toThrow(/dashboard is not built/);
    expect(builtDashboard(DASHBOARD_FIXTURE)).toBe(DASHBOARD_FIXTURE);
  });
});
