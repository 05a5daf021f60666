import { describe, expect, it } from 'vitest';
import { buildOrder, type OrderDraft } from '../../../lib/orders/order-build.js';
import type { Order } from '../../../lib/orders/order-schemas.js';
import { planRefund } from '../../../lib/orders/refund-plan.js';
import type { PricedOrder } from '../../../lib/promotions/pricing.js';
import type { LineTaxRate } from '../../../lib/tax/rates-in-force.js';
import { pricedOrder } from './priced-order.js';

/** The worked examples of docs/tax.md run on the shared priced order (test/unit/orders/priced-order.ts). */
const priced: PricedOrder = {
  ...pricedOrder,
  appliedPromotions: [{ promotionId: 'pm_1', name: '10% lens care', amount: 400 }],
};

const gst: LineTaxRate = { taxRateId: 'tx_gst', taxCategory: 'default', taxName: 'GST', taxRate: 1000 };
const vat: LineTaxRate = { taxRateId: 'tx_vat13', taxCategory: 'lens-care', taxName: 'VAT', taxRate: 1300 };

const draft = (
  pricesIncludeTax: boolean,
  rate: LineTaxRate,
  overrides: Partial<OrderDraft> = {},
): OrderDraft => ({
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
  resolved: [],
  priced,
  redemption: { points: 0, value: 0 },
  actor: { userId: 'till-1', role: 'staff', storeIds: ['st_a'] },
  now: new Date('2030-01-01T00:00:00.000Z'),
  paymentTimeoutMinutes: 30,
  tax: { pricesIncludeTax, rates: new Map([['lens-care', rate]]) },
  ...overrides,
});

const taxOf = (order: Order) => order.lines.map((line) => line.taxAmount);
const netOf = (order: Order) => order.lines.map((line) => line.netTotal);

describe('tax on an order', () => {
  it('tax-inclusive (GST 10%): tax is contained in what the customer pays, per line after promotions', () => {
    const order = buildOrder(draft(true, gst));
    expect(taxOf(order)).toEqual([327, 91]); // 3600 / 11 = 327.27; 1000 / 11 = 90.91
    expect(netOf(order)).toEqual([3600, 1000]);
    expect(order).toMatchObject({ pricesIncludeTax: true, taxTotal: 418, total: 4600, amountDue: 4600 });
    expect(order.lines[0]).toMatchObject({
      taxRateId: 'tx_gst',
      taxCategory: 'default',
      taxName: 'GST',
      taxRate: 1000,
    });
  });

  it('tax-exclusive (VAT 13%): tax is added to each line, and to the total', () => {
    const order = buildOrder(draft(false, vat));
    expect(taxOf(order)).toEqual([468, 130]);
    expect(netOf(order)).toEqual([4068, 1130]);
    expect(order).toMatchObject({ pricesIncludeTax: false, taxTotal: 598, total: 5198, amountDue: 5198 });
    expect(order.total).toBe(order.subtotal - order.discountTotal - order.pointsDiscount + order.taxTotal);
  });

  it('points reduce the taxable amount of each line by its share of the redemption', () => {
    const redemption = { points: 1000, value: 1000 };
    const inclusive = buildOrder(draft(true, gst, { redemption }));
    expect(inclusive.lines.map((line) => line.allocatedDiscount)).toEqual([783, 217]);
    expect(taxOf(inclusive)).toEqual([256, 71]); // 2817 / 11 = 256.09; 783 / 11 = 71.18
    expect(inclusive).toMatchObject({ taxTotal: 327, total: 3600 });

    const exclusive = buildOrder(draft(false, vat, { redemption }));
    expect(taxOf(exclusive)).toEqual([366, 102]); // 2817 × 13% = 366.21; 783 × 13% = 101.79
    expect(exclusive).toMatchObject({ taxTotal: 468, total: 4068 });
    expect(netOf(exclusive).reduce((sum, net) => sum + net, 0)).toBe(exclusive.total);
  });

  it('a category without a rate (none for it, none by default) is taxed at 0', () => {
    const order = buildOrder(draft(true, gst, { tax: { pricesIncludeTax: true, rates: new Map() } }));
    expect(order.lines[1]).toMatchObject({ taxCategory: 'lens-care', taxRate: 0, taxAmount: 0 });
    expect(order.lines[1]?.taxRateId).toBeUndefined();
    expect(order.taxTotal).toBe(0);
  });

  it('points covering everything leave nothing to tax, and the order starts PAID', () => {
    const order = buildOrder(draft(false, vat, { redemption: { points: 4600, value: 4600 } }));
    expect(order).toMatchObject({ status: 'PAID', taxTotal: 0, total: 0 });
  });
});

