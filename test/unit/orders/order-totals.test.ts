import { describe, expect, it } from 'vitest';
import {
  allocate,
  cappedRedemption,
  orderLevelShares,
  pointsToReverse,
  redeemedPointsOfRefundedUnits,
  redeemedPointsToReturn,
  unitsValue,
} from '../../../lib/orders/order-totals.js';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('allocate', () => {
  it('splits exactly in proportion, remainders to the largest fractions', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [5, 3, 2])).toEqual([5, 3, 2]);
    expect(allocate(7, [4500, 9000])).toEqual([2, 5]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
    expect(allocate(5, [0, 0])).toEqual([0, 0]);
  });

  it('always sums to the amount and never gives a part more than its weight when amount ≤ total', () => {
    for (let run = 0; run < 500; run++) {
      const weights = Array.from(
        { length: 1 + (run % 7) },
        (_, i) => ((run * 7919 + i * 104729) % 100_000) + 1,
      );
      const amount = (run * 31337) % (sum(weights) + 1);
      const parts = allocate(amount, weights);
      expect(sum(parts)).toBe(amount);
      parts.forEach((part, i) => {
        expect(part).toBeGreaterThanOrEqual(0);
        expect(part).toBeLessThanOrEqual(weights[i] ?? 0);
      });
    }
  });

  it('stays exact for large money amounts', () => {
    expect(sum(allocate(999_999_999, [999_999_999, 1, 333_333_333]))).toBe(999_999_999);
  });
});

describe('cappedRedemption', () => {
  const cents = (points: number) => points;
  const twoCents = (points: number) => points * 2;

  it('redeems what was asked when it fits', () => {
    expect(cappedRedemption(500, 1000, cents)).toEqual({ points: 500, value: 500 });
  });

  it('caps at the order total, keeping the rest of the points with the customer', () => {
    expect(cappedRedemption(5000, 1234, cents)).toEqual({ points: 1234, value: 1234 });
    expect(cappedRedemption(5000, 1235, twoCents)).toEqual({ points: 617, value: 1234 });
    expect(cappedRedemption(10, 1, twoCents)).toEqual({ points: 0, value: 0 });
  });
});

describe('orderLevelShares', () => {
  it('spreads points and order-wide discounts so line net totals sum to the order total', () => {
    const lines = [{ lineTotal: 9000 }, { lineTotal: 4500 }, { lineTotal: 1 }];
    const shares = orderLevelShares(lines, 13_000);
    expect(sum(shares)).toBe(501);
    expect(sum(lines.map((line, i) => line.lineTotal - (shares[i] ?? 0)))).toBe(13_000);
  });

  it('is all zeros when nothing is taken off at order level', () => {
    expect(orderLevelShares([{ lineTotal: 100 }, { lineTotal: 50 }], 150)).toEqual([0, 0]);
  });
});

describe('unitsValue', () => {
  it('prices units cumulatively so a line refunded unit by unit sums to its net total', () => {
    const line = { quantity: 3, netTotal: 1000 };
    const parts = [unitsValue(line, 0, 1), unitsValue(line, 1, 1), unitsValue(line, 2, 1)];
    expect(parts).toEqual([333, 333, 334]);
    expect(unitsValue(line, 0, 3)).toBe(1000);
    expect(unitsValue(line, 1, 2)).toBe(667);
  });
});

describe('pointsToReverse', () => {
  const earnedFor = (amount: number) => Math.floor(amount / 100);

  it('takes back the points earned on the refunded value, never below zero', () => {
    const order = { total: 10_000, pointsEarned: 100 };
    expect(pointsToReverse(order, 2_550, earnedFor)).toBe(26);
    expect(pointsToReverse(order, 10_000, earnedFor)).toBe(100);
    expect(pointsToReverse(order, 20_000, earnedFor)).toBe(100);
    expect(pointsToReverse({ total: 10_000, pointsEarned: 0 }, 5_000, earnedFor)).toBe(0);
  });

  it('retries what an earlier refund could not take back', () => {
    // 40 points of an earlier reversal were already spent: pointsEarned stayed at 100.
    expect(pointsToReverse({ total: 10_000, pointsEarned: 100 }, 6_000, earnedFor)).toBe(60);
  });
});

describe('redeemed points of refunded units', () => {
  const lines = (refunded: [number, number]) => [
    { quantity: 3, lineTotal: 3_000, refundedQuantity: refunded[0] },
    { quantity: 1, lineTotal: 7_000, refundedQuantity: refunded[1] },
  ];

  it('gives back the points in proportion to the value of the units returned', () => {
    expect(redeemedPointsOfRefundedUnits(500, lines([0, 0]))).toBe(0);
    expect(redeemedPointsOfRefundedUnits(500, lines([1, 0]))).toBe(50);
    expect(redeemedPointsOfRefundedUnits(500, lines([0, 1]))).toBe(350);
    expect(redeemedPointsOfRefundedUnits(500, lines([3, 1]))).toBe(500);
    expect(redeemedPointsOfRefundedUnits(0, lines([3, 1]))).toBe(0);
    expect(redeemedPointsOfRefundedUnits(10, [{ quantity: 2, lineTotal: 0, refundedQuantity: 2 }])).toBe(0);
  });

  it('returns exactly every point when everything comes back, however the refunds are split', () => {
    const awkward = [
      { quantity: 7, lineTotal: 1_001, refundedQuantity: 0 },
      { quantity: 3, lineTotal: 2_999, refundedQuantity: 0 },
      { quantity: 11, lineTotal: 5_003, refundedQuantity: 0 },
    ];
    let current = awkward;
    let returned = 0;
    // One unit at a time, cycling through the lines.
    while (current.some((line) => line.refundedQuantity < line.quantity)) {
      const index = current.findIndex((line) => line.refundedQuantity < line.quantity);
      const next = current.map((line, i) =>
        i === index ? { ...line, refundedQuantity: line.refundedQuantity + 1 } : line,
      );
      const step = redeemedPointsToReturn(997, current, next);
      expect(step).toBeGreaterThanOrEqual(0);
      returned += step;
      current = next;
    }
    expect(returned).toBe(997);
  });

  it('gives back nothing for a refund of money alone', () => {
    expect(redeemedPointsToReturn(500, lines([1, 0]), lines([1, 0]))).toBe(0);
  });
});
