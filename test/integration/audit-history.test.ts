/**
 * The audit history with real parts: changes made through the services on DynamoDB Local, their
 * stream records read back through the Streams API and filtered by the exporter's own Lambda
 * filter, the exporter's handler appending audit entries (and the lake objects, to s3rver), the
 * routes' service reading them back.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/lake/export-changes.js';
import { lakeFunctions } from '../../infra/functions/lake-functions.js';
import { lambdaContext } from '../../infra/local/lambda-context.js';
import { type LocalS3, startLocalS3 } from '../../infra/local/local-s3.js';
import type { AuditEntryView } from '../../lib/audit/audit-schemas.js';
import { listEntityAudit, listStoreAudit } from '../../lib/audit/audit-service.js';
import { levelEntityId } from '../../lib/audit/audit-subject.js';
import { recordAudit } from '../../lib/audit/record-audit.js';
import { getProduct, updateProduct } from '../../lib/catalog/product-service.js';
import { documentClient, tableName } from '../../lib/db/client.js';
import { auditKeys, ENTITY } from '../../lib/db/keys.js';
import { NotFoundError } from '../../lib/errors.js';
import { matchesPattern } from '../../lib/events/match-pattern.js';
import { adjustInventory } from '../../lib/inventory/inventory-service.js';
import { changeExportFilterPatterns } from '../../lib/lake/change-export-filter.js';
import { recordPayment } from '../../lib/orders/order-lifecycle.js';
import { admin, managerOf } from '../support/fixtures.js';
import { newCustomer, newSellingStore, place, stockedSkus } from '../support/order-fixtures.js';
import { finance } from '../support/stock-fixtures.js';
import { readTableStream } from '../support/table-stream.js';

const BUCKET = 'it-audit-lake';
let s3: LocalS3;
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'storefleet-it-audit-'));
  s3 = await startLocalS3({ directory, buckets: [BUCKET] });
  process.env.S3_ENDPOINT = s3.endpoint;
  process.env.DATA_LAKE_BUCKET = BUCKET;
});

afterAll(async () => {
  await s3?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

/** What the event source mapping would hand the exporter: the records its filter lets through. */
const exporterBatch = (records: DynamoDBRecord[]): DynamoDBRecord[] =>
  records.filter((record) => changeExportFilterPatterns().some((pattern) => matchesPattern(pattern, record)));

const deliver = (records: DynamoDBRecord[]) =>
  handler({ Records: structuredClone(records) }, lambdaContext('exportChanges', lakeFunctions.exportChanges));

/** Every item of an audit partition, raw. */
const partitionItems = async (pk: string) =>
  (
    await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
      }),
    )
  ).Items ?? [];

const history = async (entityType: AuditEntryView['entityType'], entityId: string, principal = admin) =>
  (await listEntityAudit(principal, { entityType, entityId, limit: 100 })).items;

