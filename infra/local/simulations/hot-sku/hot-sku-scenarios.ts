import { openThrowawayDatabase } from '../../throwaway-database.js';
import type { HotSkuRun } from './hot-sku-simulation.js';

/** Shard counts compared with the single level item of today's design (1 shard). */
export const SHARD_COUNTS = [1, 2, 4, 8] as const;

export interface HotSkuScenarios {
  /** Throughput with plenty of stock, by shard count. */
  throughput: HotSkuRun[];
  /** A small stock sold out by the same sellers: every unit sold once, none twice. */
  sellOut: HotSkuRun[];
  scale: number;
  writesPerSecondPerPartition: number;
}

/**
 * Runs the hot-SKU simulation against DynamoDB Local: the one this process already serves (the
 * benchmark's local runtime), or one started here and stopped after. Shard items live in their
 * own partitions under a fresh SKU, so they never meet the demo data.
 */
export const runHotSkuScenarios = async (options: { quick: boolean }): Promise<HotSkuScenarios> => {
  let stop = async () => {};
  if (!process.env.DYNAMODB_ENDPOINT || !process.env.TABLE_NAME) {
    const database = await openThrowawayDatabase();
    stop = database.stop;
  }
  try {
    // Imported once the environment is set: lib/ reads it when it first loads.
    const { runHotSku, SCALE, SIMULATED_WRITES_PER_SECOND } = await import('./hot-sku-simulation.js');
    const seconds = options.quick ? 1 : 3;
    const rounds = options.quick ? 1 : 3;
    const concurrency = 16;
    // Warm-up (JIT, DynamoDB Local's first transactions), not counted.
    await runHotSku({ shards: 4, concurrency, seconds: options.quick ? 0.5 : 2, stock: 1_000_000 });
    // Interleaved rounds, each shard count once per round; the median round per count is kept.
    const runs = new Map<number, HotSkuRun[]>();
    for (let round = 0; round < rounds; round += 1)
      for (const shards of SHARD_COUNTS)
        runs.set(shards, [
          ...(runs.get(shards) ?? []),
          await runHotSku({ shards, concurrency, seconds, stock: 1_000_000, seed: round + 1 }),
        ]);
    const throughput = SHARD_COUNTS.map((shards) => {
      const sorted = [...(runs.get(shards) ?? [])].sort((a, b) => a.ordersPerSecond - b.ordersPerSecond);
      const median = sorted[Math.floor(sorted.length / 2)];
      if (!median) throw new Error(`No hot-SKU run with ${shards} shards`);
      // Consistency must hold in every round, not only the median one.
      return { ...median, consistent: sorted.every((run) => run.consistent) };
    });
    const sellOut: HotSkuRun[] = [];
    for (const shards of [1, 4])
      sellOut.push(await runHotSku({ shards, concurrency, seconds: 60, stock: options.quick ? 30 : 100 }));
    return { throughput, sellOut, scale: SCALE, writesPerSecondPerPartition: SIMULATED_WRITES_PER_SECOND };
  } finally {
    await stop();
  }
};
