import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client.js';
import { storeKeys } from '../db/keys.js';
import { NotFoundError } from '../errors.js';
import type { Principal } from './principal.js';

export const canAccessStore = (principal: Principal, storeId: string): boolean =>
  principal.storeIds === 'all' || principal.storeIds.includes(storeId);

const storeNotFound = (storeId: string) => new NotFoundError({ detail: `Store ${storeId} was not found.` });

/**
 * Object-level authorization. A miss answers 404, exactly as for a store that does
 * not exist, so a caller cannot even learn which store ids exist outside their scope.
 */
export const assertStoreAccess = (principal: Principal, storeId: string): void => {
  if (!canAccessStore(principal, storeId)) throw storeNotFound(storeId);
};

/**
 * Routes whose resources belong to the store in their path (`/stores/{storeId}/…`). The store
 * itself (`/stores/{storeId}`) is not one: its own handler reads the store and answers 404.
 */
export const isStoreScopedPath = (path: string): boolean => path.startsWith('/stores/{storeId}/');

/**
 * Stores are closed, never deleted, so a store seen once exists for good: remembering it for the
 * life of the container saves the read on every later request. Absent ones are never remembered
 * (a store may be opened a moment later). Bounded, so a long-lived container cannot grow it.
 */
const knownStores = new Set<string>();
const KNOWN_STORES_LIMIT = 1000;

const storeExists = async (storeId: string): Promise<boolean> => {
  if (knownStores.has(storeId)) return true;
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableName(),
      Key: storeKeys.item(storeId),
      ProjectionExpression: 'pk',
      ConsistentRead: true,
    }),
  );
  if (!Item) return false;
  if (knownStores.size >= KNOWN_STORES_LIMIT) knownStores.clear();
  knownStores.add(storeId);
  return true;
};

/**
 * The store of a `/stores/{storeId}/…` route must be in the caller's scope and exist: one
 * answer, 404 `Store … was not found.`, whether it is someone else's or nobody's. Run once by
 * the HTTP chain for every such route (lib/http/http-handler.ts), so no listing answers an
 * empty page and no level a made-up zero for a store that does not exist. Out of scope is
 * decided without a read.
 */
export const assertStoreInScope = async (principal: Principal, storeId: string): Promise<void> => {
  assertStoreAccess(principal, storeId);
  if (!(await storeExists(storeId))) throw storeNotFound(storeId);
};