describe('the audit history on DynamoDB Local', () => {
  const manager = { ...managerOf(''), userId: 'mgr-ann' };
  let storeId: string;
  let otherStoreId: string;
  let productId: string;
  let sku: string;
  let orderId: string;
  let customerId: string;
  let batch: DynamoDBRecord[];
  let startedAt: string;

  beforeAll(async () => {
    startedAt = new Date(Date.now() - 2000).toISOString();
    storeId = await newSellingStore();
    otherStoreId = await newSellingStore();
    const stocked = await stockedSkus(storeId, [5]);
    productId = stocked.productId;
    sku = stocked.skus[0] ?? '';
    const ofStore = { ...manager, storeIds: [storeId] };
    const product = await getProduct(productId);
    await updateProduct(
      ofStore,
      productId,
      { variants: product.variants.map((variant) => ({ ...variant, price: 4900 })) },
      product.version,
    );
    await adjustInventory(ofStore, storeId, sku, { delta: -1, reason: 'shrinkage', note: 'Count short' });
    customerId = await newCustomer();
    const order = await place(admin, storeId, [{ sku, quantity: 2 }], { customerId });
    orderId = order.orderId;
    await recordPayment(admin, orderId, { method: 'card', amount: order.total });

    const records = await readTableStream();
    batch = exporterBatch(records);
    expect(await deliver(batch)).toEqual({ batchItemFailures: [] });
  });

  it('records a price change: who, when, the variant’s price before and after', async () => {
    const [latest, created] = await history(ENTITY.product, productId);
    expect(latest).toMatchObject({
      entityType: 'Product',
      entityId: productId,
      operation: 'updated',
      actor: 'mgr-ann',
      storeIds: [],
      changes: [{ field: `variants[${sku}].price`, before: 4500, after: 4900 }],
    });
    expect(Date.parse(latest?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(startedAt) - 1000);
    expect(created).toMatchObject({ operation: 'created', actor: 'test-admin' });
  });

  it('records a stock adjustment on the level and the movement, newest first', async () => {
    const level = await history(ENTITY.inventoryLevel, levelEntityId(storeId, sku));
    expect(level.map((entry) => entry.operation)).toEqual(['updated', 'updated', 'created']);
    const adjusted = level.find((entry) => entry.actor === 'mgr-ann');
    expect(adjusted?.changes).toEqual(
      expect.arrayContaining([
        { field: 'onHand', before: 5, after: 4 },
        { field: 'available', before: 5, after: 4 },
      ]),
    );
    expect(level.map((entry) => entry.at)).toEqual([...level.map((entry) => entry.at)].sort().reverse());
  });

  it('records an order and its payment, in the order’s store', async () => {
    const entries = await history(ENTITY.order, orderId);
    expect(entries.map((entry) => entry.operation)).toEqual(['updated', 'created']);
    expect(entries[0]?.changes).toEqual(
      expect.arrayContaining([{ field: 'status', before: 'PENDING_PAYMENT', after: 'PAID' }]),
    );
    const payment = (await listStoreAudit(storeId, { limit: 100 })).items.find(
      (entry) => entry.entityType === ENTITY.payment,
    );
    expect(payment).toMatchObject({ operation: 'created', orderId, storeIds: [storeId] });
  });

  it('names a customer’s personal fields and never holds their values', async () => {
    const [created] = await history(ENTITY.customer, customerId);
    expect(created?.changes).toEqual(
      expect.arrayContaining([
        { field: 'email', personal: true },
        { field: 'firstName', personal: true },
        { field: 'lastName', personal: true },
      ]),
    );
    const raw = JSON.stringify(await partitionItems(auditKeys.entityPartition(ENTITY.customer, customerId)));
    for (const value of ['Mia', 'Chen', '@example.com']) expect(raw).not.toContain(value);
  });

  it('lists a store’s changes in a time range, newest first, and nothing of another store', async () => {
    const all = (await listStoreAudit(storeId, { limit: 100 })).items;
    expect(all.length).toBeGreaterThan(4);
    expect(all.every((entry) => entry.storeIds.includes(storeId))).toBe(true);
    expect(all.map((entry) => entry.at)).toEqual([...all.map((entry) => entry.at)].sort().reverse());
    const types = new Set(all.map((entry) => entry.entityType));
    for (const type of [ENTITY.store, ENTITY.inventoryLevel, ENTITY.inventoryMovement, ENTITY.order])
      expect(types).toContain(type);
    expect(
      (await listStoreAudit(storeId, { from: startedAt, to: new Date().toISOString(), limit: 100 })).items,
    ).toEqual(all);
    expect((await listStoreAudit(storeId, { to: '2020-01-01T00:00:00Z', limit: 100 })).items).toEqual([]);
    const paged = await listStoreAudit(storeId, { limit: 2 });
    expect(paged.items).toEqual(all.slice(0, 2));
    const next = await listStoreAudit(storeId, { limit: 2, cursor: paged.nextCursor ?? undefined });
    expect(next.items).toEqual(all.slice(2, 4));
    const other = (await listStoreAudit(otherStoreId, { limit: 100 })).items;
    expect(other.map((entry) => entry.entityType)).toEqual([ENTITY.store]);
  });

  it('lets managers see their stores’ entities and the shared catalog, and refuses another store’s', async () => {
    const own = { ...manager, storeIds: [storeId] };
    const stranger = { ...manager, storeIds: [otherStoreId] };
    expect(await history(ENTITY.order, orderId, own)).toHaveLength(2);
    await expect(history(ENTITY.order, orderId, stranger)).rejects.toThrow(NotFoundError);
    await expect(history(ENTITY.inventoryLevel, levelEntityId(storeId, sku), stranger)).rejects.toThrow(
      NotFoundError,
    );
    const payment = (await listStoreAudit(storeId, { limit: 100 })).items.find(
      (e) => e.entityType === ENTITY.payment,
    );
    await expect(history(ENTITY.payment, payment?.entityId ?? '', stranger)).rejects.toThrow(NotFoundError);
    expect(await history(ENTITY.product, productId, stranger)).toHaveLength(2);
    expect(await history(ENTITY.order, orderId, finance)).toHaveLength(2);
    expect(await history(ENTITY.order, 'or_never', stranger)).toEqual([]);
  });

  it('writes nothing twice when the batch is delivered again, and never rewrites an entry', async () => {
    const pk = auditKeys.entityPartition(ENTITY.order, orderId);
    const before = await partitionItems(pk);
    expect(await deliver(batch)).toEqual({ batchItemFailures: [] });
    const again = await recordAudit(batch, 30);
    expect(again.written).toBe(0);
    expect(again.existing).toBeGreaterThan(0);
    expect(await partitionItems(pk)).toEqual(before);
    for (const item of before)
      expect(item.ttl).toBe(Math.floor(Date.parse(String(item.at)) / 1000) + 400 * 86_400);
  });

  it('keeps its own entries out of the stream’s business changes (no loop through the exporter)', async () => {
    const records = await readTableStream();
    const auditRecords = records.filter(
      (record) => record.dynamodb?.NewImage?.entityType?.S === ENTITY.auditEntry,
    );
    expect(auditRecords.length).toBeGreaterThan(0);
    expect(exporterBatch(auditRecords)).toEqual([]);
  });
});
