import { describe, expect, it } from 'vitest';
import { buildOrder, type OrderDraft } from '../../../lib/orders/order-build.js';
import { pricedOrder } from './priced-order.js';

const now = new Date('2030-01-01T00:00:00.000Z');

const priced = pricedOrder;

const draft = (overrides: Partial<OrderDraft> = {}): OrderDraft => ({
  orderId: 'or_1',
  input: {
    storeId: 'st_a',
    channel: 'in_store',
    customerId: 'cu_1',
    lines: [
      { sku: 'A', quantity: 2 },
      { sku: 'B', quantity: 1 },
    ],
  },
  resolved: [
    {
      sku: 'A',
      quantity: 2,
      productId: 'pr_a',
      name: 'Solution',
      options: { size: '300 mL' },
      category: 'lens-care',
      unitPrice: 2000,
      currency: 'AUD',
    },
  ],
  priced,
  redemption: { points: 0, value: 0 },
  actor: { userId: 'till-1', role: 'staff', storeIds: ['st_a'] },
  now,
  paymentTimeoutMinutes: 30,
  tax: { pricesIncludeTax: true, rates: new Map() },
  ...overrides,
});

describe('buildOrder', () => {
  it('embeds priced lines and totals, awaiting payment until the time to pay runs out', () => {
    const order = buildOrder(draft());
    expect(order).toMatchObject({
      orderId: 'or_1',
      status: 'PENDING_PAYMENT',
      customerId: 'cu_1',
      subtotal: 5000,
      discountTotal: 400,
      total: 4600,
      amountDue: 4600,
      amountPaid: 0,
      refundableAmount: 0,
      expiresAt: '2030-01-01T00:30:00.000Z',
      version: 1,
      createdBy: 'till-1',
      appliedPromotions: [{ promotionId: 'pm_1', limits: { usageLimit: 5 } }],
    });
    expect(order.lines[0]).toMatchObject({
      sku: 'A',
      name: 'Solution',
      lineTotal: 3600,
      netTotal: 3600,
      refundedQuantity: 0,
    });
    expect(order.lines[1]).toMatchObject({ sku: 'B', name: 'B', netTotal: 1000 });
  });

  it('takes redeemed points off the total and spreads them over the lines', () => {
    const order = buildOrder(draft({ redemption: { points: 1000, value: 1000 } }));
    expect(order).toMatchObject({ total: 3600, amountDue: 3600, pointsRedeemed: 1000, pointsDiscount: 1000 });
    expect(order.lines.map((l) => l.allocatedDiscount)).toEqual([783, 217]);
    expect(order.lines.reduce((sum, l) => sum + l.netTotal, 0)).toBe(3600);
  });

  it('starts PAID when points cover everything', () => {
    const order = buildOrder(draft({ redemption: { points: 4600, value: 4600 } }));
    expect(order).toMatchObject({ status: 'PAID', total: 0, amountDue: 0, paidAt: now.toISOString() });
  });
});
