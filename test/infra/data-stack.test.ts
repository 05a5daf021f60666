import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../infra/stacks/stage-config.js';
import {
  keyAttributeTypes,
  ORDER_SUMMARY_ATTRIBUTES,
  TABLE_DEFINITION,
} from '../../lib/db/table-definition.js';
import { apiResourcesOfType, type CfnJson, type SynthesizedStage, synthStage } from './synth.js';

describe.each(STAGES)('data stack (%s)', (stage) => {
  let synth: SynthesizedStage;
  let table: CfnJson;

  beforeAll(() => {
    synth = synthStage(stage);
    const tables = Object.values(synth.dataTemplate.findResources('AWS::DynamoDB::Table'));
    expect(tables).toHaveLength(1);
    table = tables[0];
  });

  it('is the only stack with a table', () => {
    expect(apiResourcesOfType(synth, 'AWS::DynamoDB::Table')).toEqual([]);
    expect(apiResourcesOfType(synth, 'AWS::DynamoDB::GlobalTable')).toEqual([]);
  });

  it('has the key schema and key attribute types of TABLE_DEFINITION', () => {
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
    ]);
    const types = Object.fromEntries(
      (table.Properties.AttributeDefinitions as { AttributeName: string; AttributeType: string }[]).map(
        (attribute) => [attribute.AttributeName, attribute.AttributeType],
      ),
    );
    expect(types).toEqual(keyAttributeTypes());
  });

  it('has every GSI of TABLE_DEFINITION with its keys', () => {
    expect(
      table.Properties.GlobalSecondaryIndexes.map((gsi: { IndexName: string; KeySchema: unknown }) => ({
        IndexName: gsi.IndexName,
        KeySchema: gsi.KeySchema,
      })),
    ).toEqual(
      TABLE_DEFINITION.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
      })),
    );
  });

  it('projects whole items only on the shared indexes: order listings carry the summary, customers and levels keys only', () => {
    const projections = Object.fromEntries(
      table.Properties.GlobalSecondaryIndexes.map((gsi: { IndexName: string; Projection: unknown }) => [
        gsi.IndexName,
        gsi.Projection,
      ]),
    );
    const summary = { ProjectionType: 'INCLUDE', NonKeyAttributes: [...ORDER_SUMMARY_ATTRIBUTES] };
    expect(projections).toEqual({
      gsi1: { ProjectionType: 'ALL' },
      gsi2: { ProjectionType: 'ALL' },
      gsi4: { ProjectionType: 'ALL' },
      gsi6: { ProjectionType: 'ALL' },
      gsi7: summary,
      gsi8: summary,
      gsi9: { ProjectionType: 'KEYS_ONLY' },
      gsi10: { ProjectionType: 'KEYS_ONLY' },
    });
    // The retired whole-order indexes are gone (their removal is a deploy of its own: the runbook).
    expect(Object.keys(projections)).not.toContain('gsi3');
    expect(Object.keys(projections)).not.toContain('gsi5');
  });

  it('is on demand, with PITR, the stream, TTL and encryption at rest', () => {
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      StreamSpecification: { StreamViewType: TABLE_DEFINITION.stream },
      TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.timeToLiveAttribute, Enabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('has no physical table name', () => {
    expect(table.Properties.TableName).toBeUndefined();
  });

  it('outputs the table name', () => {
    synth.dataTemplate.hasOutput('TableName', { Value: { Ref: Match.anyValue() } });
  });

  if (stage === 'prod') {
    it('protects and retains the prod table', () => {
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
    });
  } else {
    it('lets dev tables go', () => {
      expect(table.Properties.DeletionProtectionEnabled).toBe(false);
      expect(table.DeletionPolicy).toBe('Delete');
    });
  }
});
