import { describe, expect, it } from 'vitest';
import { runHotSku } from '../../../infra/local/simulations/hot-sku/hot-sku-simulation.js';

describe('hot-SKU simulation on DynamoDB Local', () => {
  it('sells every unit of a sharded level exactly once under concurrent sellers, then refuses', async () => {
    const run = await runHotSku({
      shards: 4,
      concurrency: 8,
      seconds: 30,
      stock: 40,
      writesPerSecondPerPartition: 200,
    });
    expect(run.sold).toBe(40);
    expect(run.stockLeft).toBe(0);
    expect(run.movements).toBe(40);
    expect(run.refused).toBeGreaterThan(0);
    expect(run.consistent).toBe(true);
  });

  it('holds one shard to the modelled per-partition ceiling, and spreads sales over more shards', async () => {
    const one = await runHotSku({
      shards: 1,
      concurrency: 8,
      seconds: 1,
      stock: 1_000,
      writesPerSecondPerPartition: 5,
    });
    const four = await runHotSku({
      shards: 4,
      concurrency: 8,
      seconds: 1,
      stock: 1_000,
      writesPerSecondPerPartition: 5,
    });
    // A bucket holds one second of writes: at most 5 + 5 per second on one shard in about a second.
    expect(one.sold).toBeLessThanOrEqual(12);
    expect(one.throttled).toBeGreaterThan(0);
    expect(four.sold).toBeGreaterThan(one.sold);
    expect(one.consistent && four.consistent).toBe(true);
  });
});
