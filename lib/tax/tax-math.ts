/**
 * Pure tax arithmetic in integer minor units; rates are basis points (1000 = 10%). BigInt keeps
 * `amount × rate` exact for any amount the API accepts. Worked examples: docs/tax.md.
 */

import { cumulativeShare } from '../orders/order-totals.js';

const BASIS = 10_000n;

/** numerator / denominator rounded half up (both non-negative). */
const divideHalfUp = (numerator: bigint, denominator: bigint): number =>
  Number((2n * numerator + denominator) / (2n * denominator));

/**
 * The tax of one line, rounded half up once per line.
 * - inclusive: `amount` already contains the tax: tax = amount × rate / (10000 + rate);
 * - exclusive: tax is added on top: tax = amount × rate / 10000.
 */
export const lineTax = (amount: number, rateBasisPoints: number, pricesIncludeTax: boolean): number => {
  if (amount === 0 || rateBasisPoints === 0) return 0;
  const rate = BigInt(rateBasisPoints);
  return divideHalfUp(BigInt(amount) * rate, pricesIncludeTax ? BASIS + rate : BASIS);
};

/**
 * Tax of refunding `quantity` more units of a line that already had `refunded` units refunded.
 * Cumulative like the money (unitsValue): the first n units carry floor(tax × n / quantity), so
 * returning every unit, in any number of refunds, returns exactly the line's tax.
 */
export const taxOfUnits = (
  line: { quantity: number; taxAmount: number },
  refunded: number,
  quantity: number,
): number => cumulativeShare(line.taxAmount, line.quantity, refunded, quantity);

/**
 * Tax returned with a refund of `amount` that is not priced by units (money only, or an
 * amount other than the lines' value): the refund's share of the order's tax, half up, never
 * more than the tax not yet returned; a refund that returns everything still paid returns all
 * the tax left.
 */
export const taxOfMoney = (
  order: { total: number; taxTotal: number; taxRefunded: number },
  amount: number,
  refundsEverything: boolean,
): number => {
  const left = order.taxTotal - order.taxRefunded;
  if (refundsEverything) return left;
  if (order.total === 0) return 0;
  return Math.min(left, divideHalfUp(BigInt(amount) * BigInt(order.taxTotal), BigInt(order.total)));
};

/** Whether shelf prices include tax when a store does not say: yes, except where sales tax is added at the till. */
const EXCLUSIVE_COUNTRIES: ReadonlySet<string> = new Set(['US', 'CA']);

export const defaultPricesIncludeTax = (country: string): boolean => !EXCLUSIVE_COUNTRIES.has(country);
