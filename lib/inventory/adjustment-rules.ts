import type { Role } from '../auth/roles.js';
import { ForbiddenError, ValidationError } from '../errors.js';
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
