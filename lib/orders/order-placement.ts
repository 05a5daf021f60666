import { assertStoreAccess } from '../auth/store-scope.js';
import { tableName } from '../db/client.js';
import {
  assertSameRequest,
  type IdempotencyRecord,
  IdempotencyRecordExists,
  idempotencyRecordWrite,
  newIdempotencyRecord,
} from '../db/idempotency.js';
import { customerKeys } from '../db/keys.js';
import { type GuardedWrite, MAX_TRANSACTION_ITEMS, transactWrite } from '../db/transact.js';
import { BadRequestError, NotFoundError, ValidationError } from '../errors.js';
import { fastUlid } from '../ids/fast-ulid.js';
import { InsufficientStockError, mergeStockChanges, stockChangeWrites } from '../inventory/stock-change.js';
import { pointsChangeWrites, redemptionValueOf } from '../loyalty/points.js';
import { livePromotionsFrom } from '../promotions/live-promotions.js';
import { priceOrder, promotionUsageWrites } from '../promotions/pricing.js';
import type { Store } from '../stores/store-schemas.js';
import { ratesInForceFrom } from '../tax/rates-in-force.js';
import { pricesIncludeTaxOf } from '../tax/store-tax-mode.js';
import { findTaxRateCard } from '../tax/tax-rate-repository.js';
import { nextDocumentNumber } from './document-numbers.js';
import { type Actor, isPrincipal, readOrderFor, retryOnOrderChange } from './order-access.js';
import { buildOrder } from './order-build.js';
import { resolveLines } from './order-catalog.js';
import { type OrderContext, readOrderContext } from './order-context.js';
import { StoreClosedError } from './order-errors.js';
import { MAX_ORDER_LINES, paymentTimeoutMinutes } from './order-limits.js';
import { newOrderWrite } from './order-repository.js';
import type { CreateOrderInput, Order, OrderDetail } from './order-schemas.js';
import { withAllShortages } from './order-shortages.js';
import { cappedRedemption } from './order-totals.js';
import { orderRequestHash } from './request-hash.js';

export const newOrderId = (): string => `or_${fastUlid().toLowerCase()}`;

export interface PlacedOrder {
  order: OrderDetail;
  /** True when this was a retry answered with the order the key first created. */
  replayed: boolean;
}

const replay = async (actor: Actor, record: IdempotencyRecord, requestHash: string): Promise<PlacedOrder> => {
  assertSameRequest(record, requestHash, 'order');
  return { order: await readOrderFor(actor, String(record.result.orderId)), replayed: true };
};

const assertSellable: (
  input: CreateOrderInput,
  context: OrderContext,
) => asserts context is OrderContext & { store: Store } = (input, context) => {
  const { store } = context;
  if (!store) throw new NotFoundError({ detail: `Store ${input.storeId} was not found.` });
  if (store.status !== 'active') {
    throw new StoreClosedError({ detail: `Store ${input.storeId} is ${store.status} and takes no orders.` });
  }
  if (!(store.channels as readonly string[]).includes(input.channel)) {
    throw new ValidationError([
      {
        path: 'body.channel',
        message: `Store ${input.storeId} sells through ${store.channels.join(', ')} only.`,
      },
    ]);
  }
};

const noCustomer = (customerId: string) =>
  new ValidationError([{ path: 'body.customerId', message: `No customer ${customerId}.` }]);

/**
 * The order's customer must exist and not be erased (lib/customers/customer-erasure.ts): the
 * transaction checks it rather than a read before it, which would cost a read per order and
 * still need this check against a customer erased in between.
 */
const customerExists = (customerId: string): GuardedWrite => ({
  write: {
    ConditionCheck: {
      TableName: tableName(),
      Key: customerKeys.item(customerId),
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(erasedAt)',
    },
  },
  onConditionFailed: () => noCustomer(customerId),
});

/**
 * The same check folded into the points redemption's balance update (one transaction may not
 * act on the customer item twice): an erased or missing customer is the request's 400, a short
 * balance stays the points' own error.
 */
const redeemingLiveCustomer = (writes: GuardedWrite[], customerId: string): GuardedWrite[] => {
  const key = customerKeys.item(customerId);
  return writes.map((guarded) => {
    const update = guarded.write.Update;
    if (!update || update.Key?.pk !== key.pk || update.Key?.sk !== key.sk) return guarded;
    return {
      write: {
        Update: {
          ...update,
          ConditionExpression: `(${update.ConditionExpression ?? 'attribute_exists(pk)'}) AND attribute_not_exists(erasedAt)`,
        },
      },
      onConditionFailed: (current) =>
        !current || current.erasedAt !== undefined
          ? noCustomer(customerId)
          : (guarded.onConditionFailed?.(current) ?? noCustomer(customerId)),
    };
  });
};

/**
 * The one transaction that places `order`: exported so that the benchmark's bare baseline sends
 * exactly these items (infra/local/bench/orders-bench.ts).
 */
