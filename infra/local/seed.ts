/**
 * Loads the demo data set (seed-data.ts) into the table through the services, exactly as
 * the API would write it. The caller sets TABLE_NAME and DYNAMODB_ENDPOINT before importing
 * this module (lib/db/client.ts reads them at load). Prints nothing; callers report.
 */
import { findProduct } from '../../lib/catalog/product-repository.js';
import { createProduct } from '../../lib/catalog/product-service.js';
import type { SystemActor } from '../../lib/db/item-meta.js';
import { findStore } from '../../lib/stores/store-repository.js';
import { createStore } from '../../lib/stores/store-service.js';
import { DEMO_PRODUCTS, DEMO_STORES, type DemoStoreId } from './seed-data.js';

export { DEMO_PRODUCT_IDS, DEMO_STORE_IDS } from './seed-data.js';

export const SEED_ACTOR: SystemActor = { userId: 'system:seed' };

/** Written last, so its presence means the whole data set is in. */
const MARKER_STORE_ID: DemoStoreId = 'st_syd_cbd';

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
 * Idempotent: returns `created: false` without writing when the marker store exists.
 * Otherwise creates whatever is missing (so a seed that died half-way resumes), the marker last.
 */
export const seedDemoData = async (): Promise<SeedResult> => {
  const counts = { stores: DEMO_STORES.length, products: DEMO_PRODUCTS.length };
  if (await findStore(MARKER_STORE_ID)) return { created: false, ...counts };

  const now = new Date();
  const [marker, otherStores] = [
    DEMO_STORES.filter((store) => store.storeId === MARKER_STORE_ID),
    DEMO_STORES.filter((store) => store.storeId !== MARKER_STORE_ID),
  ];
  const seedStores = (stores: typeof DEMO_STORES) =>
    forEachLimited(stores, CONCURRENCY, async ({ storeId, body }) => {
      if (!(await findStore(storeId))) await createStore(SEED_ACTOR, body, { storeId, now });
    });

  await seedStores(otherStores);
  await forEachLimited(DEMO_PRODUCTS, CONCURRENCY, async ({ productId, body }) => {
    if (!(await findProduct(productId))) await createProduct(SEED_ACTOR, body, { productId, now });
  });
  await seedStores(marker);
  return { created: true, ...counts };
};
