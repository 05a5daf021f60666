import type { Principal } from '../auth/principal.js';
import { assertStoreAccess } from '../auth/store-scope.js';
import type { Page, SortKeyCondition } from '../db/query-page.js';
import { readOrderFor } from './order-access.js';
import { queryCustomerOrders, queryStoreOrders } from './order-repository.js';
import type {
  ListCustomerOrdersQuery,
  ListStoreOrdersQuery,
  OrderDetail,
  OrderSummary,
} from './order-schemas.js';

export const getOrder = (principal: Principal, orderId: string): Promise<OrderDetail> =>
  readOrderFor(principal, orderId);

/** Sort keys start with the creation time as `toISOString()`; normalise bounds to that form. */
const iso = (value: string) => new Date(value).toISOString();

/** `from`/`to` (inclusive) as a condition on `<createdAt>#<orderId>` sort keys. */
export const createdRange = (from?: string, to?: string): SortKeyCondition | undefined => {
  // `#` sorts below every id character and `\uffff` above, so both bounds include the whole instant.
  const upper = to ? `${iso(to)}#\uffff` : undefined;
  if (from && upper) return { between: [iso(from), upper] };
  if (from) return { greaterOrEqual: iso(from) };
  if (upper) return { lessOrEqual: upper };
  return undefined;
};

/** A store's orders, newest first; `status` and `from`/`to` are key conditions, never filters. */
export const listStoreOrders = (
  principal: Principal,
  storeId: string,
  query: ListStoreOrdersQuery,
): Promise<Page<OrderSummary>> => {
  assertStoreAccess(principal, storeId);
  const range = createdRange(query.from, query.to);
  return queryStoreOrders(storeId, {
    ...(query.status ? { status: query.status } : {}),
    ...(range ? { createdRange: range } : {}),
    limit: query.limit,
    cursor: query.cursor,
  });
};

/**
 * A customer's orders, newest first. Customers are shared by every store, orders are not:
 * admin and finance see them all; managers and staff see only their stores' orders (filtered,
 * so a page can come back short; follow `nextCursor` until it is null).
 */
export const listCustomerOrders = (
  principal: Principal,
  customerId: string,
  query: ListCustomerOrdersQuery,
): Promise<Page<OrderSummary>> =>
  queryCustomerOrders(customerId, principal.storeIds, query.limit, query.cursor);
