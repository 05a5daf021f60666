import { describe, expect, it } from 'vitest';
import { throughputLimit } from '../../../infra/local/simulations/hot-sku/item-throughput-limit.js';

describe('throughputLimit', () => {
  it('lets a partition take its writes per second and throttles the rest, each partition on its own', () => {
    let now = 0;
    const limit = throughputLimit(10, () => now);
    const granted = Array.from({ length: 15 }, () => limit.tryWrite('a')).filter(Boolean).length;
    expect(granted).toBe(10);
    expect(limit.throttled()).toBe(5);
    expect(limit.tryWrite('b')).toBe(true);
    now = 0.5;
    expect(Array.from({ length: 10 }, () => limit.tryWrite('a')).filter(Boolean).length).toBe(5);
  });

  it('holds at most one second of writes, however long the partition was idle', () => {
    let now = 0;
    const limit = throughputLimit(10, () => now);
    now = 60;
    expect(Array.from({ length: 30 }, () => limit.tryWrite('a')).filter(Boolean).length).toBe(10);
  });
});
