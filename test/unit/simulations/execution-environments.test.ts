import { describe, expect, it } from 'vitest';
import type { Invocation } from '../../../infra/local/simulations/fleet/day-invocations.js';
import {
  type LifecyclePolicy,
  simulateEnvironments,
} from '../../../infra/local/simulations/fleet/execution-environments.js';
import { seededRandom } from '../../../infra/local/simulations/seeded-random.js';

const unit = { name: 'fn', initMs: 300, memoryMb: 1024 };
const timing = { unitOf: () => unit, durationMs: () => 100 };
const policy = (idleMinutes: number, lifetimeHours: [number, number] = [2, 4]): LifecyclePolicy => ({
  idleMinutes,
  lifetimeHours,
});
const run = (invocations: Invocation[], p: LifecyclePolicy) =>
  simulateEnvironments(invocations, timing, p, seededRandom(1));

describe('simulateEnvironments', () => {
  it('reuses an environment invoked again within the idle period, and starts a new one after it', () => {
    expect(
      run(
        [
          { at: 0, fn: 'fn' },
          { at: 240, fn: 'fn' },
        ],
        policy(5),
      ).coldStarts,
    ).toBe(1);
    expect(
      run(
        [
          { at: 0, fn: 'fn' },
          { at: 360, fn: 'fn' },
        ],
        policy(5),
      ).coldStarts,
    ).toBe(2);
  });

  it('starts a second environment for an invocation that arrives while the first is busy (INIT included)', () => {
    // The first is busy for 0.3 s INIT + 0.1 s; one at 0.35 s finds no idle environment.
    const result = run(
      [
        { at: 0, fn: 'fn' },
        { at: 0.35, fn: 'fn' },
        { at: 0.5, fn: 'fn' },
      ],
      policy(5),
    );
    expect(result.coldStarts).toBe(2);
    expect(result.units[0]?.peakEnvironments).toBe(2);
  });

  it('retires an environment at the end of its lifetime even when it is never idle for long', () => {
    const everyMinute = Array.from({ length: 5 * 60 }, (_, i) => ({ at: i * 60, fn: 'fn' }));
    // A lifetime of exactly one hour: five hours of steady traffic need five environments.
    expect(run(everyMinute, policy(10, [1, 1])).coldStarts).toBe(5);
  });

  it('counts INIT time and its GB-seconds at the unit’s memory, and cold starts per 1,000', () => {
    const result = run(
      [
        { at: 0, fn: 'fn' },
        { at: 1000, fn: 'fn' },
        { at: 1001, fn: 'fn' },
        { at: 1002, fn: 'fn' },
      ],
      policy(5),
    );
    expect(result.coldStarts).toBe(2);
    expect(result.coldStartsPer1000).toBe(500);
    expect(result.initSeconds).toBeCloseTo(0.6);
    expect(result.initGbSeconds).toBeCloseTo(0.6);
  });

  it('keeps the environments of two deploy units apart', () => {
    const other = { name: 'other', initMs: 300, memoryMb: 512 };
    const result = simulateEnvironments(
      [
        { at: 0, fn: 'a' },
        { at: 10, fn: 'b' },
        { at: 20, fn: 'a' },
      ],
      { unitOf: (fn) => (fn === 'a' ? unit : other), durationMs: () => 100 },
      policy(5),
      seededRandom(1),
    );
    expect(result.units.map((u) => [u.unit, u.invocations, u.coldStarts])).toEqual([
      ['fn', 2, 1],
      ['other', 1, 1],
    ]);
  });
});
