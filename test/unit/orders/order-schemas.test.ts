import { describe, expect, it } from 'vitest';
import { IdempotencyHeaders } from '../../../lib/http/common-schemas.js';
import { parseOrThrow } from '../../../lib/http/validation.js';
import { MAX_ORDER_LINES } from '../../../lib/orders/order-limits.js';
import { CreateOrderBody, ListStoreOrdersQuery, RefundOrderBody } from '../../../lib/orders/order-schemas.js';

const pathsOf = (schema: Parameters<typeof parseOrThrow>[0], value: unknown, root = 'body') => {
  try {
    parseOrThrow(schema, value, root);
    return [];
  } catch (error) {
    return ((error as { errors: { path: string }[] }).errors ?? []).map((issue) => issue.path);
  }
};

const order = { storeId: 'st_a', channel: 'in_store', lines: [{ sku: 'SKU-1', quantity: 1 }] };

describe('order request schemas', () => {
  it('accepts a minimal order and never a price', () => {
    expect(pathsOf(CreateOrderBody, order)).toEqual([]);
    expect(
      pathsOf(CreateOrderBody, { ...order, lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: 1 }] }),
    ).toEqual(['body.lines[0].unitPrice']);
    expect(pathsOf(CreateOrderBody, { ...order, total: 1 })).toEqual(['body.total']);
  });

  it('names each bad field', () => {
    expect(pathsOf(CreateOrderBody, { ...order, channel: 'phone' })).toEqual(['body.channel']);
    expect(pathsOf(CreateOrderBody, { ...order, lines: [{ sku: 'SKU-1', quantity: 0 }] })).toEqual([
      'body.lines[0].quantity',
    ]);
    expect(pathsOf(CreateOrderBody, { ...order, lines: [{ sku: 'SKU-1', quantity: 1000 }] })).toEqual([
      'body.lines[0].quantity',
    ]);
    expect(pathsOf(CreateOrderBody, { ...order, lines: [] })).toEqual(['body.lines']);
  });

  it('wants each SKU once and at most the lines one transaction holds', () => {
    expect(
      pathsOf(CreateOrderBody, {
        ...order,
        lines: [
          { sku: 'SKU-1', quantity: 1 },
          { sku: 'SKU-1', quantity: 2 },
        ],
      }),
    ).toEqual(['body.lines[1].sku']);
    const lines = Array.from({ length: MAX_ORDER_LINES + 1 }, (_, i) => ({ sku: `SKU-${i}`, quantity: 1 }));
    expect(pathsOf(CreateOrderBody, { ...order, lines })).toEqual(['body.lines']);
    expect(MAX_ORDER_LINES).toBe(40);
  });

  it('needs a customer to redeem points', () => {
    expect(pathsOf(CreateOrderBody, { ...order, pointsToRedeem: 100 })).toEqual(['body.pointsToRedeem']);
    expect(pathsOf(CreateOrderBody, { ...order, pointsToRedeem: 100, customerId: 'cu_1' })).toEqual([]);
  });

  it('requires an Idempotency-Key of 8–128 printable characters', () => {
    expect(pathsOf(IdempotencyHeaders, { host: 'x' }, 'headers')).toEqual(['headers.idempotency-key']);
    expect(pathsOf(IdempotencyHeaders, { 'idempotency-key': 'short' }, 'headers')).toEqual([
      'headers.idempotency-key',
    ]);
    expect(pathsOf(IdempotencyHeaders, { 'idempotency-key': 'has spaces in it' }, 'headers')).toEqual([
      'headers.idempotency-key',
    ]);
    expect(pathsOf(IdempotencyHeaders, { 'idempotency-key': 'a1b2c3d4-e5f6', host: 'x' }, 'headers')).toEqual(
      [],
    );
  });

  it('takes refunds of lines, money, or both, restocking only returned lines', () => {
    expect(
      pathsOf(RefundOrderBody, { lines: [{ sku: 'A', quantity: 1 }], restock: 'available', reason: 'r' }),
    ).toEqual([]);
    expect(pathsOf(RefundOrderBody, { amount: 100, restock: 'none', reason: 'r' })).toEqual([]);
    expect(pathsOf(RefundOrderBody, { restock: 'none', reason: 'r' })).toEqual(['body.amount']);
    expect(pathsOf(RefundOrderBody, { amount: 100, restock: 'available', reason: 'r' })).toEqual([
      'body.restock',
    ]);
    expect(pathsOf(RefundOrderBody, { amount: 100, restock: 'none' })).toEqual(['body.reason']);
  });

  it('orders time ranges', () => {
    expect(
      pathsOf(ListStoreOrdersQuery, { from: '2030-01-02T00:00:00Z', to: '2030-01-01T00:00:00Z' }, 'query'),
    ).toEqual(['query.from']);
    expect(pathsOf(ListStoreOrdersQuery, { from: 'yesterday' }, 'query')).toEqual(['query.from']);
    expect(
      pathsOf(ListStoreOrdersQuery, { status: 'PAID', to: '2030-01-01T10:00:00+10:00' }, 'query'),
    ).toEqual([]);
  });
});
