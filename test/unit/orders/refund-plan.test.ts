import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../lib/errors.js';
import { RefundExceedsPaidError, RefundExceedsSoldError } from '../../../lib/orders/order-errors.js';
import { planRefund } from '../../../lib/orders/refund-plan.js';
import { line, sampleOrder } from './sample-order.js';

describe('planRefund', () => {
  it('prices returned units at what was paid for them and counts them on the line', () => {
    const plan = planRefund(sampleOrder(), {
      lines: [{ sku: 'SKU-A', quantity: 1 }],
      restock: 'available',
      reason: 'x',
    });
    expect(plan.lines).toEqual([{ sku: 'SKU-A', productId: 'pr_a', quantity: 1, amount: 3000, tax: 0 }]);
    expect(plan.amount).toBe(3000);
    expect(plan.nextLines.map((l) => l.refundedQuantity)).toEqual([1, 0]);
  });

  it('uses the net total after order-level discounts, and an explicit amount when given', () => {
    const order = sampleOrder({
      lines: [line({ allocatedDiscount: 1001, netTotal: 4999 })],
      refundableAmount: 4999,
    });
    expect(
      planRefund(order, { lines: [{ sku: 'SKU-A', quantity: 1 }], restock: 'none', reason: 'x' }).amount,
    ).toBe(2499);
    expect(
      planRefund(order, { lines: [{ sku: 'SKU-A', quantity: 2 }], restock: 'none', reason: 'x', amount: 100 })
        .amount,
    ).toBe(100);
  });

  it('allows a money-only refund', () => {
    const plan = planRefund(sampleOrder(), { amount: 500, restock: 'none', reason: 'goodwill' });
    expect(plan).toMatchObject({ lines: [], amount: 500 });
  });

  it('refuses units not sold, or already refunded', () => {
    const order = sampleOrder({ lines: [line({ refundedQuantity: 1 })] });
    expect(() =>
      planRefund(order, { lines: [{ sku: 'SKU-A', quantity: 2 }], restock: 'none', reason: 'x' }),
    ).toThrow(RefundExceedsSoldError);
    try {
      planRefund(order, { lines: [{ sku: 'SKU-Z', quantity: 1 }], restock: 'none', reason: 'x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toEqual([
        { path: 'body.lines[0].sku', message: 'Not on this order.' },
      ]);
    }
  });

  it('refuses more money than is paid and not yet refunded', () => {
    const order = sampleOrder({ amountRefunded: 9_000, refundableAmount: 1_000 });
    expect(() => planRefund(order, { amount: 1_001, restock: 'none', reason: 'x' })).toThrow(
      RefundExceedsPaidError,
    );
    expect(() =>
      planRefund(order, { lines: [{ sku: 'SKU-B', quantity: 1 }], restock: 'none', reason: 'x' }),
    ).toThrow(RefundExceedsPaidError);
    expect(planRefund(order, { amount: 1_000, restock: 'none', reason: 'x' }).amount).toBe(1_000);
  });
});
