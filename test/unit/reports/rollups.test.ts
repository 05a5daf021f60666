import { describe, expect, it } from 'vitest';
import type { Order, Payment, Refund } from '../../../lib/orders/order-schemas.js';
import { refundsOfEvent } from '../../../lib/reports/rollup-consumer.js';
import { figuresOf, zeroCounters } from '../../../lib/reports/sale-figures.js';
import { refundRollup, saleRollup } from '../../../lib/reports/sale-rollup.js';
import { paymentTakings, refundTakings } from '../../../lib/reports/takings-rollup.js';

const line = (
  sku: string,
  category: string,
  quantity: number,
  netTotal: number,
  extra: Partial<Order['lines'][number]> = {},
) =>
  ({
    sku,
    productId: `pr_${sku}`,
    name: sku,
    options: {},
    category,
    quantity,
    unitPrice: netTotal / quantity,
    lineSubtotal: netTotal,
    discount: 0,
    lineTotal: netTotal,
    allocatedDiscount: 0,
    netTotal,
    taxCategory: category,
    taxName: 'GST',
    taxRate: 1000,
    taxAmount: Math.round(netTotal / 11),
    refundedQuantity: 0,
    ...extra,
  }) as Order['lines'][number];

const order = {
  orderId: 'or_1',
  storeId: 'st_1',
  channel: 'online',
  currency: 'AUD',
  lines: [
    line('LENS', 'contact-lenses', 2, 8000, { discount: 1000, lineSubtotal: 9000, lineTotal: 8000 }),
    line('CASE', 'accessories', 1, 1000),
  ],
} as unknown as Order;
const costs: Record<string, number> = { LENS: 2000, CASE: 300 };

const refund = (extra: Partial<Refund>): Refund =>
  ({
    refundId: 'rf_1',
    orderId: 'or_1',
    amount: 0,
    lines: [],
    tax: 0,
    restock: 'none',
    reason: 'test',
    pointsReturned: 0,
    pointsReversed: 0,
    pointsNotReversed: 0,
    createdAt: '2026-03-03T10:00:00.000Z',
    createdBy: 'u',
    ...extra,
  }) as Refund;

describe('sale rollup', () => {
  const { memo, change } = saleRollup(order, (sku) => costs[sku] ?? 0, '2026-03-02T23:59:59.000Z');

  it('counts the order once in its day total and channel, once per category, on the UTC day paid', () => {
    const total = change.sales.find((d) => d.dimension === 'total');
    expect(total).toEqual({
      dimension: 'total',
      value: 'all',
      day: '2026-03-02',
      currency: 'AUD',
      counters: { orders: 1, units: 3, gross: 10000, discounts: 1000, net: 9000, tax: 818, cost: 4300 },
    });
    expect(change.sales.find((d) => d.dimension === 'channel')).toMatchObject({
      value: 'online',
      counters: total?.counters,
    });
    expect(
      change.sales
        .filter((d) => d.dimension === 'category')
        .map((d) => [d.value, d.counters.orders, d.counters.net]),
    ).toEqual([
      ['contact-lenses', 1, 8000],
      ['accessories', 1, 1000],
    ]);
    expect(change.skus.map((s) => [s.sku, s.units, s.net])).toEqual([
      ['LENS', 2, 8000],
      ['CASE', 1, 1000],
    ]);
    expect(memo.lines.map((l) => l.unitCost)).toEqual([2000, 300]);
  });

  it('derives margin ex tax and the average basket', () => {
    const counters = {
      ...zeroCounters(),
      orders: 2,
      net: 9001,
      tax: 818,
      refunds: 1100,
      refundTax: 100,
      cost: 4300,
    };
    expect(figuresOf('AUD', counters)).toMatchObject({
      margin: 9001 - 818 - 1000 - 4300,
      averageBasket: 4501,
    });
    expect(figuresOf('AUD', zeroCounters()).averageBasket).toBe(0);
  });

  it('takes a restocked return’s cost back, per category, on the refund’s day', () => {
    const change = refundRollup(
      memo,
      refund({
        amount: 4000,
        tax: 364,
        restock: 'available',
        lines: [{ sku: 'LENS', quantity: 1, amount: 4000, tax: 364 }],
      }),
      false,
    );
    expect(change.sales.find((d) => d.dimension === 'total')).toMatchObject({
      day: '2026-03-03',
      counters: { refunds: 4000, refundTax: 364, cost: -2000 },
    });
    expect(change.sales.filter((d) => d.dimension === 'category').map((d) => d.value)).toEqual([
      'contact-lenses',
    ]);
    expect(change.skus).toEqual([
      { day: '2026-03-03', sku: 'LENS', productId: 'pr_LENS', units: 0, net: 0, returned: 1 },
    ]);
  });

  it('spreads a money-only refund over the lines exactly, keeping the cost', () => {
    const change = refundRollup(memo, refund({ amount: 901, tax: 81 }), false);
    const categories = change.sales.filter((d) => d.dimension === 'category');
    expect(categories.map((d) => d.counters.refunds)).toEqual([801, 100]);
    expect(categories.reduce((sum, d) => sum + (d.counters.refundTax ?? 0), 0)).toBe(81);
    expect(change.sales.find((d) => d.dimension === 'total')?.counters.cost).toBe(0);
    expect(change.skus).toEqual([]);
  });

  it('reverses every unit’s cost when a paid order is cancelled', () => {
    const change = refundRollup(memo, refund({ amount: 9000, tax: 818 }), true);
    expect(change.sales.find((d) => d.dimension === 'total')?.counters).toEqual({
      refunds: 9000,
      refundTax: 818,
      cost: -4300,
    });
    expect(change.skus.map((s) => [s.sku, s.returned])).toEqual([
      ['LENS', 2],
      ['CASE', 1],
    ]);
  });
});

