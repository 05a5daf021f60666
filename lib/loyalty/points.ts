import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import { CustomerErasedError } from '../customers/customer-erased-error.js';
import { tableName } from '../db/client.js';
import type { SystemActor } from '../db/item-meta.js';
import { customerKeys, ENTITY } from '../db/keys.js';
import type { GuardedWrite } from '../db/transact.js';
import { ConflictError, defineProblem, documentProblem, NotFoundError } from '../errors.js';
import * as z from '../zod.js';

const rateFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number, not "${raw}"`);
  return value;
};

/** Earn and burn rates, read once per cold start. */
export const LOYALTY = {
  /** Points earned per major unit (dollar) spent. */
  earnPointsPerMajorUnit: rateFromEnv('LOYALTY_POINTS_PER_DOLLAR', 1),
  /** What one point is worth when redeemed, in minor units (cents). */
  pointValueMinorUnits: rateFromEnv('LOYALTY_POINT_VALUE_CENTS', 1),
};

/** The tiny epsilon absorbs binary-float noise of fractional rates (e.g. 1.1) before flooring. */
const floorMoney = (value: number): number => Math.max(0, Math.floor(value + 1e-9));

/** floor(amount / 100 × rate): whole points only, never negative. */
export const pointsEarnedFor = (amountMinorUnits: number): number =>
  floorMoney((amountMinorUnits * LOYALTY.earnPointsPerMajorUnit) / 100);

/** What `points` are worth, in whole minor units. */
export const redemptionValueOf = (points: number): number =>
  floorMoney(points * LOYALTY.pointValueMinorUnits);

export type PointsReason = 'earned' | 'redeemed' | 'reversed' | 'adjusted';

export interface PointsChange {
  customerId: string;
  delta: number;
  reason: PointsReason;
  reference?: { type: 'order' | 'refund'; id: string };
  note?: string;
  /** Chosen by the caller when it must name the entry before the write (idempotency records). */
  entryId?: string;
}

export const newPointsEntryId = (now: Date): string => `pt_${ulid(now.getTime()).toLowerCase()}`;

export class InsufficientPointsError extends ConflictError {
  static override readonly problem = defineProblem({
    slug: 'insufficient-points',
    status: 409,
    title: 'Not enough loyalty points',
  });
}

/** What `InsufficientPointsError` means, for the problem catalog and the OpenAPI document only. */
export const insufficientPointsErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(InsufficientPointsError, {
    description: 'Redeeming or deducting more points than the customer has (`balance`, `requested`).',
    extensions: { balance: z.number().check(z.int()), requested: z.number().check(z.int()) },
  }))();

/**
 * The one way a points balance changes: [customer balance update, ledger entry put] for the
 * caller's transaction. The balance moves with an atomic ADD; a negative delta is conditional
 * on `pointsBalance >= -delta`, so concurrent redemptions can never overdraw it, and the ledger
 * entry is written in the same transaction, so the ledger always sums to the balance.
 * The balance is a counter outside the customer's optimistic-concurrency `version`: a sale
 * never makes a profile edit fail, and profile edits never write the balance.
 *
 * A delta of 0 returns [] (nothing to record). One call per customer per transaction
 * (DynamoDB allows one operation per item): several changes to one customer go through
 * pointsChangesWrites. Failure → 409 `InsufficientPointsError`, or 404 when the customer does
 * not exist.
 */
export const pointsChangeWrites = (
  change: PointsChange,
  actor: Principal | SystemActor,
  now: Date,
): GuardedWrite[] => pointsChangesWrites(change.customerId, [change], actor, now);

/**
 * Several changes to one customer's points in one transaction (e.g. a refund that gives back
 * redeemed points and takes back earned ones): one balance update by the net delta, conditional
 * on the balance covering it when negative, and one ledger entry per non-zero change.
 */
export const pointsChangesWrites = (
  customerId: string,
  changes: readonly Omit<PointsChange, 'customerId'>[],
  actor: Principal | SystemActor,
  now: Date,
): GuardedWrite[] => {
  for (const change of changes) {
    if (!Number.isSafeInteger(change.delta))
      throw new Error(`Points delta must be an integer, not ${change.delta}`);
  }
  const recorded = changes.filter((change) => change.delta !== 0);
  if (recorded.length === 0) return [];
  const at = now.toISOString();
  const net = recorded.reduce((total, change) => total + change.delta, 0);
  const need = -net;
  // A hand adjustment's note is free text about the customer: none is written under an erased
  // one. Sales, refunds and cancellations still move an erased customer's points (their notes
  // are the system's own words), so the books keep adding up.
  const noted = recorded.some((change) => change.reason === 'adjusted' && change.note !== undefined);
  const conditions = [
    'attribute_exists(pk)',
    ...(net < 0 ? ['pointsBalance >= :need'] : []),
    ...(noted ? ['attribute_not_exists(erasedAt)'] : []),
  ];
  const balance: GuardedWrite = {
    write: {
      Update: {
        TableName: tableName(),
        Key: customerKeys.item(customerId),
        UpdateExpression: 'ADD pointsBalance :delta',
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeValues: { ':delta': net, ...(net < 0 ? { ':need': need } : {}) },
      },
    },
    onConditionFailed: (current) =>
      noted && typeof current?.erasedAt === 'string'
        ? new CustomerErasedError(customerId, current.erasedAt)
        : current
          ? new InsufficientPointsError({
              detail: `Customer ${customerId} has ${Number(current.pointsBalance ?? 0)} points; ${need} needed.`,
              extensions: { balance: Number(current.pointsBalance ?? 0), requested: need },
            })
          : new NotFoundError({ detail: `Customer ${customerId} was not found.` }),
  };
  const entries = recorded.map((change): GuardedWrite => {
    const entryId = change.entryId ?? newPointsEntryId(now);
    return {
      write: {
        Put: {
          TableName: tableName(),
          Item: {
            ...customerKeys.pointsEntry(customerId, at, entryId),
            entityType: ENTITY.pointsEntry,
            entryId,
            customerId,
            delta: change.delta,
            reason: change.reason,
            ...(change.reference ? { reference: change.reference } : {}),
            ...(change.note ? { note: change.note } : {}),
            actor: actor.userId,
            at,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    };
  });
  return [balance, ...entries];
};
