import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  type Projection,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { type IndexProjection, keyAttributeTypes, TABLE_DEFINITION } from '../../lib/db/table-definition.js';

const attributeDefinitions = () =>
  Object.entries(keyAttributeTypes()).map(([name, type]) => ({ AttributeName: name, AttributeType: type }));

/** DynamoDB's Projection for the definition's projection (the same mapping as the CDK stack's). */
export const projectionSpec = (projection: IndexProjection): Projection =>
  projection.type === 'INCLUDE'
    ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...projection.attributes] }
    : { ProjectionType: projection.type };

const gsiSpec = (gsi: (typeof TABLE_DEFINITION.globalSecondaryIndexes)[number]) => ({
  IndexName: gsi.indexName,
  KeySchema: [
    { AttributeName: gsi.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: gsi.sortKey, KeyType: 'RANGE' as const },
  ],
  Projection: projectionSpec(gsi.projection),
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
 * Index changes run in the background; writes to the table while one is CREATING can fail
 * locally. Waits until every index is ACTIVE (a deleted one has gone).
 */
const waitForActiveIndexes = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  for (let attempt = 0; attempt < 120; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if ((Table?.GlobalSecondaryIndexes ?? []).every((gsi) => gsi.IndexStatus === 'ACTIVE')) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The indexes of ${tableName} did not become ACTIVE`);
};

export interface EnsuredTable {
  created: boolean;
  /** Indexes the definition gained since the table was created, added now. */
  addedIndexes: string[];
  /** Indexes the definition retired (e.g. gsi3, gsi5), deleted now. */
  removedIndexes: string[];
}

/**
 * Creates the table if it is missing, or brings a persisted one (which survives code changes)
 * to the definition's indexes: adds those it gained, deletes those it retired, one change per
 * UpdateTable as DynamoDB requires. The items' keys follow with backfillIndexKeys.
 */
export const ensureTable = async (client: DynamoDBClient, tableName: string): Promise<EnsuredTable> => {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((gsi) => gsi.IndexName));
    const defined = new Set<string>(TABLE_DEFINITION.globalSecondaryIndexes.map((gsi) => gsi.indexName));
    const missing = TABLE_DEFINITION.globalSecondaryIndexes.filter((g) => !existing.has(g.indexName));
    const retired = [...existing].filter((name): name is string => !!name && !defined.has(name)).sort();
    for (const gsi of missing) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: attributeDefinitions(),
          GlobalSecondaryIndexUpdates: [{ Create: gsiSpec(gsi) }],
        }),
      );
      await waitForActiveIndexes(client, tableName);
    }
    for (const indexName of retired) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: indexName } }],
        }),
      );
      await waitForActiveIndexes(client, tableName);
    }
    return { created: false, addedIndexes: missing.map((gsi) => gsi.indexName), removedIndexes: retired };
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
  return { created: true, addedIndexes: [], removedIndexes: [] };
};
