import type { Payment, Refund } from '../orders/order-schemas.js';
import { allocate } from '../orders/order-totals.js';
import { utcDay } from './report-days.js';

/** Money to ADD to one takings item: a store's day, currency, kind and method. */
export interface TakingsDelta {
  day: string;
  currency: string;
  kind: 'PAYMENT' | 'REFUND';
  method: string;
  amount: number;
  count: number;
}

const merge = (deltas: TakingsDelta[]): TakingsDelta[] => {
  const byKey = new Map<string, TakingsDelta>();
  for (const delta of deltas) {
    const key = `${delta.day}#${delta.currency}#${delta.kind}#${delta.method}`;
    const current = byKey.get(key);
    if (current) {
      current.amount += delta.amount;
      current.count += delta.count;
    } else byKey.set(key, { ...delta });
  }
  return [...byKey.values()];
};

/** Each payment on the day it was taken, by its method. */
export const paymentTakings = (currency: string, payments: readonly Payment[]): TakingsDelta[] =>
  merge(
    payments.map((payment) => ({
      day: utcDay(payment.createdAt),
      currency,
      kind: 'PAYMENT' as const,
      method: payment.method,
      amount: payment.amount,
      count: 1,
    })),
  );

/**
 * A refund on the day it was made. Refunds do not name a method: money goes back the way it
 * came, so a refund is split over the order's payment methods in proportion to what each took
 * (exactly, in whole minor units), and counts once in each method it touches.
 */
export const refundTakings = (
  currency: string,
  payments: readonly Payment[],
  refund: Refund,
): TakingsDelta[] => {
  const methods = [...new Set(payments.map((payment) => payment.method))].sort();
  const paid = methods.map((method) =>
    payments.filter((payment) => payment.method === method).reduce((total, p) => total + p.amount, 0),
  );
  const shares = methods.length > 0 ? allocate(refund.amount, paid) : [refund.amount];
  const day = utcDay(refund.createdAt);
  return (methods.length > 0 ? methods : ['other'])
    .map((method, index) => ({
      day,
      currency,
      kind: 'REFUND' as const,
      method,
      amount: shares[index] ?? 0,
      count: 1,
    }))
    .filter((delta) => delta.amount > 0);
};
