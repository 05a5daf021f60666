import { type App, Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseExistingTable, STAGES, stageSettings } from '../../infra/stacks/stage-config.js';
import { apiResourcesOfType, type CfnJson, logicalId, type SynthesizedStage, synthStage } from './synth.js';

const RESTORED = {
  tableName: 'storefleet-prod-restored-20261201',
  tableStreamArn:
    'arn:aws:dynamodb:ap-southeast-2:123456789012:table/storefleet-prod-restored-20261201/stream/2026-12-01T03:04:05.678',
};

const only = (resources: Record<string, CfnJson>): [string, CfnJson] => {
  const entries = Object.entries(resources);
  expect(entries).toHaveLength(1);
  return entries[0] as [string, CfnJson];
};

const tableLogicalId = (synth: SynthesizedStage): string =>
  only(synth.dataTemplate.findResources('AWS::DynamoDB::Table'))[0];

describe.each(STAGES)('table backup (%s)', (stage) => {
  let synth: SynthesizedStage;
  let plan: CfnJson;
  let vaultId: string;
  let vault: CfnJson;

  beforeAll(() => {
    synth = synthStage(stage);
    plan = only(synth.dataTemplate.findResources('AWS::Backup::BackupPlan'))[1];
    [vaultId, vault] = only(synth.dataTemplate.findResources('AWS::Backup::BackupVault'));
  });

  const rules = (): CfnJson[] => plan.Properties.BackupPlan.BackupPlanRule;
  const rule = (name: string): CfnJson => rules().find((r: CfnJson) => r.RuleName === name);

  it('backs the table up daily into its own vault, kept 35 days', () => {
    expect(plan.Properties.BackupPlan.BackupPlanName).toBe(`storefleet-${stage}-data-table`);
    expect(rule('daily')).toMatchObject({
      ScheduleExpression: 'cron(0 17 * * ? *)',
      StartWindowMinutes: 60,
      CompletionWindowMinutes: 240,
      Lifecycle: { DeleteAfterDays: 35 },
      TargetBackupVault: { 'Fn::GetAtt': [vaultId, 'BackupVaultName'] },
    });
  });

  if (stage === 'prod') {
    it('also keeps a monthly backup for a year, and denies deleting recovery points', () => {
      expect(rules().map((r: CfnJson) => r.RuleName)).toEqual(['daily', 'monthly']);
      expect(rule('monthly')).toMatchObject({
        ScheduleExpression: 'cron(0 18 1 * ? *)',
        Lifecycle: { DeleteAfterDays: 365 },
        TargetBackupVault: { 'Fn::GetAtt': [vaultId, 'BackupVaultName'] },
      });
      expect(vault.Properties.AccessPolicy.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: expect.arrayContaining(['backup:DeleteRecoveryPoint']),
        }),
      );
      expect(vault.DeletionPolicy).toBe('Retain');
    });
  } else {
    it('has no monthly rule and a vault that goes with the stack', () => {
      expect(rules().map((r: CfnJson) => r.RuleName)).toEqual(['daily']);
      expect(vault.Properties.AccessPolicy).toBeUndefined();
      expect(vault.DeletionPolicy).toBe('Delete');
    });
  }

  it('selects the stage table, with a role that may back up and restore', () => {
    const [, selection] = only(synth.dataTemplate.findResources('AWS::Backup::BackupSelection'));
    expect(selection.Properties.BackupSelection.Resources).toEqual([
      { 'Fn::GetAtt': [tableLogicalId(synth), 'Arn'] },
    ]);
    const roleId = selection.Properties.BackupSelection.IamRoleArn['Fn::GetAtt'][0];
    const role = synth.dataTemplate.toJSON().Resources[roleId];
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({
      Service: 'backup.amazonaws.com',
    });
    const policies = JSON.stringify(role.Properties.ManagedPolicyArns);
    expect(policies).toContain('service-role/AWSBackupServiceRolePolicyForBackup');
    expect(policies).toContain('service-role/AWSBackupServiceRolePolicyForRestores');
  });

  it('keeps every bucket a function binds versioned (the lake, and any bucket added later)', () => {
    const names = Object.keys(synth.data.buckets);
    expect(names).toContain('dataLake');
    for (const [name, bucket] of Object.entries(synth.data.buckets)) {
      const id = logicalId(Stack.of(bucket), bucket as CfnJson);
      const resource = synth.dataTemplate.toJSON().Resources[id];
      expect(resource?.Properties.VersioningConfiguration, name).toEqual({ Status: 'Enabled' });
    }
  });

  it('outputs the vault name', () => {
    synth.dataTemplate.hasOutput('BackupVaultName', {
      Value: { 'Fn::GetAtt': [vaultId, 'BackupVaultName'] },
    });
  });
});

