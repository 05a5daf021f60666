import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { appDefinition } from '../../infra/app-definition.js';
import { defineApp } from '../../infra/define-app.js';
import {
  actionsOf,
  type CfnJson,
  functionSite,
  type SynthesizedStage,
  statementsOfRole,
  synthStage,
} from './synth.js';

describe('bulk import infrastructure', () => {
  let synth: SynthesizedStage;
  beforeAll(() => {
    synth = synthStage('prod');
  });

  const importsBucket = () => {
    const buckets = synth.dataTemplate.findResources('AWS::S3::Bucket', {
      Properties: { LoggingConfiguration: { LogFilePrefix: 'imports/' } },
    });
    const [entry] = Object.entries(buckets);
    if (!entry) throw new Error('no imports bucket');
    return { id: entry[0], bucket: entry[1] as CfnJson };
  };

  it('declares the imports bucket: versioned, encrypted, private, events to EventBridge, uploads and reports expiring', () => {
    const { bucket } = importsBucket();
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
    const rules = bucket.Properties.LifecycleConfiguration.Rules as CfnJson[];
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 7, Status: 'Enabled' }),
        expect.objectContaining({ Prefix: 'reports/', ExpirationInDays: 30, Status: 'Enabled' }),
        expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 7 } }),
      ]),
    );
    // No custom-resource Lambda just to switch notifications on.
    expect(Object.keys(synth.dataTemplate.findResources('Custom::S3BucketNotifications'))).toEqual([]);
  });

  it('refuses plain HTTP to the imports bucket', () => {
    const { id } = importsBucket();
    synth.dataTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('invokes the import function for objects created under uploads/, with retries and its dead-letter queue', () => {
    const site = functionSite(synth, 'runUploadedImport');
    const rules = Object.values(site.template.findResources('AWS::Events::Rule')) as CfnJson[];
    const rule = rules.find((candidate) => candidate.Properties.EventPattern?.source?.[0] === 'aws.s3');
    expect(rule?.Properties.EventPattern).toMatchObject({
      'detail-type': ['Object Created'],
      detail: { object: { key: [{ prefix: 'uploads/' }] } },
    });
    expect(rule?.Properties.EventBusName).toBeUndefined(); // the default bus, where S3 sends events
    expect(JSON.stringify(rule?.Properties.EventPattern.detail.bucket.name)).toContain('Imports');
    const [target] = rule?.Properties.Targets ?? [];
    expect(target).toMatchObject({
      RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
    });
    expect(target.DeadLetterConfig).toBeDefined();
  });

  it('grants each import function only its prefixes of the bucket', () => {
    const objectGrants = (name: string) =>
      statementsOfRole(functionSite(synth, name).template, functionSite(synth, name).roleId)
        .filter((statement) => actionsOf(statement).some((action) => action.startsWith('s3:')))
        .map((statement) => ({
          actions: actionsOf(statement).sort(),
          resource: JSON.stringify(statement.Resource),
        }));
    const run = objectGrants('runUploadedImport');
    expect(run.find((grant) => grant.resource.includes('/uploads/*'))?.actions).toEqual(['s3:GetObject']);
    expect(run.find((grant) => grant.resource.includes('/reports/*'))?.actions).toEqual([
      's3:AbortMultipartUpload',
      's3:PutObject',
    ]);
    const create = objectGrants('createImport');
    expect(create).toHaveLength(1);
    expect(create[0]?.resource).toContain('/uploads/*');
    expect(create[0]?.actions).not.toContain('s3:GetObject');
    const get = objectGrants('getImport').filter((grant) => grant.actions.includes('s3:GetObject'));
    expect(get.map((grant) => grant.resource.includes('/reports/*'))).toEqual([true]);
    for (const name of ['createImport', 'getImport', 'runUploadedImport'])
      expect(objectGrants(name).flatMap((grant) => grant.actions)).not.toContain('s3:DeleteObject');
  });

  it('refuses an objectCreated trigger on a bucket that does not send its events to EventBridge', () => {
    expect(() =>
      defineApp({
        ...appDefinition,
        domains: {
          ...appDefinition.domains,
          extra: {
            lakeWatcher: {
              entry: 'functions/platform/health.ts',
              description: 'x',
              bindings: [],
              triggers: [
                {
                  kind: 'objectCreated',
                  description: 'x',
                  bucket: 'dataLake',
                  prefix: 'changes/',
                  retryAttempts: 0,
                  maxEventAgeSeconds: 60,
                },
              ],
            },
          },
        },
      }),
    ).toThrow(/EventBridge/);
  });
});
