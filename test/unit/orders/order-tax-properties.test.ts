import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOrder } from '../../../lib/orders/order-build.js';
import type { Order } from '../../../lib/orders/order-schemas.js';
import { planRefund } from '../../../lib/orders/refund-plan.js';
import type { PricedOrder } from '../../../lib/promotions/pricing.js';

const lineArb = fc
  .record({
    quantity: fc.integer({ min: 1, max: 12 }),
    unitPrice: fc.integer({ min: 0, max: 200_000 }),
    discountShare: fc.double({ min: 0, max: 1, noNaN: true }),
    rate: fc.constantFrom(0, 600, 900, 1000, 1300, 1600, 2000),
  })
  .map(({ quantity, unitPrice, discountShare, rate }) => {
    const lineSubtotal = quantity * unitPrice;
    const discount = Math.floor(lineSubtotal * discountShare);
    return { quantity, unitPrice, lineSubtotal, discount, lineTotal: lineSubtotal - discount, rate };
  });

const orderArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
  pricesIncludeTax: fc.boolean(),
  pointsShare: fc.double({ min: 0, max: 1, noNaN: true }),
  chunks: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 30 }),
});

type OrderSpec = typeof orderArb extends fc.Arbitrary<infer T> ? T : never;

const build = ({ lines, pricesIncludeTax, pointsShare }: OrderSpec): Order => {
  const pricedLines = lines.map((line, index) => ({
    sku: `SKU-${index}`,
    productId: `pr_${index}`,
    category: `cat-${index}`,
    currency: 'AUD',
    ...line,
  }));
  const subtotal = pricedLines.reduce((sum, line) => sum + line.lineSubtotal, 0);
  const discountTotal = pricedLines.reduce((sum, line) => sum + line.discount, 0);
  const priced: PricedOrder = {
    currency: 'AUD',
    lines: pricedLines,
    subtotal,
    discountTotal,
    total: subtotal - discountTotal,
    appliedPromotions: [],
  };
  const points = Math.floor(priced.total * pointsShare);
  const order = buildOrder({
    orderId: 'or_p',
    input: {
      storeId: 'st_p',
      channel: 'in_store',
      lines: pricedLines.map(({ sku, quantity }) => ({ sku, quantity })),
    },
    resolved: [],
    priced,
    redemption: { points, value: points },
    actor: { userId: 'system:property' },
    now: new Date('2030-01-01T00:00:00Z'),
    paymentTimeoutMinutes: 30,
    tax: {
      pricesIncludeTax,
      rates: new Map(
        pricedLines.map((line) => [
          line.category,
          { taxCategory: line.category, taxName: 'T', taxRate: line.rate },
        ]),
      ),
    },
  });
  return {
    ...order,
    status: 'FULFILLED',
    amountPaid: order.total,
    amountDue: 0,
    refundableAmount: order.total,
  };
};

describe('tax over any order', () => {
  it('keeps lines and totals consistent: Σ netTotal = total, Σ tax = taxTotal, tax never above the line', () => {
    fc.assert(
      fc.property(orderArb, (spec) => {
        const order = build(spec);
        expect(order.lines.reduce((sum, line) => sum + line.netTotal, 0)).toBe(order.total);
        expect(order.lines.reduce((sum, line) => sum + line.taxAmount, 0)).toBe(order.taxTotal);
        const beforeTax = order.subtotal - order.discountTotal - order.pointsDiscount;
        expect(order.total).toBe(order.pricesIncludeTax ? beforeTax : beforeTax + order.taxTotal);
        for (const line of order.lines) {
          expect(line.taxAmount).toBeGreaterThanOrEqual(0);
          expect(line.taxAmount).toBeLessThanOrEqual(line.netTotal);
        }
      }),
    );
  });

  it('returns exactly all the money and all the tax when every unit comes back, in any order of refunds', () => {
    fc.assert(
      fc.property(orderArb, (spec) => {
        let order = build(spec);
        let next = 0;
        for (const chunk of [...spec.chunks, ...order.lines.map((line) => line.quantity)]) {
          const open = order.lines.filter((line) => line.refundedQuantity < line.quantity);
          const line = open[next++ % Math.max(1, open.length)];
          if (!line) break;
          const quantity = Math.min(chunk, line.quantity - line.refundedQuantity);
          const plan = planRefund(order, {
            lines: [{ sku: line.sku, quantity }],
            restock: 'none',
            reason: 'p',
          });
          expect(plan.tax).toBeGreaterThanOrEqual(0);
          expect(plan.tax).toBeLessThanOrEqual(plan.amount);
          order = {
            ...order,
            lines: plan.nextLines,
            amountRefunded: order.amountRefunded + plan.amount,
            refundableAmount: order.refundableAmount - plan.amount,
            taxRefunded: order.taxRefunded + plan.tax,
          };
        }
        for (const line of order.lines) {
          if (line.refundedQuantity < line.quantity) {
            const plan = planRefund(order, {
              lines: [{ sku: line.sku, quantity: line.quantity - line.refundedQuantity }],
              restock: 'none',
              reason: 'p',
            });
            order = {
              ...order,
              lines: plan.nextLines,
              amountRefunded: order.amountRefunded + plan.amount,
              refundableAmount: order.refundableAmount - plan.amount,
              taxRefunded: order.taxRefunded + plan.tax,
            };
          }
        }
        expect(order.amountRefunded).toBe(order.total);
        expect(order.taxRefunded).toBe(order.taxTotal);
      }),
    );
  });
});
