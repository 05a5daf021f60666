import { describe, expect, it } from 'vitest';
import { orderLineRows, orderRow, paymentRow, refundRow } from '../../../lib/lake/compact-order-rows.js';
import { ageBand, customerRow, productRows } from '../../../lib/lake/compact-reference-rows.js';
import { levelRow, movementRow, priceSnapshotRow } from '../../../lib/lake/compact-stock-rows.js';
import { customersTable } from '../../../lib/lake/curated-tables.js';
import { customerKey } from '../../../lib/lake/pseudonym.js';
import {
  customerImage,
  levelImage,
  movementImage,
  orderImage,
  paymentImage,
  productImage,
  refundImage,
} from '../../support/lake-fixtures.js';

const at = '2026-11-30T09:00:00.000Z';
const order = orderImage({
  orderId: 'ord_1',
  storeId: 'st_a',
  channel: 'in_store',
  status: 'PAID',
  customerId: 'cus_1',
  lines: [
    { sku: 'SKU-A', productId: 'prd_1', category: 'frames', quantity: 2, unitPrice: 1000 },
    { sku: 'SKU-Z', productId: 'prd_9', category: 'misc', quantity: 1, unitPrice: 300 },
  ],
  amountPaid: 2300,
  createdAt: at,
});
const skuFacts = (sku: string) =>
  ({ 'SKU-A': { cost: 450, currency: 'AUD', category: 'frames' } })[sku as 'SKU-A'];

describe('changes → curated rows', () => {
  it('an order: totals, units and a pseudonymous customer', () => {
    expect(orderRow(order)).toMatchObject({
      order_id: 'ord_1',
      store_id: 'st_a',
      status: 'PAID',
      currency: 'AUD',
      line_count: 2,
      units: 3,
      total: 2300,
      amount_paid: 2300,
      amount_due: 0,
      customer_key: customerKey('cus_1'),
      created_at: at,
    });
    expect(JSON.stringify(orderRow(order))).not.toContain('cus_1');
  });

  it('reads orders stored before tax was recorded as untaxed', () => {
    const { taxTotal: _t, taxRefunded: _r, pricesIncludeTax: _p, ...old } = order;
    expect(orderRow(old)).toMatchObject({ tax_total: 0, tax_refunded: 0, prices_include_tax: true });
  });

  it('order lines costed from the catalog; unknown SKUs or another currency leave cost empty', () => {
    const lines = orderLineRows(order, skuFacts);
    expect(
      lines.map(({ line_number, sku, unit_cost, cost }) => ({ line_number, sku, unit_cost, cost })),
    ).toEqual([
      { line_number: 1, sku: 'SKU-A', unit_cost: 450, cost: 900 },
      { line_number: 2, sku: 'SKU-Z', unit_cost: null, cost: null },
    ]);
    const inUsd = orderLineRows({ ...order, currency: 'USD' }, skuFacts);
    expect(inUsd[0]?.cost).toBeNull();
  });

  it('payments and refunds take store and currency from their order', () => {
    const orders = (orderId: string) =>
      orderId === 'ord_1' ? { storeId: 'st_a', currency: 'AUD' } : undefined;
    expect(paymentRow(paymentImage('ord_1', 'pay_1', 'card', 2300, at), orders)).toMatchObject({
      store_id: 'st_a',
      currency: 'AUD',
      method: 'card',
      amount: 2300,
    });
    expect(paymentRow(paymentImage('ord_x', 'pay_2', 'cash', 100, at), orders)).toMatchObject({
      store_id: null,
      currency: null,
    });
    expect(
      refundRow(refundImage('ord_1', 'ref_1', { sku: 'SKU-A', quantity: 1, amount: 1000 }, at), orders),
    ).toMatchObject({
      store_id: 'st_a',
      units: 1,
      amount: 1000,
      tax: 91,
    });
  });

  it('one product row per variant; variants without a status are active', () => {
    const product = productImage('prd_1', 'frames', [{ sku: 'SKU-A', price: 1000, cost: 400 }], at);
    const [row] = productRows(product);
    expect(row).toMatchObject({
      product_id: 'prd_1',
      sku: 'SKU-A',
      variant_status: 'active',
      options: '{"size":"M"}',
    });
  });

  it('a customer without name, contacts, birth date or prescription', () => {
    const row = customerRow(customerImage('cus_1', 'st_a', at), '2026-11-30', () => 'nsw');
    expect(Object.keys(row).sort()).toEqual(customersTable.columns.map((column) => column.name).sort());
    expect(row).toMatchObject({
      customer_key: customerKey('cus_1'),
      age_band: '30-39',
      region: 'nsw',
      tags: 'contact-lens,vip',
    });
    expect(JSON.stringify(row)).not.toMatch(/Alice|Nguyen|example\.com|\+614|1990|sphere|cus_1/);
  });

  it('age bands count whole years to the day', () => {
    expect(ageBand('1990-12-01', '2026-11-30')).toBe('30-39');
    expect(ageBand('1996-11-30', '2026-11-30')).toBe('30-39');
    expect(ageBand('1996-12-01', '2026-11-30')).toBe('20-29');
    expect(ageBand(null, '2026-11-30')).toBeNull();
    expect(ageBand('2027-01-01', '2026-11-30')).toBeNull();
  });

  it('stock: a movement valued at cost, a level priced at the day’s cost', () => {
    expect(
      movementRow(movementImage('st_a', 'SKU-A', 'prd_1', -2, 'sale', at, 'mov_1'), skuFacts),
    ).toMatchObject({
      on_hand_delta: -2,
      unit_cost: 450,
      cost_value_delta: -900,
      reference_type: 'order',
      moved_at: at,
    });
    const level = levelRow(levelImage('st_a', 'SKU-A', 'prd_1', 5, at));
    expect(level).toMatchObject({ reorder_point: 5, at_or_below_reorder_point: true });
    expect(priceSnapshotRow(level, skuFacts)).toMatchObject({
      unit_cost: 450,
      cost_value: 2250,
      category: 'frames',
    });
    expect(priceSnapshotRow({ ...level, sku: 'SKU-Z' }, skuFacts)).toMatchObject({
      unit_cost: null,
      cost_value: null,
    });
  });
});
