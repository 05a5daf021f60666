import { queryProductLevels } from '../inventory/inventory-repository.js';
import type { InventoryLevel } from '../inventory/inventory-schemas.js';
import { findStores } from '../stores/store-repository.js';
import type { Store } from '../stores/store-schemas.js';
import { type DonorCandidate, donorSurplus } from './replenishment-math.js';

export interface Donor extends DonorCandidate {
  /** The available the surplus was computed from (re-checked in the plan's transaction). */
  available: number;
  /** What the donor keeps: available may not fall to this. */
  keep: number;
}

const PAGE = 100;

/**
 * Stores of the same region that could give `sku`: its levels across stores come from the
 * product's index (gsi2, one Query per 100 levels; the product's other variants are skipped
 * in code since the sort key is store first), and the regions of the few stores with surplus
 * from one BatchGet. No Scan: a product has a level per store and variant, a bounded number.
 */
export const findDonors = async (lowStore: Store, sku: string, productId: string): Promise<Donor[]> => {
  const levels: InventoryLevel[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryProductLevels(productId, PAGE, cursor);
    levels.push(...page.items.filter((level) => level.sku === sku && level.storeId !== lowStore.storeId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const withSurplus = levels
    .map((level) => ({ level, surplus: donorSurplus(level.available, level.reorderRule) }))
    .filter((candidate) => candidate.surplus > 0);
  if (withSurplus.length === 0) return [];
  const stores = new Map(
    (await findStores(withSurplus.map((c) => c.level.storeId))).map((store) => [store.storeId, store]),
  );
  return withSurplus
    .filter(({ level }) => {
      const store = stores.get(level.storeId);
      return store?.status === 'active' && store.region === lowStore.region;
    })
    .map(({ level, surplus }) => ({
      storeId: level.storeId,
      surplus,
      available: level.available,
      keep: level.available - surplus,
    }));
};
