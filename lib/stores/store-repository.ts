import type { Principal } from '../auth/principal.js';
import { newItemMeta, type SystemActor, stripStorageAttributes } from '../db/item-meta.js';
import { ENTITY, storeKeys } from '../db/keys.js';
import { batchGetItems, getItem, type Page, queryPage } from '../db/query-page.js';
import { transactWrite } from '../db/transact.js';
import { claimUnique, releaseUnique } from '../db/unique-guards.js';
import { createItem, replaceItemAtVersion } from '../db/versioned-write.js';
import { ConflictError, InternalError } from '../errors.js';
import type { CreateStoreInput, Store } from './store-schemas.js';

const toItem = (store: Store) => ({
  ...storeKeys.item(store.storeId),
  ...storeKeys.listing(store.code, store.storeId),
  entityType: ENTITY.store,
  ...store,
});

const fromItem = (item: Record<string, unknown>): Store => stripStorageAttributes<Store>(item);

const codeTaken = (code: string) => () =>
  new ConflictError({
    detail: `Store code ${code} is already in use.`,
    errors: [{ path: 'body.code', message: 'Already in use.' }],
  });

export const insertStore = async (
  storeId: string,
  input: CreateStoreInput,
  actor: Principal | SystemActor,
  now: Date,
): Promise<Store> => {
  const store: Store = { storeId, ...input, ...newItemMeta(actor, now) };
  await transactWrite([
    createItem(toItem(store), () => new InternalError({ detail: `Store id ${storeId} collided.` })),
    claimUnique('STORE_CODE', store.code, storeId, codeTaken(store.code)),
  ]);
  return store;
};

export const findStore = async (storeId: string): Promise<Store | undefined> => {
  const item = await getItem(storeKeys.item(storeId));
  return item ? fromItem(item) : undefined;
};

/** The stores that exist among `storeIds`, in no particular order. */
export const findStores = async (storeIds: readonly string[]): Promise<Store[]> =>
  (await batchGetItems(storeIds.map(storeKeys.item))).map(fromItem);

export const listAllStores = async (limit: number, cursor: string | undefined): Promise<Page<Store>> => {
  const page = await queryPage({
    indexName: 'gsi1',
    partitionValue: storeKeys.listingPartition,
    limit,
    cursor,
  });
  return { items: page.items.map(fromItem), nextCursor: page.nextCursor };
};

/** Writes `next` over `current` if nobody changed it since; moves the code guard when the code changes. */
export const replaceStore = async (current: Store, next: Store): Promise<void> => {
  const codeChanged = current.code !== next.code;
  await transactWrite([
    replaceItemAtVersion(toItem(next), current.version, `Store ${current.storeId}`),
    ...(codeChanged
      ? [
          claimUnique('STORE_CODE', next.code, next.storeId, codeTaken(next.code)),
          releaseUnique('STORE_CODE', current.code, current.storeId),
        ]
      : []),
  ]);
};
