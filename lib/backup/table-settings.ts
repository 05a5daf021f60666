import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { TABLE_DEFINITION } from '../db/table-definition.js';
import type { CheckResult } from './table-check.js';

const keySchema = (partitionKey: string, sortKey: string) =>
  JSON.stringify([
    { AttributeName: partitionKey, KeyType: 'HASH' },
    { AttributeName: sortKey, KeyType: 'RANGE' },
  ]);

/**
 * What a table needs before a stage may use it (docs/runbooks/restore.md), from its
 * description: active; the keys and every index of TABLE_DEFINITION, with its projection, active;
 * the stream with both images (the stream triggers read it); TTL on `ttl`; deletion
 * protection; PITR. A restore carries none of stream, TTL, PITR and deletion protection over,
 * so this is what catches a step of the runbook left out. DynamoDB Local has no PITR API: then
 * PITR is reported as not checked rather than failed.
 */
export const checkTableSettings = async (client: DynamoDBClient, tableName: string): Promise<CheckResult> => {
  const failures: string[] = [];
  const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (table?.TableStatus !== 'ACTIVE') failures.push(`table status is ${table?.TableStatus}, not ACTIVE`);
  if (JSON.stringify(table?.KeySchema) !== keySchema(TABLE_DEFINITION.partitionKey, TABLE_DEFINITION.sortKey))
    failures.push(`key schema is ${JSON.stringify(table?.KeySchema)}`);
  for (const index of TABLE_DEFINITION.globalSecondaryIndexes) {
    const found = table?.GlobalSecondaryIndexes?.find((gsi) => gsi.IndexName === index.indexName);
    if (!found) failures.push(`index ${index.indexName} is missing`);
    else {
      if (JSON.stringify(found.KeySchema) !== keySchema(index.partitionKey, index.sortKey))
        failures.push(`index ${index.indexName} has keys ${JSON.stringify(found.KeySchema)}`);
      const expected = index.projection;
      const included = expected.type === 'INCLUDE' ? [...expected.attributes].sort().join(',') : '';
      const actual = [...(found.Projection?.NonKeyAttributes ?? [])].sort().join(',');
      if (found.Projection?.ProjectionType !== expected.type || actual !== included)
        failures.push(
          `index ${index.indexName} projects ${found.Projection?.ProjectionType}${actual ? ` (${actual})` : ''}, not ${expected.type}${included ? ` (${included})` : ''}`,
        );
      if (found.IndexStatus !== 'ACTIVE') failures.push(`index ${index.indexName} is ${found.IndexStatus}`);
    }
  }
  const stream = table?.StreamSpecification;
  if (!stream?.StreamEnabled || stream.StreamViewType !== TABLE_DEFINITION.stream)
    failures.push(
      `stream is ${stream?.StreamEnabled ? stream.StreamViewType : 'off'}, not ${TABLE_DEFINITION.stream}`,
    );
  if (!table?.DeletionProtectionEnabled) failures.push('deletion protection is off');
  const { TimeToLiveDescription: ttl } = await client.send(
    new DescribeTimeToLiveCommand({ TableName: tableName }),
  );
  if (ttl?.TimeToLiveStatus !== 'ENABLED' || ttl.AttributeName !== TABLE_DEFINITION.timeToLiveAttribute)
    failures.push(
      `TTL is ${ttl?.TimeToLiveStatus ?? 'unknown'} on ${ttl?.AttributeName ?? '(none)'}, not ENABLED on ${TABLE_DEFINITION.timeToLiveAttribute}`,
    );
  let pitr = 'PITR';
  try {
    const { ContinuousBackupsDescription: backups } = await client.send(
      new DescribeContinuousBackupsCommand({ TableName: tableName }),
    );
    const status = backups?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus;
    if (status !== 'ENABLED') failures.push(`point-in-time recovery is ${status ?? 'unknown'}, not ENABLED`);
  } catch (error) {
    if ((error as Error).name !== 'UnknownOperationException') throw error;
    pitr = 'PITR not checked: this endpoint (DynamoDB Local) has no PITR';
  }
  return {
    name: 'table settings',
    checked: `${tableName}: status, keys, ${TABLE_DEFINITION.globalSecondaryIndexes.length} indexes, stream, TTL, deletion protection, ${pitr}`,
    failureCount: failures.length,
    failures,
  };
};
