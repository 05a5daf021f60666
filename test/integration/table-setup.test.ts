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
import { ENTITY, inventoryKeys, orderKeys, productKeys } from '../../lib/db/keys.js';
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

const legacyIndex = (name: string) => ({
  IndexName: name,
  KeySchema: [
    { AttributeName: `${name}pk`, KeyType: 'HASH' as const },
    { AttributeName: `${name}sk`, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

describe('local table setup', () => {
  it("brings a persisted table to the definition: adds new indexes, deletes retired ones, moves the items' keys", async () => {
    const TableName = `setup-${randomUUID()}`;
    // A table as the release before the narrow order indexes created it: gsi1–gsi6, all ALL.
    const full = createTableInput(TableName);
    const kept = (full.GlobalSecondaryIndexes ?? []).filter((gsi) =>
      ['gsi1', 'gsi2', 'gsi4', 'gsi6'].includes(gsi.IndexName ?? ''),
    );
    const older = [...kept, legacyIndex('gsi3'), legacyIndex('gsi5')];
    const used = new Set(
      [...(full.KeySchema ?? []), ...older.flatMap((gsi) => gsi.KeySchema ?? [])].map(
        (key) => key.AttributeName,
      ),
    );
    await client.send(
      new CreateTableCommand({
        ...full,
        GlobalSecondaryIndexes: older,
        AttributeDefinitions: [
          ...(full.AttributeDefinitions ?? []),
          ...['gsi3pk', 'gsi3sk', 'gsi5pk', 'gsi5sk'].map((name) => ({
            AttributeName: name,
            AttributeType: 'S' as const,
          })),
        ].filter((attribute) => used.has(attribute.AttributeName)),
      }),
    );
    // An order as that release wrote it (listed on gsi1, gsi2, gsi3, gsi5), a walk-in order (no
    // customer), a level listed by product on gsi2, and a product without its gsi6 keys.
    const order = {
      ...orderKeys.item('or_old'),
      entityType: ENTITY.order,
      orderId: 'or_old',
      storeId: 'st_a',
      status: 'PAID',
      createdAt: '2026-01-02T03:04:05.000Z',
      customerId: 'cu_a',
      version: 3,
      gsi1pk: 'STORE#st_a#ORDERS#PAID',
      gsi1sk: '2026-01-02T03:04:05.000Z#or_old',
      gsi2pk: 'STORE#st_a#ORDERS',
      gsi2sk: '2026-01-02T03:04:05.000Z#or_old',
      gsi3pk: 'CUSTOMER#cu_a#ORDERS',
      gsi3sk: '2026-01-02T03:04:05.000Z#or_old',
      gsi5pk: 'CUSTOMER#cu_a#STORE#st_a#ORDERS',
      gsi5sk: '2026-01-02T03:04:05.000Z#or_old',
    };
    const walkIn = {
      ...order,
      ...orderKeys.item('or_walk_in'),
      orderId: 'or_walk_in',
      customerId: undefined,
      gsi3pk: undefined,
      gsi3sk: undefined,
      gsi5pk: undefined,
      gsi5sk: undefined,
    };
    const level = {
      ...inventoryKeys.level('st_a', 'SKU-1'),
      entityType: ENTITY.inventoryLevel,
      storeId: 'st_a',
      sku: 'SKU-1',
      productId: 'pr_old',
      available: 4,
      version: 2,
      gsi2pk: 'INVENTORY#pr_old',
      gsi2sk: 'st_a#SKU-1',
    };
    const product = {
      ...productKeys.item('pr_old'),
      entityType: ENTITY.product,
      productId: 'pr_old',
      name: 'Café Crème',
      status: 'active',
      category: 'accessories',
    };
    for (const Item of [order, walkIn, level, product])
      await documents.send(new PutCommand({ TableName, Item }));

    const ensured = await ensureTable(client, TableName);
    expect(ensured).toEqual({
      created: false,
      addedIndexes: ['gsi7', 'gsi8', 'gsi9', 'gsi10'],
      removedIndexes: ['gsi3', 'gsi5'],
    });
    const all = TABLE_DEFINITION.globalSecondaryIndexes.map((gsi) => gsi.indexName).sort();
    expect(await indexesOf(TableName)).toEqual(all);
    expect(
      await backfillIndexKeys(client, TableName, [...ensured.addedIndexes, ...ensured.removedIndexes]),
    ).toBe(4);
    const item = async (key: { pk: string; sk: string }) =>
      (await documents.send(new GetCommand({ TableName, Key: key }))).Item ?? {};
    const migrated = await item(orderKeys.item('or_old'));
    expect(migrated).toMatchObject(
      orderKeys.listings({
        orderId: 'or_old',
        storeId: 'st_a',
        status: 'PAID',
        createdAt: order.createdAt,
        customerId: 'cu_a',
      }),
    );
    expect(migrated).toMatchObject({
      gsi10pk: 'CUSTOMER#cu_a#STORE#st_a#ORDERS',
      gsi7pk: 'STORE#st_a#ORDERS#PAID',
    });
    for (const legacy of ['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'gsi5pk', 'gsi5sk'])
      expect(migrated).not.toHaveProperty(legacy);
    const walkInMigrated = await item(orderKeys.item('or_walk_in'));
    expect(walkInMigrated).toMatchObject({ gsi8pk: 'STORE#st_a#ORDERS' });
    expect(walkInMigrated).not.toHaveProperty('gsi9pk');
    expect(walkInMigrated).not.toHaveProperty('gsi1pk');
    const levelMigrated = await item(inventoryKeys.level('st_a', 'SKU-1'));
    expect(levelMigrated).toMatchObject({ gsi9pk: 'INVENTORY#pr_old', gsi9sk: 'st_a#SKU-1', available: 4 });
    expect(levelMigrated).not.toHaveProperty('gsi2pk');
    expect(await item(productKeys.item('pr_old'))).toMatchObject({
      gsi6pk: 'PRODUCT_NAMES',
      gsi6sk: 'cafe creme#pr_old',
    });
    // Business attributes and versions are untouched; a second run finds nothing left to do.
    expect(migrated).toMatchObject({ status: 'PAID', version: 3, customerId: 'cu_a' });
    expect(await backfillIndexKeys(client, TableName, ['gsi7'])).toBe(0);

    expect(await ensureTable(client, TableName)).toEqual({
      created: false,
      addedIndexes: [],
      removedIndexes: [],
    });
    expect(await indexesOf(TableName)).toEqual(all);
  });
});
