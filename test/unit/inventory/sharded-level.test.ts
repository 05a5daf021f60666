import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../infra/local/simulations/seeded-random.js';
import {
  rebalancePlan,
  shardOrder,
  splitStock,
  sumShards,
  takePlan,
} from '../../../lib/inventory/sharded-level.js';

describe('sharded level', () => {
  it('splits stock as evenly as whole units allow and sums it back on read', () => {
    expect(splitStock(10, 4)).toEqual([3, 3, 2, 2]);
    expect(splitStock(0, 3)).toEqual([0, 0, 0]);
    expect(sumShards(splitStock(1_001, 8))).toBe(1_001);
    expect(() => splitStock(5, 0)).toThrow(RangeError);
  });

  it('tries every shard once, in an order that depends on the random source', () => {
    const random = seededRandom(3);
    const orders = Array.from({ length: 50 }, () => shardOrder(4, random.next));
    for (const order of orders) expect([...order].sort()).toEqual([0, 1, 2, 3]);
    // Every shard comes first sometimes: sales spread over the shards.
    expect(new Set(orders.map((order) => order[0])).size).toBe(4);
  });

  it('rebalances to shards no two of which differ by more than one unit, moving only what it must', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1_000), { minLength: 1, maxLength: 16 }), (available) => {
        const after = [...available];
        for (const move of rebalancePlan(available)) {
          expect(move.quantity).toBeGreaterThan(0);
          expect(after[move.from]).toBeGreaterThanOrEqual(move.quantity);
          after[move.from] = (after[move.from] ?? 0) - move.quantity;
          after[move.to] = (after[move.to] ?? 0) + move.quantity;
        }
        expect(sumShards(after)).toBe(sumShards(available));
        expect(Math.max(...after) - Math.min(...after)).toBeLessThanOrEqual(1);
      }),
    );
    expect(rebalancePlan([5, 5, 4])).toEqual([]);
    expect(rebalancePlan([10, 0])).toEqual([{ from: 0, to: 1, quantity: 5 }]);
  });

  it('takes a sale from one shard when one holds enough, from the fullest together when none does', () => {
    expect(takePlan([0, 3, 5], 2)).toEqual([{ shard: 1, quantity: 2 }]);
    expect(takePlan([2, 1, 3], 5)).toEqual([
      { shard: 2, quantity: 3 },
      { shard: 0, quantity: 2 },
    ]);
    expect(takePlan([1, 1], 3)).toEqual([]);
  });
});
