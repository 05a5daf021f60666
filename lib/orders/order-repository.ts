import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client.js';
import { stripStorageAttributes } from '../db/item-meta.js';
import { ENTITY, orderKeys } from '../db/keys.js';
import { mergedQueryPage } from '../db/merged-query.js';
import { type Page, queryPage, type SortKeyCondition } from '../db/query-page.js';
import type { GuardedWrite } from '../db/transact.js';
import { createItem } from '../db/versioned-write.js';
import { InternalError, NotFoundError } from '../errors.js';
import { OrderChangedError } from './order-errors.js';
import type { Order, OrderDetail, Payment, Refund } from './order-schemas.js';
import { canApply, InvalidOrderStateError, type OrderAction, type OrderStatus } from './order-state.js';

const strip = <T extends object>(item: Record<string, unknown>): T => stripStorageAttributes<T>(item);

export const toOrderItem = (order: Order) => ({
  ...orderKeys.item(order.orderId),
  ...orderKeys.listings(order),
  entityType: ENTITY.order,
  ...order,
});

/**
 * Orders and refunds written before tax was recorded lack its fields (the types say otherwise,
 * hence the casts): they read as untaxed at rate 0, so refunds of them still add up.
 */
type Untaxed<T> = { [K in keyof T]?: T[K] | undefined };

const fromOrderItem = (item: Record<string, unknown>): Order => {
  const order = strip<Order>(item);
  const stored = order as Untaxed<Order>;
  return {
    ...order,
    pricesIncludeTax: stored.pricesIncludeTax ?? true,
    taxTotal: stored.taxTotal ?? 0,
    taxRefunded: stored.taxRefunded ?? 0,
    lines: order.lines.map((line) => {
      const old = line as Untaxed<typeof line>;
      return {
        ...line,
        taxCategory: old.taxCategory ?? line.category,
        taxName: old.taxName ?? 'Tax',
        taxRate: old.taxRate ?? 0,
        taxAmount: old.taxAmount ?? 0,
      };
    }),
  };
};

const fromRefundItem = (item: Record<string, unknown>): Refund => {
  const refund = strip<Refund>(item);
  return {
    ...refund,
    tax: (refund as Untaxed<Refund>).tax ?? 0,
    lines: refund.lines.map((line) => ({ ...line, tax: (line as Untaxed<typeof line>).tax ?? 0 })),
  };
};

export const newOrderWrite = (order: Order): GuardedWrite =>
  createItem(toOrderItem(order), () => new InternalError({ detail: `Order id ${order.orderId} collided.` }));

/**
 * Replaces the order with `next` only if it is still at the version we read (so nothing we
 * computed from it — amounts due, refunded quantities, points — can be double-counted), plus
 * optional extra guards. The status listing keys move with the item. A failure says why:
 * gone (404), now in a status the action does not allow (409 invalid-state), or merely
 * changed (OrderChangedError: the caller re-reads and retries).
 */
export const orderUpdateWrite = (
  current: Order,
  next: Order,
  action: OrderAction,
  guard?: { expression: string; values: Record<string, unknown> },
): GuardedWrite => ({
  write: {
    Put: {
      TableName: tableName(),
      Item: toOrderItem(next),
      ConditionExpression: `attribute_exists(pk) AND version = :expected${guard ? ` AND ${guard.expression}` : ''}`,
      ExpressionAttributeValues: { ':expected': current.version, ...guard?.values },
    },
  },
  onConditionFailed: (item) => {
    if (!item) return new NotFoundError({ detail: `Order ${current.orderId} was not found.` });
    const status = item.status as OrderStatus;
    if (!canApply(action, status)) return new InvalidOrderStateError(current.orderId, action, status);
    return new OrderChangedError({ detail: `Order ${current.orderId} changed; retry.` });
  },
});

