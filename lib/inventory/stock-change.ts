import type { Principal } from '../auth/principal.js';
import { tableName } from '../db/client.js';
import type { SystemActor } from '../db/item-meta.js';
import { ENTITY, inventoryKeys, LEGACY_LISTING_KEYS } from '../db/keys.js';
import type { GuardedWrite } from '../db/transact.js';
import { type AppError, ConflictError, defineProblem, documentProblem } from '../errors.js';
import { fastUlid } from '../ids/fast-ulid.js';
import * as z from '../zod.js';

/** Reasons a caller may give for a manual adjustment. */
export const ADJUSTMENT_REASONS = [
  'received',
  'sale',
  'return',
  'correction',
  'damaged',
  'shrinkage',
  'cycle_count',
  'transfer_out',
  'transfer_in',
  'restock',
] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** Movements written by the system as stock is held or let go for orders and transfers. */
export type MovementReason = AdjustmentReason | 'commit' | 'release' | 'incoming' | 'incoming_cancelled';

export interface StockReference {
  type: 'order' | 'transfer' | 'purchase_order' | 'stocktake' | 'refund' | 'adjustment';
  id: string;
}

/** Deltas to a level's quantity states; `available` follows as onHand − committed − unavailable. */
export interface StockDeltas {
  onHand?: number;
  committed?: number;
  unavailable?: number;
  incoming?: number;
}

export interface StockChange {
  storeId: string;
  sku: string;
  productId: string;
  deltas: StockDeltas;
  reason: MovementReason;
  reference?: StockReference;
  note?: string;
  /** Apply only if on-hand still equals this (stocktakes). */
  expectOnHand?: number;
  /** Apply only if on-hand is at least `minOnHand` before the change, else `onBelow` (staff corrections). */
  onHandFloor?: { minOnHand: number; onBelow: (onHand: number) => AppError };
}

const STATES = ['onHand', 'committed', 'unavailable', 'incoming'] as const;

export const availableDelta = (d: StockDeltas): number =>
  (d.onHand ?? 0) - (d.committed ?? 0) - (d.unavailable ?? 0);

/** Raised when a level lacks the stock a change needs; carries what was there. */
export class InsufficientStockError extends ConflictError {
  static override readonly problem = defineProblem({
    slug: 'insufficient-stock',
    status: 409,
    title: 'Not enough stock',
  });
  constructor(readonly shortages: { storeId: string; sku: string; requested: number; available: number }[]) {
    super({
      detail: shortages
        .map((s) => `${s.sku} at ${s.storeId}: ${s.requested} requested, ${s.available} available`)
        .join('; '),
      extensions: { shortages },
    });
  }
}

/** What `InsufficientStockError` means, for the problem catalog and the OpenAPI document only. */
export const insufficientStockErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(InsufficientStockError, {
    description: 'The change would take stock below zero; `shortages` lists every short line.',
    extensions: {
      shortages: z.array(
        z.object({
          storeId: z.string(),
          sku: z.string(),
          requested: z.number().check(z.int()),
          available: z.number().check(z.int()),
        }),
      ),
    },
  }))();

export class StockMismatchError extends ConflictError {
  static override readonly problem = defineProblem({
    slug: 'stock-changed',
    status: 409,
    title: 'Stock changed since it was read',
    internal: true,
  });
}

/** What `StockMismatchError` means, for the problem catalog and the OpenAPI document only. */
export const stockMismatchErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(StockMismatchError, {
    description: 'On-hand moved since it was counted; a stocktake reports it per line in `conflicts`.',
    extensions: { sku: z.string(), onHand: z.number().check(z.int()) },
  }))();

/**
 * The SET clauses every write of a level carries: its identity (store, SKU, product, the
 * product index keys), audit attributes and version; and the REMOVE of the legacy product
 * listing keys (on gsi2, projecting ALL, every stock change rewrote the level's copy), so a
 * level written before the move leaves that index on its next change. Shared by stock changes
 * and reorder rules so that a level created by either looks the same.
 */
export const levelIdentityUpdate = (
  level: { storeId: string; sku: string; productId: string },
  actor: Principal | SystemActor,
  now: Date,
): { sets: string[]; removes: readonly string[]; values: Record<string, unknown> } => {
  const byProduct = inventoryKeys.byProduct(level.productId, level.storeId, level.sku);
  return {
    sets: [
      'version = if_not_exists(version, :zero) + :one',
      'createdAt = if_not_exists(createdAt, :now)',
      'updatedAt = :now',
      'updatedBy = :actor',
      'entityType = :type',
      'storeId = :storeId',
      'sku = :sku',
      'productId = :productId',
      'gsi9pk = :gsi9pk',
      'gsi9sk = :gsi9sk',
    ],
    removes: LEGACY_LISTING_KEYS.inventoryLevel,
    values: {
      ':zero': 0,
      ':one': 1,
      ':now': now.toISOString(),
      ':actor': actor.userId,
      ':type': ENTITY.inventoryLevel,
      ':storeId': level.storeId,
      ':sku': level.sku,
      ':productId': level.productId,
      ':gsi9pk': byProduct.gsi9pk,
      ':gsi9sk': byProduct.gsi9sk,
    },
  };
};