describe('tax returned by refunds', () => {
  const paid = (order: Order): Order => ({
    ...order,
    status: 'FULFILLED',
    amountPaid: order.total,
    amountDue: 0,
    refundableAmount: order.total,
  });
  const refundUnits = (order: Order, sku: string, quantity: number) =>
    planRefund(order, { lines: [{ sku, quantity }], restock: 'available', reason: 'x' });
  const applied = (order: Order, plan: ReturnType<typeof planRefund>): Order => ({
    ...order,
    lines: plan.nextLines,
    amountRefunded: order.amountRefunded + plan.amount,
    refundableAmount: order.refundableAmount - plan.amount,
    taxRefunded: order.taxRefunded + plan.tax,
  });

  it('returns each unit’s share of its line’s tax; returning everything returns exactly all the tax', () => {
    let order = paid(buildOrder(draft(false, vat, { redemption: { points: 1000, value: 1000 } })));
    const first = refundUnits(order, 'A', 1);
    expect(first).toMatchObject({ amount: 1591, tax: 183 }); // floor(3183 / 2), floor(366 / 2)
    expect(first.lines).toMatchObject([{ sku: 'A', amount: 1591, tax: 183 }]);
    order = applied(order, first);
    const second = refundUnits(order, 'A', 1);
    expect(second).toMatchObject({ amount: 1592, tax: 183 });
    order = applied(order, second);
    const third = refundUnits(order, 'B', 1);
    expect(third).toMatchObject({ amount: 885, tax: 102 });
    order = applied(order, third);
    expect(order).toMatchObject({
      amountRefunded: order.total,
      taxRefunded: order.taxTotal,
      refundableAmount: 0,
    });
  });

  it('a money-only refund returns its share of the order’s tax; the last one returns the rest', () => {
    let order = paid(buildOrder(draft(true, gst)));
    const goodwill = planRefund(order, { amount: 1100, restock: 'none', reason: 'late' });
    expect(goodwill.tax).toBe(100); // 1100 × 418 / 4600 = 99.96
    order = applied(order, goodwill);
    const rest = planRefund(order, { amount: order.refundableAmount, restock: 'none', reason: 'all' });
    expect(rest.tax).toBe(318);
  });

  it('mixes money and units without returning more tax than was charged, and ends at exactly all of it', () => {
    let order = paid(buildOrder(draft(true, gst)));
    const money = planRefund(order, { amount: 3000, restock: 'none', reason: 'x' });
    expect(money.tax).toBe(273); // 3000 × 418 / 4600 = 272.6
    order = applied(order, money);
    const unitB = refundUnits(order, 'B', 1);
    expect(unitB).toMatchObject({ amount: 1000, tax: 91 });
    order = applied(order, unitB);
    const last = planRefund(order, {
      lines: [{ sku: 'A', quantity: 2 }],
      amount: order.refundableAmount,
      restock: 'none',
      reason: 'x',
    });
    expect(last).toMatchObject({ amount: 600, tax: 54 });
    order = applied(order, last);
    expect(order).toMatchObject({ refundableAmount: 0, taxRefunded: 418 });
  });
});
