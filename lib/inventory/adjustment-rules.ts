import type { Role } from '../auth/roles.js';
import { type AppError, ForbiddenError, ValidationError } from '../errors.js';
import type { AdjustmentReason, StockDeltas } from './stock-change.js';

/**
 * What each manual adjustment reason means, as deltas to a level's quantity states.
 * Pure rules: no I/O, unit tested in test/unit/inventory/adjustment-rules.test.ts.
 *
 * | reason | delta | effect |
 * |---|---|---|
 * | received, return, restock | > 0 | onHand +delta (goods in) |
 * | sale, shrinkage | < 0 | onHand +delta (goods out, sold off-system or lost) |
 * | correction, cycle_count | either | onHand +delta (fix a miscount) |
 * | damaged | > 0 | unavailable +delta: sellable units set aside, onHand unchanged |
 * | damaged | < 0 | unavailable and onHand +delta: set-aside units written off |
 * | transfer_out, transfer_in | — | reserved for transfers; 400 when sent manually |
 */
export const RESERVED_REASONS = [
  'transfer_out',
  'transfer_in',
] as const satisfies readonly AdjustmentReason[];

/** Staff handle deliveries, breakages and obvious miscounts; losses and sales need a manager. */
export const STAFF_REASONS = [
  'received',
  'damaged',
  'correction',
] as const satisfies readonly AdjustmentReason[];

type Sign = 'positive' | 'negative' | 'either';

const SIGNS: Record<AdjustmentReason, Sign | 'reserved'> = {
  received: 'positive',
  return: 'positive',
  restock: 'positive',
  sale: 'negative',
  shrinkage: 'negative',
  correction: 'either',
  cycle_count: 'either',
  damaged: 'either',
  transfer_out: 'reserved',
  transfer_in: 'reserved',
};

export const isReservedReason = (reason: AdjustmentReason): boolean => SIGNS[reason] === 'reserved';

/** 403 naming `body.reason` when the caller's role may not adjust stock for this reason. */
export const assertReasonAllowed = (role: Role, reason: AdjustmentReason): void => {
  if (role !== 'staff' || (STAFF_REASONS as readonly string[]).includes(reason)) return;
  throw new ForbiddenError({
    detail: `Staff may adjust stock only for ${STAFF_REASONS.join(', ')}; ask a manager to record ${reason}.`,
    errors: [{ path: 'body.reason', message: `Staff may not adjust stock for ${reason}.` }],
  });
};

/** Deltas for a manual adjustment; 400 naming the field when the reason and sign disagree. */
export const adjustmentDeltas = (reason: AdjustmentReason, delta: number): StockDeltas => {
  const sign = SIGNS[reason];
  if (sign === 'reserved') {
    throw new ValidationError([
      { path: 'body.reason', message: `${reason} is reserved for transfers; use POST /transfers.` },
    ]);
  }
  if (!Number.isInteger(delta) || delta === 0) {
    throw new ValidationError([{ path: 'body.delta', message: 'Must be a non-zero integer.' }]);
  }
  if ((sign === 'positive' && delta < 0) || (sign === 'negative' && delta > 0)) {
    throw new ValidationError([{ path: 'body.delta', message: `${reason} must have a ${sign} delta.` }]);
  }
  if (reason !== 'damaged') return { onHand: delta };
  return delta > 0 ? { unavailable: delta } : { unavailable: delta, onHand: delta };
};

/**
 * Staff take units off on hand in two ways: a `correction` that lowers stock (an obvious
 * miscount) and a `damaged` write-off of units set aside. Neither may become a way to write off
 * losses (`shrinkage`, which needs a manager): each needs a note saying why, and may take at
 * most 5 units and at most 10% of on hand, rounded up (one unit from any shelf, two from 11–20
 * on hand, …, five from 41 or more). Raising stock and setting units aside are not limited;
 * a manager writes off a larger breakage that staff set aside.
 */
export const STAFF_CORRECTION_LIMIT = { maxUnits: 5, maxShareOfOnHand: 0.1 } as const;

/** Units staff may take off on hand from `onHand`: min(5, ceil(10% of on hand)). */
export const staffCorrectionAllowance = (onHand: number): number =>
  Math.max(
    0,
    Math.min(STAFF_CORRECTION_LIMIT.maxUnits, Math.ceil(onHand * STAFF_CORRECTION_LIMIT.maxShareOfOnHand)),
  );

/** The smallest on-hand from which staff may take `units` off: the inverse of the allowance. */
export const minOnHandForStaffCorrection = (units: number): number =>
  Math.ceil((units - 1) / STAFF_CORRECTION_LIMIT.maxShareOfOnHand) + 1;

const beyondLimit = (detail: string): AppError =>
  new ForbiddenError({
    detail: `${detail} Ask a manager to record a larger loss as shrinkage or cycle_count.`,
    errors: [{ path: 'body.delta', message: 'Beyond what staff may take off on hand.' }],
  });

/** What the level must still hold, checked in the adjustment's own transaction (no read first). */
export interface OnHandFloor {
  minOnHand: number;
  onBelow: (onHand: number) => AppError;
}

/**
 * The rules a staff adjustment that lowers on hand (correction < 0, damaged < 0) must meet: 400
 * naming `body.note` without a note, 403 naming `body.delta` beyond 5 units; the 10% share
 * depends on the level, so it comes back as a floor on on-hand for the stock change's own
 * condition (no read first, race-free).
 */
export const staffCorrectionFloor = (
  role: Role,
  input: { reason: AdjustmentReason; delta: number; note?: string | undefined },
): OnHandFloor | undefined => {
  // Staff may lower stock only by correction or damaged (assertReasonAllowed): both are limited.
  if (role !== 'staff' || input.delta >= 0) return undefined;
  const units = -input.delta;
  if (!input.note)
    throw new ValidationError([
      {
        path: 'body.note',
        message: `Say why: staff taking stock off on hand (${input.reason}) need a note.`,
      },
    ]);
  if (units > STAFF_CORRECTION_LIMIT.maxUnits)
    throw beyondLimit(`Staff may take at most ${STAFF_CORRECTION_LIMIT.maxUnits} units off on hand at once.`);
  return {
    minOnHand: minOnHandForStaffCorrection(units),
    onBelow: (onHand) =>
      beyondLimit(
        `Staff may take at most 10% of on hand off it (${staffCorrectionAllowance(onHand)} of ${onHand}).`,
      ),
  };
};
