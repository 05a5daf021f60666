import { describe, expect, it } from 'vitest';
import { LEGACY_LISTING_KEYS, orderKeys } from '../../../lib/db/keys.js';
import { advance, buildOrder } from '../../../lib/orders/order-build.js';
import { orderUpdateWrite } from '../../../lib/orders/order-repository.js';
import { pricedOrder } from './priced-order.js';

process.env.TABLE_NAME = 'unit-table';
const now = new Date('2030-01-01T00:00:00.000Z');
const later = new Date('2030-01-01T00:05:00.000Z');
const till = { userId: 'till-1', role: 'staff' as const, storeIds: ['st_a'] };

const order = buildOrder({
  orderId: 'or_1',
  input: { storeId: 'st_a', channel: 'in_store', customerId: 'cu_1', lines: [{ sku: 'A', quantity: 2 }] },
  resolved: [
    {
      sku: 'A',
      quantity: 2,
      productId: 'pr_a',
      name: 'Solution',
      options: {},
      category: 'lens-care',
      unitPrice: 2000,
      currency: 'AUD',
    },
  ],
  priced: pricedOrder,
  redemption: { points: 0, value: 0 },
  actor: till,
  now,
  paymentTimeoutMinutes: 30,
  tax: { pricesIncludeTax: true, rates: new Map() },
});

/** The SET attribute names, the REMOVE names and the values of an order update. */
const clauses = (write: ReturnType<typeof orderUpdateWrite>) => {
  const update = write.write.Update;
  if (!update) throw new Error('not an Update');
  const names = update.ExpressionAttributeNames ?? {};
  const [setPart = '', removePart = ''] = String(update.UpdateExpression)
    .replace(/^SET /, '')
    .split(' REMOVE ');
  const named = (part: string) =>
    part
      .split(', ')
      .filter(Boolean)
      .map((clause) => names[clause.split(' = ')[0] as string]);
  return { update, sets: named(setPart), removes: named(removePart) };
};

describe('orderUpdateWrite', () => {
  it('sets only what a part payment changes, plus the listing keys, and removes the legacy listing keys', () => {
    const next = advance(order, till, later, {
      amountPaid: 1000,
      amountDue: order.amountDue - 1000,
      refundableAmount: 1000,
    });
    const { update, sets, removes } = clauses(orderUpdateWrite(order, next, 'pay'));
    const listingKeys = Object.keys(orderKeys.listings(order));
    expect(sets.sort()).toEqual(
      ['amountPaid', 'amountDue', 'refundableAmount', 'version', 'updatedAt', ...listingKeys].sort(),
    );
    expect(removes).toEqual([...LEGACY_LISTING_KEYS.order]);
    expect(update.Key).toEqual(orderKeys.item('or_1'));
    expect(update.ConditionExpression).toBe('attribute_exists(pk) AND #version = :expected');
    expect(update.ExpressionAttributeValues?.[':expected']).toBe(1);
    // Never the table's keys, never the lines: only what changed is written.
    expect(sets).not.toContain('pk');
    expect(sets).not.toContain('lines');
  });

  it('moves the status listing key with the status and adds the extra guard', () => {
    const next = advance(order, till, later, {
      status: 'PAID',
      amountPaid: order.total,
      amountDue: 0,
      paidAt: later.toISOString(),
      receiptNumber: 'SYD-01-000001',
    });
    const { update, sets } = clauses(
      orderUpdateWrite(order, next, 'pay', { expression: 'amountDue >= :amount', values: { ':amount': 1 } }),
    );
    expect(sets).toEqual(expect.arrayContaining(['status', 'paidAt', 'receiptNumber', 'gsi7pk']));
    const gsi7pk = Object.entries(update.ExpressionAttributeNames ?? {}).find(
      ([, name]) => name === 'gsi7pk',
    )?.[0];
    expect(update.ExpressionAttributeValues?.[`:${gsi7pk?.slice(1)}`]).toBe('STORE#st_a#ORDERS#PAID');
    expect(update.ConditionExpression).toBe(
      'attribute_exists(pk) AND #version = :expected AND amountDue >= :amount',
    );
  });

  it('removes an attribute the next version no longer has, and never sets an undefined one', () => {
    const shipped = advance(order, till, later, { fulfilment: { carrier: 'AusPost' } });
    const next = { ...advance(shipped, till, later, {}), fulfilment: undefined };
    const { update, sets, removes } = clauses(orderUpdateWrite(shipped, next, 'fulfil'));
    expect(removes).toContain('fulfilment');
    expect(sets).not.toContain('fulfilment');
    expect(Object.values(update.ExpressionAttributeValues ?? {})).not.toContain(undefined);
  });
});