export const placementWrites = async (
  order: Order,
  record: IdempotencyRecord,
  actor: Actor,
  now: Date,
): Promise<GuardedWrite[]> => {
  // The idempotency record goes first (see idempotencyRecordWrite).
  const commits = mergeStockChanges(
    order.lines.map((line) => ({
      storeId: order.storeId,
      sku: line.sku,
      productId: line.productId,
      deltas: { committed: line.quantity },
      reason: 'commit' as const,
      reference: { type: 'order' as const, id: order.orderId },
    })),
  );
  const redeeming = order.customerId !== undefined && order.pointsRedeemed > 0;
  return [
    idempotencyRecordWrite(record, now),
    newOrderWrite(order),
    ...commits.flatMap((change) => stockChangeWrites(change, actor, now)),
    ...(await promotionUsageWrites(order.appliedPromotions, order.customerId, now)),
    ...(order.customerId && redeeming
      ? redeemingLiveCustomer(
          pointsChangeWrites(
            {
              customerId: order.customerId,
              delta: -order.pointsRedeemed,
              reason: 'redeemed',
              reference: { type: 'order', id: order.orderId },
            },
            actor,
            now,
          ),
          order.customerId,
        )
      : []),
    ...(order.customerId && !redeeming ? [customerExists(order.customerId)] : []),
  ];
};

/**
 * Places an order: prices come from the catalog and promotions, never from the caller.
 * Everything — the order, its idempotency record, a stock commitment per line, promotion
 * usage and redeemed points — is one transaction, so a short line writes nothing at all.
 * The same Idempotency-Key with the same body answers the first order (no second
 * reservation); with another body, 422.
 */
export const placeOrder = async (
  actor: Actor,
  input: CreateOrderInput,
  idempotencyKey: string,
  /** `paymentTimeoutMinutes` overrides the environment's time to pay (demo data only). */
  options: { orderId?: string; now?: Date; paymentTimeoutMinutes?: number } = {},
): Promise<PlacedOrder> => {
  const now = options.now ?? new Date();
  if (isPrincipal(actor)) assertStoreAccess(actor, input.storeId);
  const requestHash = orderRequestHash(input);
  // One BatchGet reads everything by key, the live promotions' card and the region's rate card
  // among it, so a warm container makes two calls in all: these reads, then the transaction.
  const context = await readOrderContext(input, idempotencyKey, now);
  // Checked before pricing: a retry must get its order even if, say, its coupon is used up now.
  if (context.earlier) return replay(actor, context.earlier, requestHash);
  assertSellable(input, context);
  const { region } = context.store;
  // The rate card comes with the reads above unless this container had not seen the store in
  // this region: then it is read beside the products (if they need a read of their own).
  const [resolved, taxCard] = await Promise.all([
    resolveLines(input.lines, context.catalog),
    context.taxCard.read === region ? context.taxCard.card : findTaxRateCard(region),
  ]);
  const categories = resolved.map((line) => line.category);
  const [priced, rates] = await Promise.all([
    priceOrder(
      resolved.map(({ sku, productId, category, quantity, unitPrice, currency }) => ({
        sku,
        productId,
        category,
        quantity,
        unitPrice,
        currency,
      })),
      {
        storeId: input.storeId,
        channel: input.channel,
        ...(input.customerId ? { customerId: input.customerId } : {}),
        ...(input.couponCode ? { couponCode: input.couponCode } : {}),
        now,
      },
      livePromotionsFrom(context.promotionsCard, now),
    ),
    ratesInForceFrom(taxCard, region, categories, now),
  ]);
  const redemption = input.pointsToRedeem
    ? cappedRedemption(input.pointsToRedeem, priced.total, redemptionValueOf)
    : { points: 0, value: 0 };
  const orderId = options.orderId ?? newOrderId();
  const built = buildOrder({
    orderId,
    input,
    resolved,
    priced,
    redemption,
    actor,
    now,
    paymentTimeoutMinutes: options.paymentTimeoutMinutes ?? paymentTimeoutMinutes(),
    tax: { pricesIncludeTax: pricesIncludeTaxOf(context.store), rates },
  });
  const record = newIdempotencyRecord(input.storeId, idempotencyKey, requestHash, { orderId }, now);
  // Retried on a fresh receipt number if another sale at the store took this one meanwhile.
  return retryOnOrderChange(async () => {
    // An order paid in full with points is PAID at once, so its receipt number is issued here.
    const receipt = built.status === 'PAID' ? await nextDocumentNumber(input.storeId, 'RECEIPT') : undefined;
    const order: Order = receipt ? { ...built, receiptNumber: receipt.number } : built;
    const writes = [
      ...(await placementWrites(order, record, actor, now)),
      ...(receipt ? [receipt.write] : []),
    ];
    if (writes.length > MAX_TRANSACTION_ITEMS) {
      throw new BadRequestError({
        detail: `This order needs ${writes.length} writes but one transaction takes ${MAX_TRANSACTION_ITEMS}: send at most ${MAX_ORDER_LINES} lines (fewer with several limited promotions).`,
      });
    }
    try {
      await transactWrite(writes);
    } catch (error) {
      if (error instanceof IdempotencyRecordExists) return replay(actor, error.record, requestHash);
      if (error instanceof InsufficientStockError)
        throw await withAllShortages(error, input.storeId, input.lines);
      throw error;
    }
    return { order: { ...order, payments: [], refunds: [] }, replayed: false };
  });
};
