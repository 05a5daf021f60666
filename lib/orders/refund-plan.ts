import { type FieldIssue, ValidationError } from '../errors.js';
import { taxOfMoney, taxOfUnits } from '../tax/tax-math.js';
import { RefundExceedsPaidError, RefundExceedsSoldError } from './order-errors.js';
import type { Order, RefundOrderInput } from './order-schemas.js';
import { unitsValue } from './order-totals.js';

export interface RefundLinePlan {
  sku: string;
  productId: string;
  quantity: number;
  /** Value of these units at what the customer paid for them. */
  amount: number;
  /** The tax in `amount` (the units' cumulative share of the line's tax). */
  tax: number;
}

export interface RefundPlan {
  lines: RefundLinePlan[];
  amount: number;
  /** Tax returned with the refund, part of `amount`. */
  tax: number;
  /** The order's lines with their refunded quantities after this refund. */
  nextLines: Order['lines'];
}

/**
 * Pure: checks a refund against the order (SKUs on the order, units not refunded yet, money
 * paid and not refunded yet) and prices it. The amount defaults to the value of the lines.
 * Tax comes back with it: the units' tax when the refund is the lines' value (exact: every
 * unit returned returns all the line's tax), otherwise the refund's share of the order's tax
 * (taxOfMoney); never more than the tax not yet returned.
 */
export const planRefund = (order: Order, input: RefundOrderInput): RefundPlan => {
  const issues: FieldIssue[] = [];
  const excess: { sku: string; requested: number; refundable: number }[] = [];
  const bySku = new Map(order.lines.map((line) => [line.sku, line]));
  const lines: RefundLinePlan[] = [];
  (input.lines ?? []).forEach((requested, index) => {
    const line = bySku.get(requested.sku);
    if (!line) {
      issues.push({ path: `body.lines[${index}].sku`, message: 'Not on this order.' });
      return;
    }
    const refundable = line.quantity - line.refundedQuantity;
    if (requested.quantity > refundable) {
      excess.push({ sku: line.sku, requested: requested.quantity, refundable });
      return;
    }
    lines.push({
      sku: line.sku,
      productId: line.productId,
      quantity: requested.quantity,
      amount: unitsValue(line, line.refundedQuantity, requested.quantity),
      tax: taxOfUnits(line, line.refundedQuantity, requested.quantity),
    });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  if (excess.length > 0) throw new RefundExceedsSoldError(excess);

  const linesValue = lines.reduce((total, line) => total + line.amount, 0);
  const amount = input.amount ?? linesValue;
  if (amount > order.refundableAmount) {
    throw new RefundExceedsPaidError(order.orderId, amount, order.refundableAmount);
  }
  const everything = order.amountRefunded + amount === order.total;
  const linesTax = lines.reduce((total, line) => total + line.tax, 0);
  const tax =
    lines.length > 0 && amount === linesValue && !everything
      ? Math.min(linesTax, order.taxTotal - order.taxRefunded)
      : taxOfMoney(order, amount, everything);
  const refundedNow = new Map(lines.map((line) => [line.sku, line.quantity]));
  const nextLines = order.lines.map((line) => ({
    ...line,
    refundedQuantity: line.refundedQuantity + (refundedNow.get(line.sku) ?? 0),
  }));
  return { lines, amount, tax, nextLines };
};
