import { appDefinition } from '../../../app-definition.js';
import type { AppDefinition } from '../../../app-definition-types.js';
import { assumedDurationMs } from '../assumed-durations.js';
import { seededRandom } from '../seeded-random.js';
import { dayInvocations, type Invocation } from './day-invocations.js';
import { type FleetResult, type LifecyclePolicy, simulateEnvironments } from './execution-environments.js';
import {
  DEFAULT_INIT,
  deployUnits,
  type InitModel,
  PACKAGINGS,
  type Packaging,
  type PrivilegeReport,
  privilegeReport,
} from './packaging.js';

export const FLEET_SEED = 20_261_201;
/** Idle reclaim assumed for the headline figure, and the sensitivity around it, minutes. */
export const HEADLINE_IDLE_MINUTES = 10;
export const IDLE_SENSITIVITY = [3, 5, 10, 15, 30, 60] as const;
/** "Every few hours" (Lambda's documentation), as a range. */
export const LIFETIME_HOURS: LifecyclePolicy['lifetimeHours'] = [2, 4];

export interface FleetScenario {
  packaging: Packaging;
  idleMinutes: number;
  result: FleetResult;
}

export interface FleetSimulation {
  invocations: number;
  /** Invocations by function, for the doc's mix table. */
  byFunction: Record<string, number>;
  deployUnits: Record<Packaging, number>;
  scenarios: FleetScenario[];
  privileges: Record<Packaging, PrivilegeReport>;
}

export interface FleetOptions {
  app?: AppDefinition;
  seed?: number;
  idleMinutes?: readonly number[];
  init?: InitModel;
  /** Measured warm durations by function, ms (the rest are assumed: ../assumed-durations.ts). */
  measuredDurationsMs?: Readonly<Record<string, number>>;
}

/**
 * One trading day under each packaging and every idle assumption. The same invocations (one
 * seed) go through each, and each run's environment lifetimes come from its own seeded source,
 * so the comparison is of packaging alone.
 */
export const simulateFleet = (options: FleetOptions = {}): FleetSimulation => {
  const app: AppDefinition = options.app ?? appDefinition;
  const seed = options.seed ?? FLEET_SEED;
  const invocations: Invocation[] = dayInvocations({ random: seededRandom(seed), app });
  const byFunction: Record<string, number> = {};
  for (const { fn } of invocations) byFunction[fn] = (byFunction[fn] ?? 0) + 1;
  const durationMs = (fn: string): number => {
    const measured = options.measuredDurationsMs?.[fn];
    if (measured !== undefined) return measured;
    const definition = app.functions[fn];
    if (!definition) throw new Error(`The request mix invokes ${fn}, which the app definition lacks`);
    return assumedDurationMs(fn, definition);
  };
  const scenarios: FleetScenario[] = [];
  const unitCounts = {} as Record<Packaging, number>;
  const privileges = {} as Record<Packaging, PrivilegeReport>;
  for (const packaging of PACKAGINGS) {
    privileges[packaging] = privilegeReport(app, packaging);
    const units = deployUnits(app, packaging, options.init ?? DEFAULT_INIT);
    unitCounts[packaging] = new Set([...units.values()].map((unit) => unit.name)).size;
    const unitOf = (fn: string) => {
      const unit = units.get(fn);
      if (!unit) throw new Error(`No deploy unit serves ${fn}`);
      return unit;
    };
    for (const idleMinutes of options.idleMinutes ?? IDLE_SENSITIVITY)
      scenarios.push({
        packaging,
        idleMinutes,
        result: simulateEnvironments(
          invocations,
          { unitOf, durationMs },
          { idleMinutes, lifetimeHours: LIFETIME_HOURS },
          seededRandom(seed + idleMinutes),
        ),
      });
  }
  return {
    invocations: invocations.length,
    byFunction,
    deployUnits: unitCounts,
    scenarios,
    privileges,
  };
};

export const scenarioOf = (
  simulation: FleetSimulation,
  packaging: Packaging,
  idleMinutes: number,
): FleetScenario => {
  const found = simulation.scenarios.find((s) => s.packaging === packaging && s.idleMinutes === idleMinutes);
  if (!found) throw new Error(`No ${packaging} scenario at ${idleMinutes} min idle`);
  return found;
};
