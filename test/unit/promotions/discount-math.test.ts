import { describe, expect, it } from 'vitest';
import { allocateProportionally, percentOf } from '../../../lib/promotions/discount-math.js';

describe('percentOf', () => {
  it.each([
    [1000, 10, 100],
    [1005, 10, 101], // 100.5 rounds up
    [1004, 10, 100],
    [5, 10, 1], // 0.5 rounds up
    [4, 10, 0],
    [999, 100, 999],
    [0, 50, 0],
  ])('%i × %i%% = %i', (amount, percent, expected) => {
    expect(percentOf(amount, percent)).toBe(expected);
  });
});

describe('allocateProportionally', () => {
  it('splits exactly in proportion when it divides', () => {
    expect(allocateProportionally(600, [100, 200, 300])).toEqual([100, 200, 300]);
  });

  it('puts the leftover on the largest line', () => {
    expect(allocateProportionally(100, [1000, 1000, 1000])).toEqual([34, 33, 33]);
    expect(allocateProportionally(100, [1000, 3000, 1000])).toEqual([20, 60, 20]);
    expect(allocateProportionally(10, [3, 3, 4])).toEqual([3, 3, 4]);
    expect(allocateProportionally(7, [1, 2, 2, 10])).toEqual([0, 0, 0, 7]);
  });

  it('moves on to the next largest line when the largest is already fully discounted', () => {
    // Floors are 0, 0, 0; the 2 left over cannot both go to a line worth 1.
    expect(allocateProportionally(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('never gives a line more than its weight and always sums exactly', () => {
    for (let amount = 0; amount <= 60; amount++) {
      const weights = [7, 0, 13, 25, 15];
      const shares = allocateProportionally(amount, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
      shares.forEach((share, i) => {
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(weights[i] ?? 0);
      });
    }
  });

  it('stays exact for large money amounts', () => {
    const shares = allocateProportionally(999_999_999, [999_000_000_000, 1_000_000_001, 3]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(999_999_999);
  });

  it('refuses to allocate more than the total', () => {
    expect(() => allocateProportionally(11, [5, 5])).toThrow(RangeError);
  });
});
