import type { Principal } from '../auth/principal.js';
import { assertStoreInScope } from '../auth/store-scope.js';
import { findStores, listAllStores } from '../stores/store-repository.js';
import type { Store } from '../stores/store-schemas.js';

/** Every store, a page of the store listing (gsi1) at a time: the group has tens of stores, not thousands. */
const allStores = async (): Promise<Store[]> => {
  const stores: Store[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAllStores(100, cursor);
    stores.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return stores;
};

/**
 * The stores a report covers: the one asked for (in the caller's scope and existing, else 404
 * as everywhere), or every store of the caller (finance and admin: all; managers: theirs),
 * narrowed to a region when one is given. Sorted by id, so answers are stable.
 */
export const reportStores = async (
  principal: Principal,
  filter: { storeId?: string | undefined; region?: string | undefined },
): Promise<Store[]> => {
  let stores: Store[];
  if (filter.storeId) {
    await assertStoreInScope(principal, filter.storeId);
    stores = await findStores([filter.storeId]);
  } else stores = principal.storeIds === 'all' ? await allStores() : await findStores(principal.storeIds);
  return stores
    .filter((store) => filter.region === undefined || store.region === filter.region)
    .sort((a, b) => (a.storeId < b.storeId ? -1 : a.storeId > b.storeId ? 1 : 0));
};
