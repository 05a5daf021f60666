import { tableName } from '../db/client.js';
import type { SystemActor } from '../db/item-meta.js';
import { ENTITY, levelShardKeys } from '../db/keys.js';
import type { GuardedWrite } from '../db/transact.js';
import { InsufficientStockError } from './stock-change.js';

/**
 * A hot level split into N shards, past DynamoDB's per-item write ceiling (docs/performance.md,
 * "Hot SKU ceiling"). Each shard holds part of the available stock in its own partition; a sale
 * takes from one shard chosen at random and tries the others in turn on a shortage; a read sums
 * the shards; rebalancing moves stock from full shards to empty ones. The take is the same
 * conditional counter update a level gets (never below zero, no read-then-write), so shards can
 * be oversold no more than a level can. Designed and simulated here; no route uses it yet.
 */

/** The order in which a sale tries the shards: a random permutation (Fisher–Yates). */
export const shardOrder = (shards: number, random: () => number = Math.random): number[] => {
  const order = Array.from({ length: shards }, (_, i) => i);
  for (let i = shards - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
};

/** Stock split as evenly as whole units allow (the first shards get the remainder). */
export const splitStock = (total: number, shards: number): number[] => {
  if (!Number.isInteger(shards) || shards < 1) throw new RangeError('A level needs at least one shard');
  const base = Math.floor(total / shards);
  return Array.from({ length: shards }, (_, i) => base + (i < total % shards ? 1 : 0));
};

/** What a reader sees as available: the sum of the shards. */
export const sumShards = (available: readonly number[]): number => available.reduce((sum, a) => sum + a, 0);

export interface ShardMove {
  from: number;
  to: number;
  quantity: number;
}

/**
 * The moves that even the shards out (afterwards no two differ by more than one unit): each
 * shard above its fair share gives to the shards below theirs. Applied as one transaction of
 * conditional counter updates (`available >= quantity` on the giver), so a sale racing the
 * rebalance makes it retry rather than go negative.
 */
export const rebalancePlan = (available: readonly number[]): ShardMove[] => {
  const target = splitStock(sumShards(available), available.length);
  // The larger shares go to the shards that already hold most, so fewer units move.
  const byHolding = available.map((a, i) => ({ a, i })).sort((x, y) => y.a - x.a || x.i - y.i);
  const want = new Array<number>(available.length).fill(0);
  byHolding.forEach(({ i }, rank) => {
    want[i] = target[rank] ?? 0;
  });
  const surplus = available.map((a, i) => ({ i, left: a - (want[i] ?? 0) })).filter((s) => s.left > 0);
  const deficit = available.map((a, i) => ({ i, left: (want[i] ?? 0) - a })).filter((d) => d.left > 0);
  const moves: ShardMove[] = [];
  for (const need of deficit)
    for (const give of surplus) {
      if (need.left === 0) break;
      const quantity = Math.min(need.left, give.left);
      if (quantity === 0) continue;
      moves.push({ from: give.i, to: need.i, quantity });
      need.left -= quantity;
      give.left -= quantity;
    }
  return moves;
};

/**
 * Which shards a sale of `quantity` takes from, given the shards as last read: one shard if any
 * holds enough (the common case: one conditional write), else the fullest shards together (one
 * transaction), else none (the level as a whole lacks the stock). The writes' conditions decide;
 * the read only plans.
 */
export const takePlan = (
  available: readonly number[],
  quantity: number,
): { shard: number; quantity: number }[] => {
  const single = available.findIndex((a) => a >= quantity);
  if (single >= 0) return [{ shard: single, quantity }];
  if (sumShards(available) < quantity) return [];
  const plan: { shard: number; quantity: number }[] = [];
  let left = quantity;
  for (const { a, i } of available.map((a, i) => ({ a, i })).sort((x, y) => y.a - x.a)) {
    if (left === 0) break;
    const take = Math.min(a, left);
    if (take > 0) plan.push({ shard: i, quantity: take });
    left -= take;
  }
  return plan;
};

export interface ShardTake {
  storeId: string;
  sku: string;
  shard: number;
  quantity: number;
  orderId: string;
  movementId: string;
}

/**
 * One sale's take from one shard, for the caller's transaction: the shard's conditional counter
 * update (available never below zero) and the shard's immutable movement, as a level's change is.
 */
export const shardTakeWrites = (
  take: ShardTake,
  actor: SystemActor,
  now: Date,
): [GuardedWrite, GuardedWrite] => {
  const at = now.toISOString();
  return [
    {
      write: {
        Update: {
          TableName: tableName(),
          Key: levelShardKeys.shard(take.storeId, take.sku, take.shard),
          UpdateExpression:
            'SET available = available - :q, committed = if_not_exists(committed, :zero) + :q, updatedAt = :now',
          ConditionExpression: 'available >= :q',
          ExpressionAttributeValues: { ':q': take.quantity, ':zero': 0, ':now': at },
        },
      },
      onConditionFailed: (current) =>
        new InsufficientStockError([
          {
            storeId: take.storeId,
            sku: take.sku,
            requested: take.quantity,
            available: Number(current?.available ?? 0),
          },
        ]),
    },
    {
      write: {
        Put: {
          TableName: tableName(),
          Item: {
            ...levelShardKeys.movement(take.storeId, take.sku, take.shard, at, take.movementId),
            entityType: ENTITY.inventoryMovement,
            movementId: take.movementId,
            storeId: take.storeId,
            sku: take.sku,
            shard: take.shard,
            reason: 'commit',
            committedDelta: take.quantity,
            reference: { type: 'order', id: take.orderId },
            actor: actor.userId,
            at,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
  ];
};

/** A shard's initial item: its share of the stock (a Put, for setting a level up as shards). */
export const shardItem = (storeId: string, sku: string, shard: number, available: number, now: Date) => ({
  ...levelShardKeys.shard(storeId, sku, shard),
  entityType: 'InventoryLevelShard',
  storeId,
  sku,
  shard,
  available,
  committed: 0,
  updatedAt: now.toISOString(),
});
