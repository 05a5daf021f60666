import type { Principal } from '../auth/principal.js';
import { assertStoreInScope } from '../auth/store-scope.js';
import type { Page } from '../db/query-page.js';
import { listStoreOrders } from '../orders/order-queries.js';
import { queryOrdersOfStores } from '../orders/order-repository.js';
import type { OrderSummary } from '../orders/order-schemas.js';
import type { ListOrdersQuery } from './report-schemas.js';
import { reportStores } from './report-stores.js';

/** Sort keys start with `toISOString()`; bounds in that form compare as instants. */
const iso = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);

/**
 * Orders across the caller's stores (finance and admin: every store; managers: theirs), or one
 * store's, newest first, by status and creation time: key conditions on each store's listing,
 * merged, never a filter or a Scan. The cursor is bound to the stores and the filters.
 */
export const listOrders = async (
  principal: Principal,
  query: ListOrdersQuery,
): Promise<Page<OrderSummary>> => {
  if (query.storeId) {
    await assertStoreInScope(principal, query.storeId);
    return listStoreOrders(principal, query.storeId, query);
  }
  const stores = await reportStores(principal, {});
  if (stores.length === 0) return { items: [], nextCursor: null };
  const from = iso(query.from);
  const to = iso(query.to);
  return queryOrdersOfStores(
    stores.map((store) => store.storeId),
    {
      ...(query.status ? { status: query.status } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    },
  );
};
