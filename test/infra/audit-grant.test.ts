import { beforeAll, describe, expect, it } from 'vitest';
import { appDefinition } from '../../infra/app-definition.js';
import { stageSettings } from '../../infra/stacks/stage-config.js';
import { AUDIT_RETENTION_DAYS_ENV, DEFAULT_AUDIT_RETENTION_DAYS } from '../../lib/audit/audit-retention.js';
import {
  actionsOf,
  type CfnJson,
  functionSite,
  type PolicyStatement,
  type SynthesizedStage,
  statementsOfRole,
  synthStage,
} from './synth.js';

/** The actions a stream event source mapping needs on the stream itself (granted by CDK). */
const STREAM_ACTIONS = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
];

const dynamoStatements = (statements: PolicyStatement[]) =>
  statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));

describe('the audit writer’s grant (the change exporter’s append binding)', () => {
  let synth: SynthesizedStage;
  let site: ReturnType<typeof functionSite>;
  let statements: PolicyStatement[];

  beforeAll(() => {
    synth = synthStage('prod');
    site = functionSite(synth, 'exportChanges');
    statements = dynamoStatements(statementsOfRole(site.template, site.roleId));
  });

  it('is declared as an append binding on AUDIT# partitions', () => {
    expect(appDefinition.functions.exportChanges.bindings).toContainEqual({
      table: 'append',
      leadingKeyPrefix: 'AUDIT#',
    });
  });

  it('allows PutItem on the table only (no index), only where every partition key starts with AUDIT#', () => {
    const dynamoActionsOf = (statement: PolicyStatement) =>
      actionsOf(statement).filter((action) => action.startsWith('dynamodb:'));
    const table = statements.filter(
      (statement) => !dynamoActionsOf(statement).every((action) => STREAM_ACTIONS.includes(action)),
    );
    expect(table).toHaveLength(1);
    const [put] = table as [PolicyStatement & { Condition?: CfnJson }];
    expect(put.Effect).toBe('Allow');
    expect(actionsOf(put)).toEqual(['dynamodb:PutItem']);
    expect(put.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } });
    const resources = Array.isArray(put.Resource) ? put.Resource : [put.Resource];
    expect(resources).toHaveLength(1);
    expect(JSON.stringify(resources)).not.toContain('/index/');
    // The table's ARN as the data stack exports it: the table itself, not its stream or an index.
    expect(resources[0]).toEqual({ 'Fn::ImportValue': expect.stringMatching(/Table\w*Arn/) });
    expect(JSON.stringify(resources[0])).not.toContain('Stream');
  });

  it('grants no read, update or delete of the table and no other write', () => {
    const actions = statements.flatMap(actionsOf);
    for (const action of [
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:Scan',
      'dynamodb:BatchGetItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:ConditionCheckItem',
    ])
      expect(actions).not.toContain(action);
  });

  it('gives the function the table name and the stage’s audit retention, and no cursor secret', () => {
    const variables = site.resources[site.functionId].Properties.Environment.Variables;
    expect(variables.TABLE_NAME).toBeDefined();
    expect(variables[AUDIT_RETENTION_DAYS_ENV]).toBe(String(stageSettings('prod').auditRetentionDays));
    expect(stageSettings('prod').auditRetentionDays).toBe(DEFAULT_AUDIT_RETENTION_DAYS);
    expect(variables.CURSOR_SECRET_ID).toBeUndefined();
  });

  it('leaves the audit routes read-only', () => {
    for (const name of ['listEntityAudit', 'listStoreAudit']) {
      const reader = functionSite(synth, name);
      const actions = dynamoStatements(statementsOfRole(reader.template, reader.roleId)).flatMap(actionsOf);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
      for (const action of [
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:BatchWriteItem',
      ])
        expect(actions).not.toContain(action);
    }
  });
});
