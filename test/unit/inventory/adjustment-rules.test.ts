import { describe, expect, it } from 'vitest';
import {
  adjustmentDeltas,
  assertReasonAllowed,
  isReservedReason,
} from '../../../lib/inventory/adjustment-rules.js';
import { AdjustmentBody, StocktakeBody } from '../../../lib/inventory/inventory-schemas.js';
import { ADJUSTMENT_REASONS, availableDelta } from '../../../lib/inventory/stock-change.js';

describe('adjustment reasons', () => {
  it('maps each reason and sign to the quantity states it moves', () => {
    expect(adjustmentDeltas('received', 5)).toEqual({ onHand: 5 });
    expect(adjustmentDeltas('return', 2)).toEqual({ onHand: 2 });
    expect(adjustmentDeltas('restock', 1)).toEqual({ onHand: 1 });
    expect(adjustmentDeltas('sale', -3)).toEqual({ onHand: -3 });
    expect(adjustmentDeltas('shrinkage', -1)).toEqual({ onHand: -1 });
    expect(adjustmentDeltas('correction', -4)).toEqual({ onHand: -4 });
    expect(adjustmentDeltas('cycle_count', 4)).toEqual({ onHand: 4 });
  });

  it('sets damaged units aside without touching on-hand, and writes them off from both', () => {
    const setAside = adjustmentDeltas('damaged', 3);
    expect(setAside).toEqual({ unavailable: 3 });
    expect(availableDelta(setAside)).toBe(-3);
    const writeOff = adjustmentDeltas('damaged', -2);
    expect(writeOff).toEqual({ unavailable: -2, onHand: -2 });
    expect(availableDelta(writeOff)).toBe(0);
  });

  it('rejects a sign the reason does not allow, naming body.delta', () => {
    for (const [reason, delta] of [
      ['received', -1],
      ['return', -1],
      ['restock', -2],
      ['sale', 1],
      ['shrinkage', 3],
    ] as const) {
      expect(() => adjustmentDeltas(reason, delta)).toThrow(
        expect.objectContaining({ status: 400, errors: [expect.objectContaining({ path: 'body.delta' })] }),
      );
    }
    expect(() => adjustmentDeltas('correction', 0)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('reserves transfer reasons for transfers (400 naming body.reason)', () => {
    expect(isReservedReason('transfer_in')).toBe(true);
    expect(isReservedReason('transfer_out')).toBe(true);
    expect(isReservedReason('received')).toBe(false);
    expect(() => adjustmentDeltas('transfer_out', -1)).toThrow(
      expect.objectContaining({ status: 400, errors: [expect.objectContaining({ path: 'body.reason' })] }),
    );
  });

  it('allows staff only received, damaged and correction; other roles every reason', () => {
    const allowed = ADJUSTMENT_REASONS.filter((reason) => {
      try {
        assertReasonAllowed('staff', reason);
        return true;
      } catch (error) {
        expect(error).toMatchObject({ status: 403, errors: [{ path: 'body.reason' }] });
        return false;
      }
    });
    expect(allowed).toEqual(['received', 'correction', 'damaged']);
    for (const role of ['admin', 'manager'] as const) {
      for (const reason of ADJUSTMENT_REASONS) expect(() => assertReasonAllowed(role, reason)).not.toThrow();
    }
  });
});

describe('inventory input schemas', () => {
  it('refuses a zero delta and unknown fields', () => {
    expect(AdjustmentBody.safeParse({ delta: 0, reason: 'received' }).success).toBe(false);
    expect(AdjustmentBody.safeParse({ delta: 1, reason: 'received', extra: 1 }).success).toBe(false);
    expect(AdjustmentBody.safeParse({ delta: 1.5, reason: 'received' }).success).toBe(false);
    expect(AdjustmentBody.safeParse({ delta: -1, reason: 'sale', note: 'till 3' }).success).toBe(true);
  });

  it('takes 1 to 100 stocktake lines with unique SKUs', () => {
    const line = (sku: string) => ({ sku, expected: 1, counted: 1 });
    expect(StocktakeBody.safeParse({ lines: [] }).success).toBe(false);
    expect(
      StocktakeBody.safeParse({ lines: Array.from({ length: 101 }, (_, i) => line(`S-${i}`)) }).success,
    ).toBe(false);
    const dupes = StocktakeBody.safeParse({ lines: [line('A-1'), line('A-1')] });
    expect(dupes.error?.issues[0]?.path).toEqual(['lines', 1, 'sku']);
    expect(StocktakeBody.safeParse({ lines: [{ sku: 'A-1', expected: -1, counted: 0 }] }).success).toBe(
      false,
    );
  });
});
