import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { documentClient, tableName } from '../../../../lib/db/client.js';
import { backoffDelay } from '../../../../lib/db/contention.js';
import { levelShardKeys } from '../../../../lib/db/keys.js';
import { transactWrite } from '../../../../lib/db/transact.js';
import {
  shardItem,
  shardOrder,
  shardTakeWrites,
  splitStock,
} from '../../../../lib/inventory/sharded-level.js';
import { InsufficientStockError } from '../../../../lib/inventory/stock-change.js';
import { seededRandom } from '../seeded-random.js';
import { type ThroughputLimit, throughputLimit } from './item-throughput-limit.js';

/**
 * DynamoDB's ceiling for one partition is 1,000 write units a second; a transactional write of
 * an item up to 1 KB costs 2, and a take writes the shard and its movement (two partitions, one
 * write each): 500 takes a second per shard on DynamoDB. DynamoDB Local on this machine runs
 * all its writes far below that, so the simulation scales every ceiling down by SCALE and
 * reports the figures scaled back up next to the ones measured.
 */
export const DYNAMODB_PARTITION_WCU = 1000;
export const TRANSACTIONAL_WCU_PER_KB = 2;
export const SCALE = 50;
export const SIMULATED_WRITES_PER_SECOND = DYNAMODB_PARTITION_WCU / TRANSACTIONAL_WCU_PER_KB / SCALE;
/** A throttled write still costs a round trip before the SDK hears so. */
const THROTTLE_ROUND_TRIP_MS = 5;

export interface HotSkuOptions {
  shards: number;
  /** Concurrent sellers (Lambda environments placing orders at once). */
  concurrency: number;
  /** Stop after this long (throughput runs) or when the stock is sold out (sell-out runs). */
  seconds: number;
  stock: number;
  writesPerSecondPerPartition?: number;
  storeId?: string;
  sku?: string;
  seed?: number;
}

export interface HotSkuRun {
  shards: number;
  concurrency: number;
  stock: number;
  sold: number;
  /** Orders answered "out of stock" after every shard was found short. */
  refused: number;
  throttled: number;
  seconds: number;
  ordersPerSecond: number;
  cpuMsPerOrder: number;
  /** Checked after the run: what is left plus what was sold equals the stock, no shard below zero, one movement per sale. */
  stockLeft: number;
  movements: number;
  consistent: boolean;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SIM_ACTOR = { userId: 'system:hot-sku-simulation' } as const;

/**
 * One sale of one unit: a random shard, then the others; throttled shards are skipped and the
 * sale retried. A shard found short is remembered by the seller (its container) and tried last
 * from then on, so an emptying level does not spend its writes on empty shards; only when
 * every shard is found short is the sale refused.
 */
const sellOne = async (
  options: Required<HotSkuOptions>,
  limit: ThroughputLimit,
  random: () => number,
  knownShort: Set<number>,
): Promise<'sold' | 'refused' | 'throttled'> => {
  let short = 0;
  const order = shardOrder(options.shards, random);
  const tryOrder = [...order.filter((s) => !knownShort.has(s)), ...order.filter((s) => knownShort.has(s))];
  for (const shard of tryOrder) {
    const item = levelShardKeys.shard(options.storeId, options.sku, shard).pk;
    const ledger = `MOVES#${options.storeId}#${options.sku}#${shard}`;
    // Both partitions of the take must have room; DynamoDB would throttle the transaction otherwise.
    if (!limit.tryWrite(item) || !limit.tryWrite(ledger)) {
      await pause(THROTTLE_ROUND_TRIP_MS);
      continue;
    }
    try {
      await transactWrite(
        shardTakeWrites(
          {
            storeId: options.storeId,
            sku: options.sku,
            shard,
            quantity: 1,
            orderId: ulid(),
            movementId: ulid(),
          },
          SIM_ACTOR,
          new Date(),
        ),
      );
      return 'sold';
    } catch (error) {
      if (!(error instanceof InsufficientStockError)) throw error;
      knownShort.add(shard);
      short += 1;
    }
  }
  return short === options.shards ? 'refused' : 'throttled';
};

const verify = async (options: Required<HotSkuOptions>, sold: number) => {
  let left = 0;
  let negative = false;
  let movements = 0;
  for (let shard = 0; shard < options.shards; shard += 1) {
    const { Item } = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: levelShardKeys.shard(options.storeId, options.sku, shard),
        ConsistentRead: true,
      }),
    );
    const available = Number(Item?.available ?? 0);
    negative ||= available < 0;
    left += available;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documentClient.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `MOVES#${options.storeId}#${options.sku}#${shard}` },
          Select: 'COUNT',
          ConsistentRead: true,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      movements += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return { left, movements, consistent: !negative && left + sold === options.stock && movements === sold };
};

/**
 * Sells one hot SKU as fast as `concurrency` sellers can, through the real conditional take of
 * the shard design on DynamoDB Local, under a modelled per-partition ceiling; then checks that
 * nothing was oversold or lost. Deterministic in its choices (seeded), not in its timing.
 */
export const runHotSku = async (input: HotSkuOptions): Promise<HotSkuRun> => {
  const options: Required<HotSkuOptions> = {
    writesPerSecondPerPartition: SIMULATED_WRITES_PER_SECOND,
    storeId: 'st_hot',
    sku: `HOT-${ulid()}`,
    seed: 1,
    ...input,
  };
  const now = new Date();
  const shares = splitStock(options.stock, options.shards);
  await Promise.all(
    shares.map((available, shard) =>
      documentClient.send(
        new PutCommand({
          TableName: tableName(),
          Item: shardItem(options.storeId, options.sku, shard, available, now),
        }),
      ),
    ),
  );
  const limit = throughputLimit(options.writesPerSecondPerPartition);
  const random = seededRandom(options.seed);
  let sold = 0;
  let refused = 0;
  let soldOut = false;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const deadline = started + options.seconds * 1000;
  const seller = async () => {
    const knownShort = new Set<number>();
    while (!soldOut && performance.now() < deadline) {
      let attempt = 0;
      for (;;) {
        const outcome = await sellOne(options, limit, random.next, knownShort);
        if (outcome === 'sold') sold += 1;
        if (outcome === 'refused') {
          refused += 1;
          soldOut = true;
        }
        if (outcome !== 'throttled') break;
        attempt += 1;
        await pause(backoffDelay(attempt));
        if (performance.now() >= deadline) break;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, seller));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const check = await verify(options, sold);
  return {
    shards: options.shards,
    concurrency: options.concurrency,
    stock: options.stock,
    sold,
    refused,
    throttled: limit.throttled(),
    seconds,
    ordersPerSecond: sold / seconds,
    cpuMsPerOrder: sold === 0 ? 0 : (used.user + used.system) / 1000 / sold,
    stockLeft: check.left,
    movements: check.movements,
    consistent: check.consistent,
  };
};