const entryWrite = (item: Record<string, unknown> & { pk: string; sk: string }): GuardedWrite => ({
  write: { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
});

export const paymentWrite = (payment: Payment): GuardedWrite =>
  entryWrite({
    ...orderKeys.payment(payment.orderId, payment.createdAt, payment.paymentId),
    entityType: ENTITY.payment,
    ...payment,
  });

export const refundWrite = (refund: Refund): GuardedWrite =>
  entryWrite({
    ...orderKeys.refund(refund.orderId, refund.createdAt, refund.refundId),
    entityType: ENTITY.refund,
    ...refund,
  });

/** The order with its payments and refunds: one strongly consistent Query of its partition. */
export const loadOrderDetail = async (orderId: string): Promise<OrderDetail | undefined> => {
  let order: Order | undefined;
  const payments: Payment[] = [];
  const refunds: Refund[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': orderKeys.partition(orderId) },
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      if (item.entityType === ENTITY.order) order = fromOrderItem(item);
      else if (item.entityType === ENTITY.payment) payments.push(strip<Payment>(item));
      else if (item.entityType === ENTITY.refund) refunds.push(fromRefundItem(item));
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return order ? { ...order, payments, refunds } : undefined;
};

// --- Listings ---------------------------------------------------------------------------

/** A store's orders, newest first: by status on gsi1, all of them on gsi2, optionally in a time range. */
export const queryStoreOrders = async (
  storeId: string,
  query: { status?: OrderStatus; createdRange?: SortKeyCondition; limit: number; cursor?: string },
): Promise<Page<Order>> => {
  const page = await queryPage({
    indexName: query.status ? 'gsi1' : 'gsi2',
    partitionValue: query.status
      ? orderKeys.storeStatusPartition(storeId, query.status)
      : orderKeys.storePartition(storeId),
    ...(query.createdRange ? { sortKey: query.createdRange } : {}),
    limit: query.limit,
    cursor: query.cursor,
    descending: true,
  });
  return { items: page.items.map(fromOrderItem), nextCursor: page.nextCursor };
};

/**
 * A customer's orders, newest first: all of them on gsi3 (admin, finance); for callers scoped
 * to some stores, their stores' partitions of gsi5 merged into one listing, so every page is
 * full and nothing outside their stores is read.
 */
export const queryCustomerOrders = async (
  customerId: string,
  storeIds: readonly string[] | 'all',
  limit: number,
  cursor: string | undefined,
): Promise<Page<Order>> => {
  const page =
    storeIds === 'all'
      ? await queryPage({
          indexName: 'gsi3',
          partitionValue: orderKeys.customerPartition(customerId),
          descending: true,
          limit,
          cursor,
        })
      : await mergedQueryPage({
          indexName: 'gsi5',
          partitionValues: storeIds.map((storeId) => orderKeys.customerStorePartition(customerId, storeId)),
          limit,
          cursor,
          scope: `customer-orders|${customerId}|${[...storeIds].sort().join(',')}`,
        });
  return { items: page.items.map(fromOrderItem), nextCursor: page.nextCursor };
};

/**
 * Orders of several stores as one listing, newest first (finance's `GET /orders`): their
 * partitions of gsi1 (one status) or gsi2 (every status) merged, with the creation-time range
 * as inclusive sort-key bounds. One Query per store per page.
 */
export const queryOrdersOfStores = async (
  storeIds: readonly string[],
  query: { status?: OrderStatus; from?: string; to?: string; limit: number; cursor?: string },
): Promise<Page<Order>> => {
  const stores = [...new Set(storeIds)].sort();
  const bounds = {
    ...(query.from ? { lowest: query.from } : {}),
    ...(query.to ? { highest: `${query.to}#\uffff` } : {}),
  };
  const page = await mergedQueryPage({
    indexName: query.status ? 'gsi1' : 'gsi2',
    partitionValues: stores.map((storeId) =>
      query.status
        ? orderKeys.storeStatusPartition(storeId, query.status)
        : orderKeys.storePartition(storeId),
    ),
    limit: query.limit,
    cursor: query.cursor,
    bounds,
    scope: `orders|${query.status ?? ''}|${query.from ?? ''}|${query.to ?? ''}|${stores.join(',')}`,
  });
  return { items: page.items.map(fromOrderItem), nextCursor: page.nextCursor };
};

/**
 * One page of a store's unpaid orders created at or before `createdUpTo` (gsi1, oldest first).
 * The expiry job still checks each order's own `expiresAt`.
 */
export const queryUnpaidOrdersCreatedBy = async (
  storeId: string,
  createdUpTo: string,
  cursor: string | undefined,
): Promise<Page<Order>> => {
  const page = await queryPage({
    indexName: 'gsi1',
    partitionValue: orderKeys.storeStatusPartition(storeId, 'PENDING_PAYMENT'),
    sortKey: { lessOrEqual: `${createdUpTo}#\uffff` },
    limit: 100,
    cursor,
  });
  return { items: page.items.map(fromOrderItem), nextCursor: page.nextCursor };
};
