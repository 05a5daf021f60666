import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { appDefinition } from '../../infra/app-definition.js';
import { bucketBindingsOf } from '../../infra/bindings.js';
import { grantBucketBinding } from '../../infra/constructs/bucket-grants.js';
import { changeExportFilterPatterns } from '../../lib/lake/change-export-filter.js';
import {
  actionsOf,
  type CfnJson,
  functionSite,
  logicalId,
  type SynthesizedStage,
  statementsOfRole,
  synthStage,
} from './synth.js';

const bucketsOf = (synth: SynthesizedStage) => {
  const resources = synth.dataTemplate.toJSON().Resources as Record<string, CfnJson>;
  const of = (bucket: Bucket) => resources[logicalId(synth.data, bucket)].Properties;
  return {
    lake: of(synth.data.dataLakeBucket),
    results: of(synth.data.queryResultsBucket),
    logs: of(synth.data.accessLogsBucket),
  };
};

describe('data-lake buckets (prod)', () => {
  let synth: SynthesizedStage;
  let buckets: ReturnType<typeof bucketsOf>;

  beforeAll(() => {
    synth = synthStage('prod');
    buckets = bucketsOf(synth);
  });

  it('are the lake’s three and the imports bucket, in the data stack only (the api stack holds only the dashboard site’s), none with a physical name', () => {
    // The imports bucket is checked in test/infra/imports.test.ts.
    expect(Object.keys(synth.dataTemplate.findResources('AWS::S3::Bucket'))).toHaveLength(4);
    for (const id of Object.keys(synth.apiTemplate.findResources('AWS::S3::Bucket')))
      expect(id).toMatch(/^Dashboard/);
    for (const bucket of Object.values(buckets)) expect(bucket.BucketName).toBeUndefined();
  });

  it('are encrypted and block every kind of public access; the lake and results take no ACLs', () => {
    for (const bucket of Object.values(buckets)) {
      expect(bucket).toMatchObject({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      });
    }
    for (const bucket of [buckets.lake, buckets.results])
      expect(bucket.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    // S3 log delivery is granted by bucket policy (cdk.json's serverAccessLogsUseBucketPolicy), not an ACL.
    expect(buckets.logs.AccessControl).toBeUndefined();
  });

  it('refuse every request without TLS', () => {
    const policies = Object.values(synth.dataTemplate.findResources('AWS::S3::BucketPolicy'));
    for (const bucket of [
      synth.data.dataLakeBucket,
      synth.data.queryResultsBucket,
      synth.data.accessLogsBucket,
    ]) {
      const id = logicalId(synth.data, bucket);
      const policy = policies.find((candidate: CfnJson) => candidate.Properties.Bucket.Ref === id);
      expect(policy?.Properties.PolicyDocument.Statement).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      );
    }
  });

  it('keep the lake versioned, raw changes to infrequent access after 30 days, old versions expiring', () => {
    expect(buckets.lake.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(buckets.lake.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Prefix: 'changes/',
          Status: 'Enabled',
          Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
        }),
        expect.objectContaining({
          Status: 'Enabled',
          NoncurrentVersionExpiration: { NoncurrentDays: 30 },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
        }),
      ]),
    );
  });

  it('expire query results after 30 days', () => {
    expect(buckets.results.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ Status: 'Enabled', ExpirationInDays: 30 }),
    ]);
  });

  it('log the lake’s and the results’ access to the access-log bucket, which expires its logs', () => {
    const logsId = logicalId(synth.data, synth.data.accessLogsBucket);
    expect(buckets.lake.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logsId },
      LogFilePrefix: 'data-lake/',
    });
    expect(buckets.results.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logsId },
      LogFilePrefix: 'query-results/',
    });
    expect(buckets.logs.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ Status: 'Enabled', ExpirationInDays: 365 }),
    ]);
  });

  it('are retained in prod and removed with a dev stack', () => {
    const policies = (template: SynthesizedStage['dataTemplate']) =>
      Object.values(template.findResources('AWS::S3::Bucket')).map(
        (bucket: CfnJson) => bucket.DeletionPolicy,
      );
    expect(policies(synth.dataTemplate)).toEqual(['Retain', 'Retain', 'Retain', 'Retain']);
    expect(policies(synthStage('dev').dataTemplate)).toEqual(['Delete', 'Delete', 'Delete', 'Delete']);
  });
});