describe('a stage pointed at an existing (restored) table', () => {
  let synth: SynthesizedStage;

  beforeAll(() => {
    synth = synthStage('prod', { existingTable: RESTORED });
  });

  it('creates no table, and outputs the existing one', () => {
    expect(synth.dataTemplate.findResources('AWS::DynamoDB::Table')).toEqual({});
    expect(apiResourcesOfType(synth, 'AWS::DynamoDB::Table')).toEqual([]);
    synth.dataTemplate.hasOutput('TableName', { Value: RESTORED.tableName });
  });

  it('backs the existing table up', () => {
    const [, selection] = only(synth.dataTemplate.findResources('AWS::Backup::BackupSelection'));
    expect(JSON.stringify(selection.Properties.BackupSelection.Resources)).toContain(
      `:table/${RESTORED.tableName}`,
    );
  });

  it('gives every function the existing table and every stream trigger its stream', () => {
    const mappings = apiResourcesOfType(synth, 'AWS::Lambda::EventSourceMapping').filter((mapping: CfnJson) =>
      JSON.stringify(mapping.Properties.EventSourceArn).includes('stream'),
    );
    expect(mappings.length).toBeGreaterThan(0);
    for (const mapping of mappings) expect(mapping.Properties.EventSourceArn).toBe(RESTORED.tableStreamArn);
    const functions = apiResourcesOfType(synth, 'AWS::Lambda::Function').filter(
      (fn: CfnJson) => fn.Properties.Environment?.Variables?.TABLE_NAME !== undefined,
    );
    expect(functions.length).toBeGreaterThan(10);
    for (const fn of functions)
      expect(fn.Properties.Environment.Variables.TABLE_NAME).toBe(RESTORED.tableName);
  });

  it('grants on the existing table and its indexes only', () => {
    const policies = JSON.stringify(apiResourcesOfType(synth, 'AWS::IAM::Policy'));
    expect(policies).toContain(`:table/${RESTORED.tableName}/index/*`);
    expect(policies).not.toContain('ExportsOutputFnGetAttTable');
  });

  it('passes cdk-nag', () => {
    const app = synth.app as App;
    const violations = new AwsSolutionsChecks(app)
      .validateScope(app)
      .violations.flatMap((violation) =>
        violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`),
      );
    expect(violations).toEqual([]);
  });
});

describe('-c tableName / -c tableStreamArn', () => {
  it('are optional, and taken together', () => {
    expect(parseExistingTable(undefined, undefined)).toBeUndefined();
    expect(parseExistingTable('', '')).toBeUndefined();
    expect(parseExistingTable(RESTORED.tableName, RESTORED.tableStreamArn)).toEqual(RESTORED);
  });

  it('refuse a name without its stream, a stream of another table, or a bad name', () => {
    expect(() => parseExistingTable(RESTORED.tableName, undefined)).toThrow(
      /needs -c tableStreamArn too: aws dynamodb describe-table --table-name storefleet-prod-restored-20261201/,
    );
    expect(() => parseExistingTable('other-table', RESTORED.tableStreamArn)).toThrow(
      /must be the stream ARN of table other-table/,
    );
    expect(() => parseExistingTable(undefined, RESTORED.tableStreamArn)).toThrow(/-c tableName must be/);
    expect(() => parseExistingTable('a b', RESTORED.tableStreamArn)).toThrow(/-c tableName must be/);
    expect(() => parseExistingTable(RESTORED.tableName, 'arn:aws:s3:::bucket')).toThrow(/tableStreamArn/);
  });
});

describe('stage backup settings', () => {
  it('keep daily backups 35 days everywhere and monthly ones a year in prod only', () => {
    expect(stageSettings('dev').backup).toEqual({
      dailyRetentionDays: 35,
      blockRecoveryPointDeletion: false,
    });
    expect(stageSettings('prod').backup).toEqual({
      dailyRetentionDays: 35,
      monthlyRetentionDays: 365,
      blockRecoveryPointDeletion: true,
    });
  });
});
