/**
 * What the reports count, in integer minor units (docs: README "Reports API"):
 * - a sale counts once, on the UTC day its order was paid in full: `orders` 1, `units` the
 *   quantities, `net` what the customer pays (tax included; lines sum to the order total),
 *   `discounts` promotions and order-level reductions (points), `gross` = net + discounts,
 *   `tax` the lines' tax, `cost` units × the variant's unit cost when the sale was counted;
 * - a refund counts on the day it was made, against its order's store, channel and
 *   categories: `refunds` the money returned (tax included) and `refundTax`; units returned to
 *   stock take their cost back out of `cost`. Cancelling a paid order is such a refund (of
 *   everything, every unit back); an order cancelled or expired unpaid never counted.
 * - margin = (net − tax) − (refunds − refundTax) − cost; averageBasket = net ÷ orders.
 */
export const COUNTERS = [
  'orders',
  'units',
  'gross',
  'discounts',
  'net',
  'tax',
  'refunds',
  'refundTax',
  'cost',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

export const zeroCounters = (): Counters =>
  Object.fromEntries(COUNTERS.map((counter) => [counter, 0])) as Counters;

export const addCounters = (into: Counters, more: Partial<Counters>): Counters => {
  for (const counter of COUNTERS) into[counter] += more[counter] ?? 0;
  return into;
};

export const countersOf = (item: Record<string, unknown>): Counters =>
  Object.fromEntries(COUNTERS.map((counter) => [counter, Number(item[counter] ?? 0)])) as Counters;

/** The figures a report answers with, derived from the stored counters. */
export interface Figures {
  currency: string;
  orders: number;
  units: number;
  gross: number;
  discounts: number;
  net: number;
  refunds: number;
  cost: number;
  margin: number;
  averageBasket: number;
}

export const figuresOf = (currency: string, counters: Counters): Figures => ({
  currency,
  orders: counters.orders,
  units: counters.units,
  gross: counters.gross,
  discounts: counters.discounts,
  net: counters.net,
  refunds: counters.refunds,
  cost: counters.cost,
  margin: counters.net - counters.tax - (counters.refunds - counters.refundTax) - counters.cost,
  averageBasket: counters.orders > 0 ? Math.round(counters.net / counters.orders) : 0,
});
