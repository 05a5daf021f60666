import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillIndexKeys } from '../../infra/local/backfill-index-keys.js';
import {
  type DynamoDbLocal,
  localDynamoClient,
  startDynamoDbLocal,
} from '../../infra/local/dynamodb-local.js';
import { createTableInput, ensureTable } from '../../infra/local/table-setup.js';
import { ENTITY, orderKeys, productKeys } from '../../lib/db/keys.js';
import { TABLE_DEFINITION } from '../../lib/db/table-definition.js';

// Its own DynamoDB Local with data on disk, like `npm start`'s .data/: the shared test instance
// holds every test file's table and, busy, may leave a new index CREATING for a long time.
let dynamo: DynamoDbLocal;
let client: DynamoDBClient;
let documents: DynamoDBDocumentClient;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'storefleet-setup-'));
  dynamo = await startDynamoDbLocal({ dataDir });
  client = localDynamoClient(dynamo.endpoint);
  documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
});

afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const indexesOf = async (TableName: string) =>
  ((await client.send(new DescribeTableCommand({ TableName }))).Table?.GlobalSecondaryIndexes ?? [])
    .map((gsi) => gsi.IndexName)
    .sort();

describe('local table setup', () => {
  it('adds the indexes a persisted table lacks since the definition grew, and creates nothing twice', async () => {
    const TableName = `setup-${randomUUID()}`;
    // A table as an older version created it: without the two newest indexes (gsi5, gsi6).
    const full = createTableInput(TableName);
    const [newest, secondNewest, ...older] = [...(full.GlobalSecondaryIndexes ?? [])].reverse();
    const added = [secondNewest?.IndexName, newest?.IndexName];
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
    expect(await indexesOf(TableName)).not.toContain(secondNewest?.IndexName);
    // An order written before gsi5 existed, and a walk-in order (no customer, so no gsi5 keys).
    const order = {
      ...orderKeys.item('or_old'),
      entityType: ENTITY.order,
      orderId: 'or_old',
      storeId: 'st_a',
      status: 'PAID',
      createdAt: '2026-01-02T03:04:05.000Z',
      customerId: 'cu_a',
    };
    const walkIn = {
      ...order,
      ...orderKeys.item('or_walk_in'),
      orderId: 'or_walk_in',
      customerId: undefined,
    };
    // A product written before gsi6 (name search) existed.
    const product = {
      ...productKeys.item('pr_old'),
      entityType: ENTITY.product,
      productId: 'pr_old',
      name: 'Café Crème',
      status: 'active',
      category: 'accessories',
    };
    for (const Item of [order, walkIn, product]) await documents.send(new PutCommand({ TableName, Item }));

    const { created, addedIndexes } = await ensureTable(client, TableName);
    expect({ created, addedIndexes }).toEqual({ created: false, addedIndexes: added });
    const all = TABLE_DEFINITION.globalSecondaryIndexes.map((gsi) => gsi.indexName).sort();
    expect(await indexesOf(TableName)).toEqual(all);
    expect(await backfillIndexKeys(client, TableName, addedIndexes)).toBe(2);
    const item = async (orderId: string) =>
      (await documents.send(new GetCommand({ TableName, Key: orderKeys.item(orderId) }))).Item;
    expect(await item('or_old')).toMatchObject({
      gsi5pk: orderKeys.customerStorePartition('cu_a', 'st_a'),
      gsi5sk: '2026-01-02T03:04:05.000Z#or_old',
    });
    expect(await item('or_walk_in')).not.toHaveProperty('gsi5pk');
    const backfilled = await documents.send(new GetCommand({ TableName, Key: productKeys.item('pr_old') }));
    expect(backfilled.Item).toMatchObject({ gsi6pk: 'PRODUCT_NAMES', gsi6sk: 'cafe creme#pr_old' });

    expect(await ensureTable(client, TableName)).toEqual({ created: false, addedIndexes: [] });
    expect(await indexesOf(TableName)).toEqual(all);
  });
});
