import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { keyAttributeTypes, TABLE_DEFINITION } from '../../lib/db/table-definition.js';

const attributeDefinitions = () =>
  Object.entries(keyAttributeTypes()).map(([name, type]) => ({ AttributeName: name, AttributeType: type }));

const gsiSpec = (gsi: (typeof TABLE_DEFINITION.globalSecondaryIndexes)[number]) => ({
  IndexName: gsi.indexName,
  KeySchema: [
    { AttributeName: gsi.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: gsi.sortKey, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

/** CreateTable input built from the shared table definition (the same one CDK uses). */
export const createTableInput = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: attributeDefinitions(),
  KeySchema: [
    { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
    { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: TABLE_DEFINITION.globalSecondaryIndexes.map(gsiSpec),
  StreamSpecification: { StreamEnabled: true, StreamViewType: TABLE_DEFINITION.stream },
});

/**
 * Creates the table if it is missing, or adds any index the definition has gained since
 * it was created (a persisted local database survives code changes). Returns whether the
 * table was created now.
 */
export const ensureTable = async (
  client: DynamoDBClient,
  tableName: string,
): Promise<{ created: boolean }> => {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((gsi) => gsi.IndexName));
    for (const gsi of TABLE_DEFINITION.globalSecondaryIndexes.filter((g) => !existing.has(g.indexName))) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: attributeDefinitions(),
          GlobalSecondaryIndexUpdates: [{ Create: gsiSpec(gsi) }],
        }),
      );
    }
    return { created: false };
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { Enabled: true, AttributeName: TABLE_DEFINITION.timeToLiveAttribute },
    }),
  );
  return { created: true };
};
