import type { Principal } from '../auth/principal.js';
import { canAccessStore } from '../auth/store-scope.js';
import { auditKeys } from '../db/keys.js';
import type { Page, SortKeyCondition } from '../db/query-page.js';
import { NotFoundError } from '../errors.js';
import { queryEntityAudit, queryStoreAudit, storeOfOrder } from './audit-repository.js';
import type { AuditEntryView, EntityAuditQuery, StoreAuditQuery } from './audit-schemas.js';

/** Pages a store-scoped caller's listing may read to fill one page of what it may see. */
const MAX_SCOPED_READS = 5;

/**
 * Whether a store-scoped caller (a manager) may see an entry. Entries of a store's entities carry
 * their stores and are visible when one is the caller's; a payment or refund without its store
 * (its order was in another stream batch) is checked against its order's store; the group's
 * shared entities (catalog, suppliers, promotions, tax rates, customers) belong to no store and
 * are visible, as those entities themselves are.
 */
const visibleTo = (principal: Principal) => {
  const orderStores = new Map<string, Promise<string | undefined>>();
  return async (entry: AuditEntryView): Promise<boolean> => {
    if (entry.storeIds.length > 0)
      return entry.storeIds.some((storeId) => canAccessStore(principal, storeId));
    if (!entry.orderId) return true;
    let store = orderStores.get(entry.orderId);
    if (!store) {
      store = storeOfOrder(entry.orderId);
      orderStores.set(entry.orderId, store);
    }
    const storeId = await store;
    return storeId !== undefined && canAccessStore(principal, storeId);
  };
};

const notFound = (query: EntityAuditQuery) =>
  new NotFoundError({ detail: `No audit history of ${query.entityType} ${query.entityId} was found.` });

/**
 * `GET /audit`: one entity's history, newest first. Admin and finance see every entry. A
 * manager sees the entries visible to them (visibleTo); an entity whose entries are all another
 * store's answers 404, as the entity itself would. Their pages are filled from at most a few
 * reads, so a user who moved between stores still pages through what the manager may see.
 */
export const listEntityAudit = async (
  principal: Principal,
  query: EntityAuditQuery,
): Promise<Page<AuditEntryView>> => {
  if (principal.storeIds === 'all')
    return queryEntityAudit(query.entityType, query.entityId, query.limit, query.cursor);
  const visible = visibleTo(principal);
  const items: AuditEntryView[] = [];
  let cursor = query.cursor;
  let seen = 0;
  for (let read = 0; read < MAX_SCOPED_READS; read++) {
    const page = await queryEntityAudit(query.entityType, query.entityId, query.limit - items.length, cursor);
    seen += page.items.length;
    for (const entry of page.items) if (await visible(entry)) items.push(entry);
    cursor = page.nextCursor ?? undefined;
    if (!cursor || items.length >= query.limit) break;
  }
  if (items.length === 0 && seen > 0 && !cursor) throw notFound(query);
  return { items, nextCursor: cursor ?? null };
};

/** Normalises an ISO instant with any offset to the sort key's form (UTC, milliseconds). */
const instant = (value: string): string => new Date(value).toISOString();

const rangeOf = (query: StoreAuditQuery): SortKeyCondition | undefined => {
  const from = query.from === undefined ? undefined : instant(query.from);
  const to = query.to === undefined ? undefined : instant(query.to);
  if (from !== undefined && to !== undefined) return { between: auditKeys.timeRange(from, to) };
  if (from !== undefined) return { greaterOrEqual: auditKeys.timeRange(from, from)[0] };
  if (to !== undefined) return { lessOrEqual: auditKeys.timeRange(to, to)[1] };
  return undefined;
};

/**
 * `GET /stores/{storeId}/audit`: every change of the store's entities (its levels, movements,
 * orders, transfers either way, its users, the store itself, …), newest first. The HTTP chain has
 * checked the store is the caller's and exists.
 */
export const listStoreAudit = (storeId: string, query: StoreAuditQuery): Promise<Page<AuditEntryView>> =>
  queryStoreAudit(storeId, rangeOf(query), query.limit, query.cursor);
