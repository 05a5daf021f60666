import type { Principal } from '../auth/principal.js';
import { stripStorageAttributes } from '../db/item-meta.js';
import { customerKeys } from '../db/keys.js';
import { type Page, queryPage } from '../db/query-page.js';
import type { PointsEntry } from '../loyalty/points-schemas.js';
import { loadOrderDetail, queryCustomerOrderIds } from '../orders/order-repository.js';
import type { OrderDetail } from '../orders/order-schemas.js';
import { getCustomerRecord } from './customer-service.js';
import { queryFeedback } from './feedback-repository.js';
import type { CustomerExport } from './privacy-schemas.js';

/** Items per Query page while collecting; the export itself is one answer. */
const PAGE = 100;
/** Orders whose payments and refunds are read at once (one Query each). */
const PARALLEL_ORDERS = 8;

/** Every page of a listing, followed cursor by cursor (each page a Query on a known key). */
const allPages = async <T>(page: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
  return items;
};

/**
 * The customer's orders with payments and refunds, newest first: the customer's order index
 * (gsi9, or gsi10 per store for store-scoped callers, exactly as GET /customers/{id}/orders: keys
 * only, so the ids come from the index alone), then one Query of each order's partition.
 */
const ordersOf = async (principal: Principal, customerId: string): Promise<OrderDetail[]> => {
  const orderIds = await allPages((cursor) =>
    queryCustomerOrderIds(customerId, principal.storeIds, PAGE, cursor),
  );
  const details: OrderDetail[] = [];
  for (let offset = 0; offset < orderIds.length; offset += PARALLEL_ORDERS) {
    const batch = await Promise.all(
      orderIds.slice(offset, offset + PARALLEL_ORDERS).map((orderId) => loadOrderDetail(orderId)),
    );
    details.push(...batch.filter((detail): detail is OrderDetail => detail !== undefined));
  }
  return details;
};

/**
 * GET /customers/{id}/export: everything held about a customer as one JSON document (a data
 * subject's access request), by Query only. Customers, their feedback and points belong to the
 * whole business and are exported whole; orders follow the store scope of the caller, as
 * everywhere else, and `ordersScope` says which stores' orders are in it. Works for an erased
 * customer too: it then shows what erasure kept.
 */
export const exportCustomer = async (
  principal: Principal,
  customerId: string,
  now = new Date(),
): Promise<CustomerExport> => {
  const customer = await getCustomerRecord(customerId);
  const [feedback, entries, orders] = await Promise.all([
    allPages((cursor) => queryFeedback({ customerId, limit: PAGE, cursor })),
    allPages((cursor) =>
      queryPage({
        partitionValue: customerKeys.partition(customerId),
        sortKeyPrefix: customerKeys.pointsPrefix,
        descending: true,
        limit: PAGE,
        cursor,
      }),
    ),
    ordersOf(principal, customerId),
  ]);
  return {
    exportedAt: now.toISOString(),
    customer,
    feedback,
    points: {
      balance: customer.pointsBalance,
      entries: entries.map((item) => stripStorageAttributes<PointsEntry>(item)),
    },
    orders,
    ordersScope: principal.storeIds === 'all' ? 'all' : [...principal.storeIds].sort(),
  };
};