describe('refunds of an event', () => {
  const refunds = [
    refund({ refundId: 'rf_a', amount: 500, createdAt: '2026-03-03T10:00:00.000Z' }),
    refund({ refundId: 'rf_c', amount: 700, createdAt: '2026-03-05T10:00:00.000Z' }),
    refund({ refundId: 'rf_b', amount: 300, createdAt: '2026-03-04T10:00:00.000Z' }),
  ];
  it('picks the refunds between the amounts refunded before and after, in the order made', () => {
    expect(refundsOfEvent(refunds, 800, 300).map((r) => r.refundId)).toEqual(['rf_b']);
    expect(refundsOfEvent(refunds, 500, 500).map((r) => r.refundId)).toEqual(['rf_a']);
    expect(refundsOfEvent(refunds, 1500, 1000).map((r) => r.refundId)).toEqual(['rf_b', 'rf_c']);
  });
});

describe('takings', () => {
  const payment = (method: Payment['method'], amount: number, createdAt = '2026-03-02T09:00:00.000Z') =>
    ({
      paymentId: `pa_${method}${amount}`,
      orderId: 'or_1',
      method,
      amount,
      createdAt,
      createdBy: 'u',
    }) as Payment;

  it('counts each payment on its own day by method', () => {
    expect(
      paymentTakings('AUD', [
        payment('card', 600),
        payment('cash', 400),
        payment('card', 100, '2026-03-03T01:00:00.000Z'),
      ]),
    ).toEqual([
      { day: '2026-03-02', currency: 'AUD', kind: 'PAYMENT', method: 'card', amount: 600, count: 1 },
      { day: '2026-03-02', currency: 'AUD', kind: 'PAYMENT', method: 'cash', amount: 400, count: 1 },
      { day: '2026-03-03', currency: 'AUD', kind: 'PAYMENT', method: 'card', amount: 100, count: 1 },
    ]);
  });

  it('sends a refund back over the methods paid, in proportion and exactly', () => {
    const deltas = refundTakings(
      'AUD',
      [payment('card', 600), payment('cash', 400)],
      refund({ amount: 501 }),
    );
    expect(deltas.map((d) => [d.method, d.amount, d.count])).toEqual(
      [
        ['card', 301],
        ['cash', 200],
      ].map(([method, amount]) => [method, amount, 1]),
    );
    expect(deltas.every((d) => d.kind === 'REFUND' && d.day === '2026-03-03')).toBe(true);
  });
});
