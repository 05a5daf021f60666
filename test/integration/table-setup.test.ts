import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { localDynamoClient } from '../../infra/local/dynamodb-local.js';
import { createTableInput, ensureTable } from '../../infra/local/table-setup.js';
import { TABLE_DEFINITION } from '../../lib/db/table-definition.js';

const client = localDynamoClient(inject('dynamoEndpoint'));
const tables: string[] = [];

afterAll(async () => {
  for (const TableName of tables) await client.send(new DeleteTableCommand({ TableName }));
  client.destroy();
});

const indexesOf = async (TableName: string) =>
  ((await client.send(new DescribeTableCommand({ TableName }))).Table?.GlobalSecondaryIndexes ?? [])
    .map((gsi) => gsi.IndexName)
    .sort();

describe('local table setup', () => {
  it('adds the indexes a persisted table lacks since the definition grew, and creates nothing twice', async () => {
    const TableName = `setup-${randomUUID()}`;
    tables.push(TableName);
    // A table as an older version created it: without the newest index.
    const full = createTableInput(TableName);
    const [newest, ...older] = [...(full.GlobalSecondaryIndexes ?? [])].reverse();
    const used = new Set(
      [...(full.KeySchema ?? []), ...older.flatMap((gsi) => gsi.KeySchema ?? [])].map(
        (key) => key.AttributeName,
      ),
    );
    await client.send(
      new CreateTableCommand({
        ...full,
        GlobalSecondaryIndexes: older.reverse(),
        AttributeDefinitions: full.AttributeDefinitions?.filter((attribute) =>
          used.has(attribute.AttributeName),
        ),
      }),
    );
    expect(await indexesOf(TableName)).not.toContain(newest?.IndexName);

    expect(await ensureTable(client, TableName)).toEqual({ created: false });
    const all = TABLE_DEFINITION.globalSecondaryIndexes.map((gsi) => gsi.indexName).sort();
    expect(await indexesOf(TableName)).toEqual(all);
    expect(await ensureTable(client, TableName)).toEqual({ created: false });
    expect(await indexesOf(TableName)).toEqual(all);
  });
});
