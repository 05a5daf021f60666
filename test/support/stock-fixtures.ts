import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../../lib/auth/principal.js';
import { createProduct } from '../../lib/catalog/product-service.js';
import { documentClient, tableName } from '../../lib/db/client.js';
import { inventoryKeys } from '../../lib/db/keys.js';
import { getItem } from '../../lib/db/query-page.js';
import { transactWrite } from '../../lib/db/transact.js';
import { type StockChange, stockChangeWrites } from '../../lib/inventory/stock-change.js';
import { createStore } from '../../lib/stores/store-service.js';
import { admin, productInput, storeInput, uniqueSuffix } from './fixtures.js';

/** Fixtures for inventory, transfers and purchasing tests. */
export const staffOf = (storeId: string): Principal => ({
  userId: 'test-staff',
  role: 'staff',
  storeIds: [storeId],
});
export const finance: Principal = { userId: 'test-finance', role: 'finance', storeIds: 'all' };

export const newStore = async (): Promise<string> => (await createStore(admin, storeInput())).storeId;

/** A product with `count` variants (SKUs `SKU-<suffix>-1..count`). */
export const newProduct = async (count = 2): Promise<{ productId: string; skus: string[] }> => {
  const suffix = uniqueSuffix();
  const base = productInput();
  const variants = Array.from({ length: count }, (_, i) => ({
    sku: `SKU-${suffix}-${i + 1}`,
    options: { power: `-${(1 + i * 0.25).toFixed(2)}` },
    price: 4500,
    cost: 2000,
    currency: 'AUD',
  }));
  const product = await createProduct(admin, { ...base, variants });
  return { productId: product.productId, skus: variants.map((v) => v.sku) };
};

export const applyChange = (change: StockChange, actor: Principal = admin) =>
  transactWrite(stockChangeWrites(change, actor, new Date()));

export const receiveStock = (storeId: string, sku: string, productId: string, quantity: number) =>
  applyChange({ storeId, sku, productId, deltas: { onHand: quantity }, reason: 'received' });

export const levelItem = async (storeId: string, sku: string) =>
  (await getItem(inventoryKeys.level(storeId, sku))) ?? {};

/** The raw quantity states of a level (0 when absent). */
export const quantities = async (storeId: string, sku: string) => {
  const item = await levelItem(storeId, sku);
  const n = (name: string) => Number(item[name] ?? 0);
  return {
    onHand: n('onHand'),
    committed: n('committed'),
    unavailable: n('unavailable'),
    available: n('available'),
    incoming: n('incoming'),
  };
};

/** Sums of every movement's deltas for a store and SKU (tests may Query freely). */
export const movementSums = async (storeId: string, sku: string) => {
  const sums = { onHand: 0, committed: 0, unavailable: 0, incoming: 0, count: 0 };
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': inventoryKeys.movementPartition(storeId, sku) },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      sums.onHand += Number(item.onHandDelta);
      sums.committed += Number(item.committedDelta);
      sums.unavailable += Number(item.unavailableDelta);
      sums.incoming += Number(item.incomingDelta);
      sums.count++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return sums;
};

/** Every movement reason of a store and SKU, oldest first. */
export const movementReasons = async (storeId: string, sku: string): Promise<string[]> => {
  const page = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': inventoryKeys.movementPartition(storeId, sku) },
    }),
  );
  return (page.Items ?? []).map((item) => String(item.reason));
};