describe('the change exporter (prod)', () => {
  let synth: SynthesizedStage;
  let site: ReturnType<typeof functionSite>;

  beforeAll(() => {
    synth = synthStage('prod');
    site = functionSite(synth, 'exportChanges');
  });

  it('reads the table stream in big batches, with partial responses, bisection, bounded retries and the lake filter', () => {
    const [trigger] = site.appFunction.streamTriggers;
    if (!trigger) throw new Error('no stream trigger');
    site.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: site.functionId },
      StartingPosition: 'LATEST',
      BatchSize: 10_000,
      MaximumBatchingWindowInSeconds: 300,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 6 * 3600,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(site.stack, trigger.onFailureQueue), 'Arn'] } },
      },
      FilterCriteria: {
        Filters: changeExportFilterPatterns().map((pattern) => ({ Pattern: JSON.stringify(pattern) })),
      },
    });
    const age = site.resources[logicalId(site.stack, trigger.iteratorAgeAlarm)].Properties;
    expect(age).toMatchObject({
      MetricName: 'IteratorAge',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: site.functionId } }],
    });
  });

  it('may only put objects under changes/ of the lake: no reads, no listing, no deletes, no other prefix', () => {
    const s3Statements = statementsOfRole(site.template, site.roleId).filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('s3:')),
    );
    expect(s3Statements).toHaveLength(1);
    const [statement] = s3Statements;
    expect(actionsOf(statement as never).sort()).toEqual(['s3:AbortMultipartUpload', 's3:PutObject']);
    expect(JSON.stringify(statement?.Resource)).toMatch(/DataLakeBucket.*\/changes\/\*"/);
    const variables = site.resources[site.functionId].Properties.Environment.Variables;
    expect(variables.DATA_LAKE_BUCKET).toEqual({
      'Fn::ImportValue': expect.stringContaining('ExportsOutputRefDataLakeDataLakeBucket'),
    });
    // The table only for appending audit entries (its grant: test/infra/audit-grant.test.ts).
    expect(variables).toHaveProperty('TABLE_NAME');
  });

  it('is, with the lake and report jobs, one of the only functions with S3 access: those with bucket bindings', () => {
    for (const [name, appFunction] of Object.entries(synth.api.functions)) {
      if (bucketBindingsOf(appDefinition.functions[name as keyof typeof appDefinition.functions]).length > 0)
        continue;
      const other = functionSite(synth, name);
      const actions = statementsOfRole(other.template, logicalId(other.stack, appFunction.role)).flatMap(
        actionsOf,
      );
      expect(
        actions.filter((action) => action.startsWith('s3:')),
        name,
      ).toEqual([]);
    }
  });
});

describe('bucket binding grants', () => {
  const grantFor = (access: 'read' | 'write' | 'read-write') => {
    const stack = new Stack(new App(), 'Grants');
    const bucket = new Bucket(stack, 'Lake');
    const role = new Role(stack, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    grantBucketBinding(role, bucket, { bucket: 'dataLake', access, prefix: 'curated/' });
    const template = Template.fromStack(stack);
    return statementsOfRole(template, stack.getLogicalId(role.node.defaultChild as never));
  };
  const bucketArn = { 'Fn::GetAtt': [expect.stringMatching(/^Lake/), 'Arn'] };
  const prefixArn = { 'Fn::Join': ['', [bucketArn, '/curated/*']] };

  it('lets a reader get objects and list keys under its prefix only', () => {
    expect(grantFor('read')).toEqual([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: prefixArn },
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: bucketArn,
        Condition: { StringLike: { 's3:prefix': ['curated/*'] } },
      },
    ]);
  });

  it('lets a writer put under its prefix only, and a reader-writer do both', () => {
    expect(grantFor('write')).toEqual([
      { Effect: 'Allow', Action: ['s3:PutObject', 's3:AbortMultipartUpload'], Resource: prefixArn },
    ]);
    expect(grantFor('read-write').map((statement) => statement.Action)).toEqual([
      ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
      's3:ListBucket',
    ]);
  });
});
