import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import { assertStoreAccess } from '../auth/store-scope.js';
import type { SystemActor } from '../db/item-meta.js';
import type { Page } from '../db/query-page.js';
import { assertVersion } from '../db/versioned-write.js';
import { NotFoundError } from '../errors.js';
import { findStore, findStores, insertStore, listAllStores, replaceStore } from './store-repository.js';
import type { CreateStoreInput, ListStoresQuery, Store, UpdateStoreInput } from './store-schemas.js';

const notFound = (storeId: string) => new NotFoundError({ detail: `Store ${storeId} was not found.` });

export const newStoreId = (): string => `st_${ulid().toLowerCase()}`;

export const createStore = (
  actor: Principal | SystemActor,
  input: CreateStoreInput,
  options: { storeId?: string; now?: Date } = {},
): Promise<Store> => insertStore(options.storeId ?? newStoreId(), input, actor, options.now ?? new Date());

export const getStore = async (principal: Principal, storeId: string): Promise<Store> => {
  assertStoreAccess(principal, storeId);
  const store = await findStore(storeId);
  if (!store) throw notFound(storeId);
  return store;
};

/** Admin and finance page through every store; others get the stores in their token. */
export const listStores = async (principal: Principal, query: ListStoresQuery): Promise<Page<Store>> => {
  if (principal.storeIds === 'all') return listAllStores(query.limit, query.cursor);
  return { items: await findStores(principal.storeIds), nextCursor: null };
};

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
