import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client.js';
import { stripStorageAttributes } from '../db/item-meta.js';
import { ENTITY, LEGACY_LISTING_KEYS, orderKeys } from '../db/keys.js';
import { mergedQueryPage } from '../db/merged-query.js';
import { itemsOfKeysPage, type Page, queryPage, type SortKeyCondition } from '../db/query-page.js';
import { ORDER_SUMMARY_ATTRIBUTES } from '../db/table-definition.js';
import type { GuardedWrite } from '../db/transact.js';
import { createItem } from '../db/versioned-write.js';
import { InternalError, NotFoundError } from '../errors.js';
import { OrderChangedError } from './order-errors.js';
import type { Order, OrderDetail, OrderSummary, Payment, Refund } from './order-schemas.js';
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

/** JSON equality of two attribute values (the order's values are plain JSON). */
const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The UpdateItem clauses that turn the stored `current` into `next`: SET of the attributes
 * that changed or appeared, REMOVE of those gone, the listing keys always SET (an order
 * written before they existed gains them; an unchanged key costs nothing) and the legacy
 * listing keys REMOVEd (LEGACY_LISTING_KEYS). Only what changed is written, so an index that
 * projects none of it (a payment, for every order listing) is not written at all.
 */
const orderChange = (current: Order, next: Order) => {
  // An attribute set to `undefined` is not stored (removeUndefinedValues): absent on both sides.
  const defined = (item: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined));
  const before = defined(toOrderItem(current));
  const after = defined(toOrderItem(next));
  const listingKeys = new Set(Object.keys(orderKeys.listings(next)));
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const name = (attribute: string) => {
    const placeholder = `#a${Object.keys(names).length}`;
    names[placeholder] = attribute;
    return placeholder;
  };
  const sets = Object.entries(after)
    .filter(([attribute, value]) => listingKeys.has(attribute) || !sameValue(before[attribute], value))
    .map(([attribute, value]) => {
      const placeholder = name(attribute);
      values[`:${placeholder.slice(1)}`] = value;
      return `${placeholder} = :${placeholder.slice(1)}`;
    });
  const removes = [
    ...Object.keys(before).filter((attribute) => !(attribute in after)),
    ...LEGACY_LISTING_KEYS.order,
  ].map(name);
  return {
    expression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
    names,
    values,
  };
};

/**
 * Changes the order from `current` to `next` only if it is still at the version we read (so
 * nothing we computed from it — amounts due, refunded quantities, points — can be
 * double-counted), plus optional extra guards. An UpdateItem of the attributes that changed, not
 * a Put of the whole order: the stream still carries whole images, and the listings' indexes
 * are written only when what they show changes. The status listing keys move with the item. A
 * failure says why: gone (404), now in a status the action does not allow (409 invalid-state),
 * or merely changed (OrderChangedError: the caller re-reads and retries).
 */
export const orderUpdateWrite = (
  current: Order,
  next: Order,
  action: OrderAction,
  guard?: { expression: string; values: Record<string, unknown> },
): GuardedWrite => {
  const change = orderChange(current, next);
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: orderKeys.item(current.orderId),
        UpdateExpression: change.expression,
        ConditionExpression: `attribute_exists(pk) AND #version = :expected${guard ? ` AND ${guard.expression}` : ''}`,
        ExpressionAttributeNames: { ...change.names, '#version': 'version' },
        ExpressionAttributeValues: { ...change.values, ':expected': current.version, ...guard?.values },
      },
    },
    onConditionFailed: (item) => {
      if (!item) return new NotFoundError({ detail: `Order ${current.orderId} was not found.` });
      const status = item.status as OrderStatus;
      if (!canApply(action, status)) return new InvalidOrderStateError(current.orderId, action, status);
      return new OrderChangedError({ detail: `Order ${current.orderId} changed; retry.` });
    },
  };
};

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

/** An order summary from a listing's item (an index entry or a narrowed BatchGet). */
const toSummary = (item: Record<string, unknown>): OrderSummary =>
  Object.fromEntries(
    ORDER_SUMMARY_ATTRIBUTES.flatMap((attribute) =>
      item[attribute] === undefined ? [] : [[attribute, item[attribute]]],
    ),
  ) as OrderSummary;

const summaries = (page: Page<Record<string, unknown>>): Page<OrderSummary> => ({
  items: page.items.map(toSummary),
  nextCursor: page.nextCursor,
});

