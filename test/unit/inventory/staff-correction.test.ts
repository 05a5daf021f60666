import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  minOnHandForStaffCorrection,
  STAFF_CORRECTION_LIMIT,
  staffCorrectionAllowance,
  staffCorrectionFloor,
} from '../../../lib/inventory/adjustment-rules.js';
import { ADJUSTMENT_REASONS } from '../../../lib/inventory/stock-change.js';

describe('staff corrections that lower stock', () => {
  it('allow at most 5 units and at most 10% of on hand, rounded up', () => {
    expect([0, 1, 9, 10, 11, 20, 21, 40, 41, 1000].map(staffCorrectionAllowance)).toEqual([
      0, 1, 1, 1, 2, 2, 3, 4, 5, 5,
    ]);
    expect([1, 2, 3, 4, 5].map(minOnHandForStaffCorrection)).toEqual([1, 11, 21, 31, 41]);
  });

  it('the on-hand floor the transaction checks is exactly the allowance, for every level', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 5 }), (onHand, units) => {
        const allowed = units <= staffCorrectionAllowance(onHand);
        expect(onHand >= minOnHandForStaffCorrection(units)).toBe(allowed);
        expect(staffCorrectionAllowance(onHand)).toBeLessThanOrEqual(STAFF_CORRECTION_LIMIT.maxUnits);
        expect(staffCorrectionAllowance(onHand)).toBeLessThanOrEqual(Math.ceil(onHand / 10));
      }),
    );
  });

  it('need a note (400 naming body.note)', () => {
    expect(() => staffCorrectionFloor('staff', { reason: 'correction', delta: -1 })).toThrow(
      expect.objectContaining({ status: 400, errors: [expect.objectContaining({ path: 'body.note' })] }),
    );
  });

  it('refuse more than 5 units outright (403 naming body.delta), whatever is on hand', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 1_000_000 }), (units) => {
        expect(() =>
          staffCorrectionFloor('staff', { reason: 'correction', delta: -units, note: 'miscount' }),
        ).toThrow(
          expect.objectContaining({ status: 403, errors: [expect.objectContaining({ path: 'body.delta' })] }),
        );
      }),
    );
  });

  it('give the transaction a floor whose failure is a 403 naming body.delta', () => {
    const floor = staffCorrectionFloor('staff', { reason: 'correction', delta: -3, note: 'miscount' });
    expect(floor?.minOnHand).toBe(21);
    expect(floor?.onBelow(12)).toMatchObject({
      status: 403,
      errors: [{ path: 'body.delta' }],
      detail: expect.stringContaining('(2 of 12)'),
    });
  });

  it('apply to a staff write-off of damaged units too', () => {
    expect(() => staffCorrectionFloor('staff', { reason: 'damaged', delta: -1 })).toThrow(
      expect.objectContaining({ status: 400, errors: [expect.objectContaining({ path: 'body.note' })] }),
    );
    expect(() => staffCorrectionFloor('staff', { reason: 'damaged', delta: -6, note: 'Dropped' })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(staffCorrectionFloor('staff', { reason: 'damaged', delta: -2, note: 'Dropped' })?.minOnHand).toBe(
      11,
    );
  });

  it('leave every other case alone: raising stock, setting aside, other roles', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('admin', 'manager', 'staff', 'finance' as const),
        fc.constantFrom(...ADJUSTMENT_REASONS),
        fc.integer({ min: -1000, max: 1000 }),
        (role, reason, delta) => {
          fc.pre(!(role === 'staff' && delta < 0));
          expect(staffCorrectionFloor(role, { reason, delta })).toBeUndefined();
        },
      ),
    );
  });
});
