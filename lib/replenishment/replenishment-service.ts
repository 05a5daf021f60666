import type { Principal } from '../auth/principal.js';
import { assertStoreAccess } from '../auth/store-scope.js';
import type { Page } from '../db/query-page.js';
import { documentStatuses, queryStoreReplenishments } from './replenishment-repository.js';
import type { ListReplenishmentsQuery, Replenishment } from './replenishment-schemas.js';

/**
 * A store's replenishments, open first, each with its transfers' and purchase order's status as
 * they are now (one BatchGet for the page), and the numbers it was planned from.
 */
export const listStoreReplenishments = async (
  principal: Principal,
  storeId: string,
  query: ListReplenishmentsQuery,
): Promise<Page<Replenishment>> => {
  assertStoreAccess(principal, storeId);
  const page = await queryStoreReplenishments(storeId, query.limit, query.cursor);
  const statuses = await documentStatuses(page.items);
  const statusOf = <T>(id: string, fallback: T) => (statuses.get(id) as T | undefined) ?? fallback;
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      ...r,
      transfers: r.transfers.map((t) => ({ ...t, status: statusOf(t.transferId, t.status) })),
      ...(r.purchaseOrder
        ? {
            purchaseOrder: {
              ...r.purchaseOrder,
              status: statusOf(r.purchaseOrder.purchaseOrderId, r.purchaseOrder.status),
            },
          }
        : {}),
    })),
  };
};