/**
 * The one way inventory changes: an atomic counter update of the level (creating it at zero
 * if new) whose condition keeps every state and `available` from going negative, plus an
 * immutable movement recording the same deltas, returned as two writes for the caller's
 * transaction. Levels can therefore never drift from the ledger, and concurrent sellers of
 * the last unit cannot both succeed: no read-then-write anywhere.
 */
export const stockChangeWrites = (
  change: StockChange,
  actor: Principal | SystemActor,
  now: Date,
): [GuardedWrite, GuardedWrite] => {
  const at = now.toISOString();
  const deltas = { ...change.deltas };
  const dAvailable = availableDelta(deltas);
  const identity = levelIdentityUpdate(change, actor, now);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ...identity.values, ':dAvailable': dAvailable };
  const sets = [
    ...identity.sets,
    'available = if_not_exists(available, :zero) + :dAvailable',
    // The reorder watch keeps `available − reorderPoint` as a number, moved by the same delta.
    'reorderGap = if_not_exists(reorderGap, :zero) + :dAvailable',
  ];
  const conditions: string[] = [];
  for (const state of STATES) {
    const delta = deltas[state] ?? 0;
    names[`#${state}`] = state;
    values[`:d_${state}`] = delta;
    sets.push(`#${state} = if_not_exists(#${state}, :zero) + :d_${state}`);
    if (delta < 0) {
      values[`:need_${state}`] = -delta;
      conditions.push(`#${state} >= :need_${state}`);
    }
  }
  if (dAvailable < 0) {
    values[':needAvailable'] = -dAvailable;
    conditions.push('available >= :needAvailable');
  }
  if (change.expectOnHand !== undefined) {
    values[':expectOnHand'] = change.expectOnHand;
    conditions.push(
      change.expectOnHand === 0
        ? '(attribute_not_exists(#onHand) OR #onHand = :expectOnHand)'
        : '#onHand = :expectOnHand',
    );
  }
  if (change.onHandFloor) {
    values[':minOnHand'] = change.onHandFloor.minOnHand;
    conditions.push('#onHand >= :minOnHand');
  }
  const requested = Math.max(-dAvailable, ...STATES.map((s) => -(deltas[s] ?? 0)), 0);
  const shortOf = (current: Record<string, unknown> | undefined): boolean =>
    Number(current?.available ?? 0) < -dAvailable ||
    STATES.some((state) => Number(current?.[state] ?? 0) < -(deltas[state] ?? 0));
  const level: GuardedWrite = {
    write: {
      Update: {
        TableName: tableName(),
        Key: inventoryKeys.level(change.storeId, change.sku),
        UpdateExpression: `SET ${sets.join(', ')} REMOVE ${identity.removes.join(', ')}`,
        ...(conditions.length > 0 ? { ConditionExpression: conditions.join(' AND ') } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    onConditionFailed: (current) => {
      const onHand = Number(current?.onHand ?? 0);
      if (change.expectOnHand !== undefined && onHand !== change.expectOnHand)
        return new StockMismatchError({
          detail: `${change.sku} at ${change.storeId}: on hand is ${onHand}, not ${change.expectOnHand}.`,
          extensions: { sku: change.sku, onHand },
        });
      if (change.onHandFloor && !shortOf(current) && onHand < change.onHandFloor.minOnHand)
        return change.onHandFloor.onBelow(onHand);
      return new InsufficientStockError([
        {
          storeId: change.storeId,
          sku: change.sku,
          requested,
          available: Number(current?.available ?? 0),
        },
      ]);
    },
  };
  // Every stock change mints one; the pooled source is ~50× cheaper than ulid()'s (fast-ulid.ts).
  const movementId = fastUlid();
  const movement: GuardedWrite = {
    write: {
      Put: {
        TableName: tableName(),
        Item: {
          ...inventoryKeys.movement(change.storeId, change.sku, at, movementId),
          entityType: ENTITY.inventoryMovement,
          movementId,
          storeId: change.storeId,
          sku: change.sku,
          productId: change.productId,
          reason: change.reason,
          onHandDelta: deltas.onHand ?? 0,
          committedDelta: deltas.committed ?? 0,
          unavailableDelta: deltas.unavailable ?? 0,
          incomingDelta: deltas.incoming ?? 0,
          ...(change.reference ? { reference: change.reference } : {}),
          ...(change.note ? { note: change.note } : {}),
          actor: actor.userId,
          at,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
  return [level, movement];
};

/**
 * DynamoDB allows one operation per item in a transaction: lines for the same store and
 * SKU are merged into one change before their writes are built.
 */
export const mergeStockChanges = (changes: StockChange[]): StockChange[] => {
  const merged = new Map<string, StockChange>();
  for (const change of changes) {
    const key = `${change.storeId}\u0000${change.sku}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { ...change, deltas: { ...change.deltas } });
      continue;
    }
    for (const state of STATES) {
      const sum = (existing.deltas[state] ?? 0) + (change.deltas[state] ?? 0);
      existing.deltas[state] = sum;
    }
  }
  return [...merged.values()];
};
