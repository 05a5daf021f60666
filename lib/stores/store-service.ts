import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import { assertStoreAccess } from '../auth/store-scope.js';
import { decodeCursor, encodeCursor } from '../db/cursor.js';
import type { SystemActor } from '../db/item-meta.js';
import { storeKeys } from '../db/keys.js';
import type { Page } from '../db/query-page.js';
import { assertVersion } from '../db/versioned-write.js';
import { NotFoundError } from '../errors.js';
import { pricesIncludeTaxOf } from '../tax/store-tax-mode.js';
import { findStore, findStores, insertStore, listAllStores, replaceStore } from './store-repository.js';
import type { CreateStoreInput, ListStoresQuery, Store, UpdateStoreInput } from './store-schemas.js';

const notFound = (storeId: string) => new NotFoundError({ detail: `Store ${storeId} was not found.` });

export const newStoreId = (): string => `st_${ulid().toLowerCase()}`;

export const createStore = (
  actor: Principal | SystemActor,
  input: CreateStoreInput,
  options: { storeId?: string; now?: Date } = {},
): Promise<Store> =>
  insertStore(
    options.storeId ?? newStoreId(),
    { ...input, pricesIncludeTax: pricesIncludeTaxOf({ ...input }) },
    actor,
    options.now ?? new Date(),
  );

export const getStore = async (principal: Principal, storeId: string): Promise<Store> => {
  assertStoreAccess(principal, storeId);
  const store = await findStore(storeId);
  if (!store) throw notFound(storeId);
  return store;
};

const SCOPED_LISTING = 'stores:scoped';
/** The store's sort key in the full listing (gsi1), so both listings order stores alike. */
const listingPosition = (store: Store) => storeKeys.listing(store.code, store.storeId).gsi1sk;

/**
 * The stores in a manager's or staff member's token, in the same order as the full listing (by
 * code) and paged the same way. A token names at most a few dozen stores (the claim is capped at
 * 2,048 characters), so one BatchGet of them all is cheaper than a Query per store; the cursor
 * is the last position shown, so a page never repeats or skips a store.
 */
const listScopedStores = async (
  storeIds: readonly string[],
  limit: number,
  cursor: string | undefined,
): Promise<Page<Store>> => {
  const after = (await decodeCursor(SCOPED_LISTING, cursor, { position: { type: 'S' } }))?.position;
  // Code-unit order, as DynamoDB orders the full listing's index sort key.
  const stores = (await findStores(storeIds))
    .map((store) => ({ store, position: listingPosition(store) }))
    .filter(({ position }) => after === undefined || position > String(after))
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
    .map(({ store }) => store);
  const items = stores.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      stores.length > limit && last
        ? await encodeCursor(SCOPED_LISTING, { position: listingPosition(last) })
        : null,
  };
};

/** Admin and finance page through every store; others through the stores in their token. */
export const listStores = async (principal: Principal, query: ListStoresQuery): Promise<Page<Store>> =>
  principal.storeIds === 'all'
    ? listAllStores(query.limit, query.cursor)
    : listScopedStores(principal.storeIds, query.limit, query.cursor);

export const updateStore = async (
  principal: Principal,
  storeId: string,
  changes: UpdateStoreInput,
  expectedVersion: number,
  now = new Date(),
): Promise<Store> => {
  const current = await getStore(principal, storeId);
  assertVersion(`Store ${storeId}`, current, expectedVersion);
  const next: Store = {
    ...current,
    ...changes,
    version: current.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: principal.userId,
  };
  await replaceStore(current, next);
  return next;
};
