/**
 * Loads the demo data set (seed-data.ts) into the table through the services, exactly as
 * the API would write it. The caller sets TABLE_NAME and DYNAMODB_ENDPOINT before importing
 * this module (lib/db/client.ts reads them at load). Prints nothing; callers report.
 */

import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { findProduct } from '../../lib/catalog/product-repository.js';
import { createProduct } from '../../lib/catalog/product-service.js';
import { documentClient, tableName } from '../../lib/db/client.js';
import type { SystemActor } from '../../lib/db/item-meta.js';
import { systemKeys } from '../../lib/db/keys.js';
import { getItem } from '../../lib/db/query-page.js';
import { findStore } from '../../lib/stores/store-repository.js';
import { createStore } from '../../lib/stores/store-service.js';
import { seedCustomers } from './seed-customers.js';
import { DEMO_PRODUCTS, DEMO_STORES } from './seed-data.js';
import { seedOrders } from './seed-orders.js';
import { seedStock } from './seed-stock.js';
import { seedTaxRates } from './seed-tax.js';

export { DEMO_PRODUCT_IDS, DEMO_STORE_IDS } from './seed-data.js';

export const SEED_ACTOR: SystemActor = { userId: 'system:seed' };

const CONCURRENCY = 4;

/** Runs `task` over `items` with at most `limit` in flight; rejects on the first failure. */
const forEachLimited = async <T>(items: readonly T[], limit: number, task: (item: T) => Promise<unknown>) => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

export interface SeedResult {
  /** False when the data set was already there and nothing was written. */
  created: boolean;
  /** Sizes of the demo data set. */
  stores: number;
  products: number;
}

/**
 * Idempotent: every step skips what exists, in dependency order (stores, products, then the
 * store-operations domains), and a marker item written last records that the whole set is
 * in. With the marker present nothing is written; a run that died half-way completes.
 */
export const seedDemoData = async (): Promise<SeedResult> => {
  const counts = { stores: DEMO_STORES.length, products: DEMO_PRODUCTS.length };
  if (await getItem(systemKeys.demoSeedComplete())) return { created: false, ...counts };

  const now = new Date();
  await forEachLimited(DEMO_STORES, CONCURRENCY, async ({ storeId, body }) => {
    if (!(await findStore(storeId))) await createStore(SEED_ACTOR, body, { storeId, now });
  });
  await forEachLimited(DEMO_PRODUCTS, CONCURRENCY, async ({ productId, body }) => {
    if (!(await findProduct(productId))) await createProduct(SEED_ACTOR, body, { productId, now });
  });
  await seedTaxRates(SEED_ACTOR);
  await seedCustomers(SEED_ACTOR);
  await seedStock(SEED_ACTOR);
  await seedOrders(SEED_ACTOR);
  await documentClient.send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...systemKeys.demoSeedComplete(), entityType: 'SeedMarker', completedAt: now.toISOString() },
    }),
  );
  return { created: true, ...counts };
};
