import type { SeededRandom } from '../seeded-random.js';
import type { Invocation } from './day-invocations.js';

/**
 * Lambda's execution environments as its documentation describes them: an environment serves
 * one invocation at a time; an invocation that finds no idle environment of its function gets a
 * new one (a cold start: INIT, then the invocation); after an invocation the environment is kept
 * "for some time in anticipation of another invocation" (a non-deterministic period, not
 * published), and is terminated "every few hours" even when invoked continuously. The model
 * makes the two unknowns explicit: idle environments are reclaimed after `idleMinutes`, and each
 * environment lives at most a lifetime drawn uniformly from `lifetimeHours`.
 */
export interface LifecyclePolicy {
  idleMinutes: number;
  lifetimeHours: readonly [min: number, max: number];
}

/** A deployed function (one per route, or one per domain) and what its invocations cost it. */
export interface DeployUnit {
  name: string;
  /** INIT of a new environment, ms. */
  initMs: number;
  memoryMb: number;
}

export interface UnitTiming {
  unitOf: (fn: string) => DeployUnit;
  /** Warm duration of one invocation of a function, ms. */
  durationMs: (fn: string) => number;
}

export interface UnitResult {
  unit: string;
  invocations: number;
  coldStarts: number;
  peakEnvironments: number;
  initMs: number;
  memoryMb: number;
}

export interface FleetResult {
  invocations: number;
  coldStarts: number;
  coldStartsPer1000: number;
  /** Sum of INIT time over the day, s (billed since August 2025). */
  initSeconds: number;
  /** INIT in GB-seconds at each unit's memory. */
  initGbSeconds: number;
  units: UnitResult[];
  /** Cold starts by the function whose invocation met them. */
  coldStartsByFunction: Record<string, number>;
}

interface Environment {
  busyUntil: number;
  idleSince: number;
  retiresAt: number;
}

/**
 * Runs the day's invocations (sorted by time, seconds) through the environments of each deploy
 * unit. Deterministic for a given `random`. The warm environment chosen is the most recently
 * used: Lambda does not document its choice, and any choice keeps the same number warm while
 * traffic lasts; MRU lets the surplus age out first, which is the behaviour observed in practice.
 */
export const simulateEnvironments = (
  invocations: readonly Invocation[],
  timing: UnitTiming,
  policy: LifecyclePolicy,
  random: SeededRandom,
): FleetResult => {
  const pools = new Map<string, { unit: DeployUnit; envs: Environment[]; result: UnitResult }>();
  const idleSeconds = policy.idleMinutes * 60;
  const [minLife, maxLife] = policy.lifetimeHours;
  const coldStartsByFunction: Record<string, number> = {};
  for (const { at, fn } of invocations) {
    const unit = timing.unitOf(fn);
    let pool = pools.get(unit.name);
    if (!pool) {
      pool = {
        unit,
        envs: [],
        result: {
          unit: unit.name,
          invocations: 0,
          coldStarts: 0,
          peakEnvironments: 0,
          initMs: unit.initMs,
          memoryMb: unit.memoryMb,
        },
      };
      pools.set(unit.name, pool);
    }
    // Reclaim what has idled too long or reached its lifetime (a busy one finishes first), and
    // find the most recently used idle one, in one pass (this loop runs for every invocation).
    const envs = pool.envs;
    let kept = 0;
    let warm: Environment | undefined;
    for (const env of envs) {
      if (env.busyUntil <= at && (at - env.idleSince >= idleSeconds || at >= env.retiresAt)) continue;
      envs[kept++] = env;
      if (env.busyUntil <= at && (!warm || env.idleSince > warm.idleSince)) warm = env;
    }
    envs.length = kept;
    const duration = timing.durationMs(fn) / 1000;
    pool.result.invocations += 1;
    if (warm) {
      warm.busyUntil = at + duration;
      warm.idleSince = warm.busyUntil;
    } else {
      const end = at + unit.initMs / 1000 + duration;
      pool.envs.push({
        busyUntil: end,
        idleSince: end,
        retiresAt: at + random.between(minLife, maxLife) * 3600,
      });
      pool.result.coldStarts += 1;
      coldStartsByFunction[fn] = (coldStartsByFunction[fn] ?? 0) + 1;
      pool.result.peakEnvironments = Math.max(pool.result.peakEnvironments, pool.envs.length);
    }
  }
  const units = [...pools.values()].map((pool) => pool.result).sort((a, b) => a.unit.localeCompare(b.unit));
  const coldStarts = units.reduce((sum, u) => sum + u.coldStarts, 0);
  const initSeconds = units.reduce((sum, u) => sum + (u.coldStarts * u.initMs) / 1000, 0);
  return {
    invocations: invocations.length,
    coldStarts,
    coldStartsPer1000: invocations.length === 0 ? 0 : (coldStarts / invocations.length) * 1000,
    initSeconds,
    initGbSeconds: units.reduce(
      (sum, u) => sum + ((u.coldStarts * u.initMs) / 1000) * (u.memoryMb / 1024),
      0,
    ),
    units,
    coldStartsByFunction,
  };
};
