import { describe, expect, it } from 'vitest';
import { BOOKKEEPING_ATTRIBUTES, diffImages, sameJson } from '../../../lib/audit/audit-diff.js';
import type { JsonObject } from '../../../lib/lake/change-export-json.js';
import { levelItem, orderItem } from '../../support/stream-records.js';

/** Test items are plain JSON, as the stream's images become. */
const diff = (before: unknown, after: unknown, personal: readonly string[]) =>
  diffImages(before as JsonObject | null, after as JsonObject | null, personal);

const product = (price: number, extra: Record<string, unknown> = {}) => ({
  pk: 'PRODUCT#pr_1',
  sk: 'PRODUCT',
  gsi1pk: 'PRODUCTS',
  gsi1sk: 'active#lens#pr_1',
  entityType: 'Product',
  productId: 'pr_1',
  name: 'Lens',
  status: 'active',
  variants: [
    { sku: 'SKU-1', price, cost: 2000, currency: 'AUD', options: { power: '-1.00' } },
    { sku: 'SKU-2', price: 4500, cost: 2000, currency: 'AUD', options: { power: '-2.00' } },
  ],
  version: 3,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  updatedBy: 'manager-1',
  ...extra,
});

describe('diffImages', () => {
  it('names the one variant whose price changed, by SKU, with before and after', () => {
    const changes = diff(product(4500), { ...product(4900), version: 4 }, []);
    expect(changes).toEqual([{ field: 'variants[SKU-1].price', before: 4500, after: 4900 }]);
  });

  it('leaves out unchanged fields and bookkeeping: keys, index keys, version, timestamps, updatedBy, ttl', () => {
    const before = product(4500);
    const after = {
      ...before,
      gsi1sk: 'active#lens-new#pr_1',
      version: 9,
      updatedAt: '2026-03-03T00:00:00.000Z',
      updatedBy: 'someone-else',
      ttl: 123,
    };
    expect(diff(before, after, [])).toEqual([]);
    for (const attribute of ['pk', 'sk', 'gsi1pk', 'gsi6sk', 'reorderGap', 'ttl', 'version', 'entityType'])
      expect(BOOKKEEPING_ATTRIBUTES.has(attribute)).toBe(true);
  });

  it('follows nested maps to the field that changed and records fields added and removed', () => {
    const before = levelItem({ onHand: 10 }, { reorderPoint: 5, reorderQuantity: 20 });
    const after = levelItem({ onHand: 10 }, { reorderPoint: 8, reorderQuantity: 20, safetyStock: 2 });
    expect(diff(before, after, [])).toEqual([
      { field: 'reorderRule.reorderPoint', before: 5, after: 8 },
      { field: 'reorderRule.safetyStock', after: 2 },
    ]);
    const withoutRule = levelItem({ onHand: 10 });
    expect(diff(before, withoutRule, [])).toEqual([
      { field: 'reorderRule', before: { reorderPoint: 5, reorderQuantity: 20 } },
    ]);
  });

  it('shows a stock adjustment as the quantities that moved', () => {
    expect(diff(levelItem({ onHand: 10 }), levelItem({ onHand: 7 }), [])).toEqual([
      { field: 'available', before: 10, after: 7 },
      { field: 'onHand', before: 10, after: 7 },
    ]);
  });

  it('shows an order’s status change and payment, not its unchanged lines', () => {
    const changes = diff(orderItem('PENDING_PAYMENT'), orderItem('PAID', {}, 2), []);
    expect(changes).toEqual([
      { field: 'amountDue', before: 9000, after: 0 },
      { field: 'amountPaid', before: 0, after: 9000 },
      { field: 'refundableAmount', before: 0, after: 9000 },
      { field: 'status', before: 'PENDING_PAYMENT', after: 'PAID' },
    ]);
  });

  it('gives a creation only afters and a deletion only befores', () => {
    const created = diff(null, product(4500), []);
    expect(created.map((change) => change.field)).toEqual(['name', 'productId', 'status', 'variants']);
    expect(created.every((change) => 'after' in change && !('before' in change))).toBe(true);
    const deleted = diff(product(4500), null, []);
    expect(deleted.every((change) => 'before' in change && !('after' in change))).toBe(true);
  });

  it('names personal fields without any value, whatever changed inside them', () => {
    const customer = (email: string, prescription: Record<string, unknown>) => ({
      pk: 'CUSTOMER#cu_1',
      sk: 'CUSTOMER',
      entityType: 'Customer',
      customerId: 'cu_1',
      email,
      prescription,
      marketingOptIn: false,
    });
    const changes = diff(
      customer('ann@example.com', { left: { sphere: -1 } }),
      { ...customer('ann.lee@example.com', { left: { sphere: -1.25 } }), marketingOptIn: true },
      ['email', 'prescription'],
    );
    expect(changes).toEqual([
      { field: 'email', personal: true },
      { field: 'marketingOptIn', before: false, after: true },
      { field: 'prescription', personal: true },
    ]);
    expect(JSON.stringify(diff(null, customer('ann@example.com', {}), ['email']))).not.toContain(
      'ann@example.com',
    );
  });

  it('compares whole an array that is not keyed by distinct SKUs', () => {
    expect(diff({ tags: ['a', 'b'] }, { tags: ['b', 'a'] }, [])).toEqual([
      { field: 'tags', before: ['a', 'b'], after: ['b', 'a'] },
    ]);
  });
});

describe('sameJson', () => {
  it('ignores object key order but not array order', () => {
    expect(sameJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
  });
});