/** A page of a keys-only index's orders, as summaries (one BatchGet of just those attributes). */
const summariesOfKeys = async (page: Page<Record<string, unknown>>): Promise<Page<OrderSummary>> =>
  summaries(await itemsOfKeysPage(page, { attributes: ORDER_SUMMARY_ATTRIBUTES }));

/** A store's orders, newest first: by status on gsi7, all of them on gsi8, optionally in a time range. */
export const queryStoreOrders = async (
  storeId: string,
  query: { status?: OrderStatus; createdRange?: SortKeyCondition; limit: number; cursor?: string },
): Promise<Page<OrderSummary>> => {
  const page = await queryPage({
    indexName: query.status ? 'gsi7' : 'gsi8',
    partitionValue: query.status
      ? orderKeys.storeStatusPartition(storeId, query.status)
      : orderKeys.storePartition(storeId),
    ...(query.createdRange ? { sortKey: query.createdRange } : {}),
    limit: query.limit,
    cursor: query.cursor,
    descending: true,
  });
  return summaries(page);
};

/** A page of a customer's orders as the keys-only index has it (gsi9, or gsi10 merged per store). */
const customerOrderKeys = (
  customerId: string,
  storeIds: readonly string[] | 'all',
  limit: number,
  cursor: string | undefined,
): Promise<Page<Record<string, unknown>>> =>
  storeIds === 'all'
    ? queryPage({
        indexName: 'gsi9',
        partitionValue: orderKeys.customerPartition(customerId),
        descending: true,
        limit,
        cursor,
      })
    : mergedQueryPage({
        indexName: 'gsi10',
        partitionValues: storeIds.map((storeId) => orderKeys.customerStorePartition(customerId, storeId)),
        limit,
        cursor,
        scope: `customer-orders|${customerId}|${[...storeIds].sort().join(',')}`,
      });

/**
 * A customer's orders, newest first: all of them on gsi9 (admin, finance); for callers scoped
 * to some stores, their stores' partitions of gsi10 merged into one listing, so every page is
 * full and nothing outside their stores is read. Both are keys only (a customer's listing is
 * read far less often than its orders change), so the summaries come from one BatchGet.
 */
export const queryCustomerOrders = async (
  customerId: string,
  storeIds: readonly string[] | 'all',
  limit: number,
  cursor: string | undefined,
): Promise<Page<OrderSummary>> =>
  summariesOfKeys(await customerOrderKeys(customerId, storeIds, limit, cursor));

/** The ids of a page of a customer's orders, from the index alone (for callers that read each order whole). */
export const queryCustomerOrderIds = async (
  customerId: string,
  storeIds: readonly string[] | 'all',
  limit: number,
  cursor: string | undefined,
): Promise<Page<string>> => {
  const page = await customerOrderKeys(customerId, storeIds, limit, cursor);
  const prefix = orderKeys.partition('');
  return {
    items: page.items.map((item) => String(item.pk).slice(prefix.length)),
    nextCursor: page.nextCursor,
  };
};

/**
 * Orders of several stores as one listing, newest first (finance's `GET /orders`): their
 * partitions of gsi7 (one status) or gsi8 (every status) merged, with the creation-time range
 * as inclusive sort-key bounds. One Query per store per page.
 */
export const queryOrdersOfStores = async (
  storeIds: readonly string[],
  query: { status?: OrderStatus; from?: string; to?: string; limit: number; cursor?: string },
): Promise<Page<OrderSummary>> => {
  const stores = [...new Set(storeIds)].sort();
  const bounds = {
    ...(query.from ? { lowest: query.from } : {}),
    ...(query.to ? { highest: `${query.to}#\uffff` } : {}),
  };
  const page = await mergedQueryPage({
    indexName: query.status ? 'gsi7' : 'gsi8',
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
  return summaries(page);
};

/**
 * One page of a store's unpaid orders created at or before `createdUpTo` (gsi7, oldest first).
 * The expiry job still checks each order's own `expiresAt`.
 */
export const queryUnpaidOrdersCreatedBy = async (
  storeId: string,
  createdUpTo: string,
  cursor: string | undefined,
): Promise<Page<OrderSummary>> => {
  const page = await queryPage({
    indexName: 'gsi7',
    partitionValue: orderKeys.storeStatusPartition(storeId, 'PENDING_PAYMENT'),
    sortKey: { lessOrEqual: `${createdUpTo}#\uffff` },
    limit: 100,
    cursor,
  });
  return summaries(page);
};
