import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../lib/db/idempotency.js';
import { CreateOrderBody } from '../../../lib/orders/order-schemas.js';
import { orderRequestHash } from '../../../lib/orders/request-hash.js';

const body = (raw: unknown) => CreateOrderBody.parse(raw);

describe('canonical request hash', () => {
  it('serialises objects with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 3 } })).toBe(
      '{"a":{"c":3,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('is the same for the same request whatever the key or line order and whitespace in strings', () => {
    const one = body({
      storeId: 'st_a',
      channel: 'in_store',
      lines: [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 2 },
      ],
      couponCode: ' save10 ',
    });
    const two = body({
      couponCode: 'SAVE10',
      lines: [
        { quantity: 2, sku: 'B' },
        { quantity: 1, sku: 'A' },
      ],
      channel: 'in_store',
      storeId: 'st_a',
    });
    expect(orderRequestHash(one)).toBe(orderRequestHash(two));
    expect(orderRequestHash(one)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when anything that matters differs', () => {
    const base = { storeId: 'st_a', channel: 'in_store', lines: [{ sku: 'A', quantity: 1 }] };
    const hash = orderRequestHash(body(base));
    expect(orderRequestHash(body({ ...base, lines: [{ sku: 'A', quantity: 2 }] }))).not.toBe(hash);
    expect(orderRequestHash(body({ ...base, channel: 'online' }))).not.toBe(hash);
    expect(orderRequestHash(body({ ...base, customerId: 'cu_1' }))).not.toBe(hash);
  });
});
