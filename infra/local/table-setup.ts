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

/** New indexes build in the background; writes to the table while one is CREATING can fail locally. */
const waitForActiveIndexes = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  for (let attempt = 0; attempt < 120; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if ((Table?.GlobalSecondaryIndexes ?? []).every((gsi) => gsi.IndexStatus === 'ACTIVE')) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The indexes of ${tableName} did not become ACTIVE`);
};

/**
 * Creates the table if it is missing, or adds any index the definition has gained since
 * it was created (a persisted local database survives code changes). Returns whether the
 * table was created now and which indexes were added to an existing one.
 */
export const ensureTable = async (
  client: DynamoDBClient,
  tableName: string,
): Promise<{ created: boolean; addedIndexes: string[] }> => {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((gsi) => gsi.IndexName));
    const missing = TABLE_DEFINITION.globalSecondaryIndexes.filter((g) => !existing.has(g.indexName));
    for (const gsi of missing) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: attributeDefinitions(),
          GlobalSecondaryIndexUpdates: [{ Create: gsiSpec(gsi) }],
        }),
      );
    }
    if (missing.length > 0) await waitForActiveIndexes(client, tableName);
    return { created: false, addedIndexes: missing.map((gsi) => gsi.indexName) };
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
  return { created: true, addedIndexes: [] };
};
