import type * as z from 'zod/mini';
import { reportKeys } from '../db/keys.js';
import { getItem } from '../db/query-page.js';
import { type GuardedWrite, transactWrite } from '../db/transact.js';
import { ServiceUnavailableError } from '../errors.js';
import type { OrderDetail as OrderEventDetail, OrderRefundedDetail } from '../events/event-schemas.js';
import { loadOrderDetail } from '../orders/order-repository.js';
import type { OrderDetail, Refund } from '../orders/order-schemas.js';
import {
  appliedMarkerWrite,
  EventAlreadyAppliedError,
  recordLastSold,
  saleMemoWrite,
  salesWrite,
  skuSalesWrite,
  takingsWrite,
} from './rollup-writes.js';
import { type RollupChange, refundRollup, type SaleMemo, saleRollup } from './sale-rollup.js';
import { paymentTakings, refundTakings, type TakingsDelta } from './takings-rollup.js';
import { variantCosts } from './unit-costs.js';

/** The order events the rollups count (docs: README "Reports API"). */
export const REPORTED_ORDER_EVENTS = [
  'Order.Paid',
  'Order.Cancelled',
  'Order.Expired',
  'Order.Refunded',
] as const;
export type ReportedOrderEvent = (typeof REPORTED_ORDER_EVENTS)[number];

type OrderEvent = z.output<typeof OrderEventDetail> &
  Partial<Pick<z.output<typeof OrderRefundedDetail>, 'refundAmount'>>;

/** A refund arrived before its sale was counted (the bus does not keep order): retried later. */
export class SaleNotCountedYetError extends ServiceUnavailableError {}

export interface RollupOutcome {
  eventId: string;
  /** Parts counted now (`sales`, `takings`), parts a redelivery found counted, parts with nothing to count. */
  applied: string[];
  alreadyApplied: string[];
  nothingToCount: string[];
}

/** Applies one part of an event: its marker and counters in one transaction (≤ 100 writes). */
const applyPart = async (
  outcome: RollupOutcome,
  part: string,
  writes: GuardedWrite[],
  now: Date,
): Promise<boolean> => {
  if (writes.length === 0) {
    outcome.nothingToCount.push(part);
    return false;
  }
  try {
    await transactWrite([appliedMarkerWrite(outcome.eventId, part, now), ...writes]);
    outcome.applied.push(part);
    return true;
  } catch (error) {
    if (!(error instanceof EventAlreadyAppliedError)) throw error;
    outcome.alreadyApplied.push(part);
    return false;
  }
};

const changeWrites = (storeId: string, change: RollupChange): GuardedWrite[] => [
  ...change.sales.map((delta) => salesWrite(storeId, delta)),
  ...change.skus.map((delta) => skuSalesWrite(storeId, delta)),
];

const takingsWrites = (storeId: string, deltas: TakingsDelta[]) =>
  deltas.map((delta) => takingsWrite(storeId, delta));

/**
 * The refunds this event is about: those whose running total (in the order they were made)
 * ends after the amount refunded before the event and at most at the amount after it. A
 * redelivery picks the same ones.
 */
export const refundsOfEvent = (refunds: readonly Refund[], amountRefunded: number, refundAmount: number) => {
  const before = amountRefunded - refundAmount;
  const ordered = [...refunds].sort((a, b) =>
    a.createdAt === b.createdAt ? a.refundId.localeCompare(b.refundId) : a.createdAt < b.createdAt ? -1 : 1,
  );
  let running = 0;
  const chosen: Refund[] = [];
  for (const refund of ordered) {
    const start = running;
    running += refund.amount;
    if (start >= before && running <= amountRefunded) chosen.push(refund);
  }
  return chosen;
};

const countSale = async (outcome: RollupOutcome, order: OrderDetail, now: Date) => {
  const paidAt = order.paidAt ?? order.updatedAt;
  const costs = await variantCosts(order.lines.map((line) => line.productId));
  const { memo, change } = saleRollup(order, (sku) => costs.get(sku)?.cost ?? 0, paidAt);
  const counted = await applyPart(
    outcome,
    'sales',
    [saleMemoWrite(memo), ...changeWrites(order.storeId, change)],
    now,
  );
  await applyPart(
    outcome,
    'takings',
    takingsWrites(order.storeId, paymentTakings(order.currency, order.payments)),
    now,
  );
  // Idempotent by itself; also repeated on a redelivery, in case the first delivery stopped here.
  if (counted || outcome.alreadyApplied.includes('sales'))
    for (const line of order.lines) await recordLastSold(order.storeId, line.sku, line.productId, paidAt);
};

const countRefunds = async (outcome: RollupOutcome, order: OrderDetail, event: OrderEvent, now: Date) => {
  const refunds = refundsOfEvent(order.refunds, event.amountRefunded, event.refundAmount ?? 0);
  if (order.paidAt) {
    const memo = (await getItem(reportKeys.saleMemo(order.orderId))) as SaleMemo | undefined;
    if (!memo)
      throw new SaleNotCountedYetError({ detail: `The sale of ${order.orderId} is not counted yet.` });
    const changes = refunds.map((refund) =>
      refundRollup(memo, refund, order.status === 'CANCELLED' && refund.createdAt === order.cancelledAt),
    );
    await applyPart(
      outcome,
      'sales',
      changes.flatMap((change) => changeWrites(order.storeId, change)),
      now,
    );
  } else outcome.nothingToCount.push('sales');
  const deltas = refunds.flatMap((refund) => refundTakings(order.currency, order.payments, refund));
  await applyPart(outcome, 'takings', takingsWrites(order.storeId, deltas), now);
};

/**
 * Counts one order event into the rollups. The order is read as it is now (one Query of its
 * partition: the order, its payments and refunds); what the event counts is fixed by the event
 * (which refunds, which payments), so a late or repeated delivery counts the same.
 * - `Order.Paid`: the sale (sales, SKU sales, the memo) and its payments (takings);
 * - `Order.Refunded`: its refunds, against the sale's memo, and in takings;
 * - `Order.Cancelled` / `Order.Expired` of an order never paid in full: payments already taken
 *   (their refund follows as `Order.Refunded`); otherwise nothing.
 */
export const applyOrderEvent = async (
  detailType: ReportedOrderEvent,
  event: OrderEvent,
  now = new Date(),
): Promise<RollupOutcome> => {
  const outcome: RollupOutcome = {
    eventId: event.eventId,
    applied: [],
    alreadyApplied: [],
    nothingToCount: [],
  };
  const order = await loadOrderDetail(event.orderId);
  if (!order) throw new SaleNotCountedYetError({ detail: `Order ${event.orderId} was not found.` });
  if (detailType === 'Order.Paid') await countSale(outcome, order, now);
  else if (detailType === 'Order.Refunded') await countRefunds(outcome, order, event, now);
  else if (event.previousStatus === 'PENDING_PAYMENT' && event.amountPaid > 0)
    await applyPart(
      outcome,
      'takings',
      takingsWrites(order.storeId, paymentTakings(order.currency, order.payments)),
      now,
    );
  else outcome.nothingToCount.push('sales', 'takings');
  return outcome;
};
