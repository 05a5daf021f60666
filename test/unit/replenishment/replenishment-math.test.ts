import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  donorSurplus,
  MAX_DONORS,
  needsReplenishment,
  projectedQuantity,
  quantityToOrder,
  rankDonors,
  splitReplenishment,
} from '../../../lib/replenishment/replenishment-math.js';

describe('replenishment quantities', () => {
  it('projects available + incoming + open replenishments not yet incoming', () => {
    expect(projectedQuantity({ available: 3, incoming: 4, openNotIncoming: 2 })).toBe(9);
  });

  it('plans only at or below the reorder point', () => {
    expect(needsReplenishment(5, { reorderPoint: 5 })).toBe(true);
    expect(needsReplenishment(6, { reorderPoint: 5 })).toBe(false);
  });

  it('orders up to point + quantity, never less than the reorder quantity', () => {
    expect(quantityToOrder(3, { reorderPoint: 5, reorderQuantity: 10 })).toBe(12);
    expect(quantityToOrder(5, { reorderPoint: 5, reorderQuantity: 10 })).toBe(10);
    expect(quantityToOrder(-4, { reorderPoint: 5, reorderQuantity: 10 })).toBe(19);
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 100 }),
        fc.nat(100),
        fc.integer({ min: 1, max: 100 }),
        (p, rp, rq) => {
          const q = quantityToOrder(p, { reorderPoint: rp, reorderQuantity: rq });
          return q >= rq && (p > rp || p + q >= rp + rq);
        },
      ),
    );
  });
});

describe('donors', () => {
  it('keep strictly more than their point + safety stock', () => {
    expect(donorSurplus(20, { reorderPoint: 5, safetyStock: 2 })).toBe(12);
    expect(donorSurplus(8, { reorderPoint: 5, safetyStock: 2 })).toBe(0);
    expect(donorSurplus(7, { reorderPoint: 5 })).toBe(1);
    expect(donorSurplus(3, undefined)).toBe(2);
    expect(donorSurplus(0, undefined)).toBe(0);
  });

  it('rank by most surplus, then store id, leaving out those with none', () => {
    expect(
      rankDonors([
        { storeId: 'b', surplus: 4 },
        { storeId: 'c', surplus: 9 },
        { storeId: 'a', surplus: 4 },
        { storeId: 'd', surplus: 0 },
      ]).map((d) => d.storeId),
    ).toEqual(['c', 'a', 'b']);
    const many = Array.from({ length: 20 }, (_, i) => ({ storeId: `s${i}`, surplus: 1 }));
    expect(rankDonors(many)).toHaveLength(MAX_DONORS);
  });
});

describe('splitting by policy', () => {
  const donors = [
    { storeId: 'a', surplus: 5 },
    { storeId: 'b', surplus: 3 },
  ];

  it('transfer_then_purchase: donors first, the rest bought', () => {
    expect(splitReplenishment(10, 'transfer_then_purchase', donors, true)).toEqual({
      transfers: [
        { fromStoreId: 'a', quantity: 5 },
        { fromStoreId: 'b', quantity: 3 },
      ],
      purchase: 2,
      unplanned: 0,
    });
    expect(splitReplenishment(4, 'transfer_then_purchase', donors, true)).toEqual({
      transfers: [{ fromStoreId: 'a', quantity: 4 }],
      purchase: 0,
      unplanned: 0,
    });
  });

  it('without a supplier the rest stays unplanned', () => {
    expect(splitReplenishment(10, 'transfer_then_purchase', donors, false)).toMatchObject({
      purchase: 0,
      unplanned: 2,
    });
  });

  it('purchase_only ignores donors; transfer_only never buys; notify_only plans nothing', () => {
    expect(splitReplenishment(10, 'purchase_only', donors, true)).toEqual({
      transfers: [],
      purchase: 10,
      unplanned: 0,
    });
    expect(splitReplenishment(10, 'transfer_only', donors, true)).toMatchObject({
      purchase: 0,
      unplanned: 2,
    });
    expect(splitReplenishment(10, 'notify_only', donors, true)).toEqual({
      transfers: [],
      purchase: 0,
      unplanned: 10,
    });
  });

  it('never plans more than asked, and accounts for every unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.array(fc.record({ storeId: fc.string({ minLength: 1, maxLength: 4 }), surplus: fc.nat(50) }), {
          maxLength: 12,
        }),
        fc.boolean(),
        (quantity, candidates, supplier) => {
          const split = splitReplenishment(quantity, 'transfer_then_purchase', candidates, supplier);
          const moved = split.transfers.reduce((sum, t) => sum + t.quantity, 0);
          return (
            moved + split.purchase + split.unplanned === quantity &&
            split.transfers.every((t) => t.quantity > 0)
          );
        },
      ),
    );
  });
});
