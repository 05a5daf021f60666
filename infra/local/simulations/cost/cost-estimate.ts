import { appDefinition, httpRoutes } from '../../../app-definition.js';
import type { AppDefinition } from '../../../app-definition-types.js';
import { assumedDurationMs } from '../assumed-durations.js';
import { type FleetSimulation, HEADLINE_IDLE_MINUTES, scenarioOf } from '../fleet/fleet-simulation.js';
import { DEFAULT_INIT } from '../fleet/packaging.js';
import { type CostReport, costOf, scaleLines, type UsageLine } from './cost-model.js';
import {
  type FunctionTimings,
  type OperationCapacity,
  POS_SALE_VARIANTS,
  posOrderLines,
  unitsOfFunction,
} from './order-workload.js';
import type { PriceTable } from './prices.js';

export const DAYS_PER_MONTH = 30;
/** The order's tail, priced per order rather than per invocation of these functions. */
const TAIL_FUNCTIONS = new Set(['publishDomainEvents', 'exportChanges', 'countOrderEvent']);

export interface CostInputs {
  operations: readonly OperationCapacity[];
  /** Measured warm durations by function, ms; the rest are assumed. */
  measuredDurationsMs: Readonly<Record<string, number>>;
  prices: PriceTable;
  /** The trading-day simulation: invocations by function and cold starts per function. */
  fleet: FleetSimulation;
  /** Metered units of functions the capacity measurement does not meter: `countOrderEvent` per paid order, schedules per run. */
  measuredTail?: {
    rollup?: { read: number; write: number };
    perRun?: Readonly<Record<string, { read: number; write: number }>>;
  };
  app?: AppDefinition;
}

export interface CostEstimate {
  per1000Orders: { lines: UsageLine[]; report: CostReport };
  month: {
    ordersPerMonth: number;
    requestsPerMonth: number;
    lines: UsageLine[];
    report: CostReport;
    /** HTTP functions the mix calls that have no measured units (priced at 0 units). */
    unmeasured: string[];
  };
  batchesPerOrder: { publishDomainEvents: number; exportChanges: number };
}

/**
 * Turns measured units and durations into the cost of 1,000 POS orders and the month's bill of
 * the request mix (the simulated trading day × 30), at one price table. Deterministic for its
 * inputs; the script (cost-cli.ts) gathers them.
 */
export const estimateCost = (inputs: CostInputs): CostEstimate => {
  const app: AppDefinition = inputs.app ?? appDefinition;
  const { fleet } = inputs;
  const day = fleet.byFunction;
  const orders = day.createOrder ?? 0;
  if (orders === 0) throw new Error('The simulated day places no orders');
  const headline = scenarioOf(fleet, 'per-route', HEADLINE_IDLE_MINUTES).result;
  const coldStartsPer1000 = Object.fromEntries(
    headline.units.map((unit) => [unit.unit, (unit.coldStarts / unit.invocations) * 1000]),
  );
  const timings: FunctionTimings = {
    durationMs: inputs.measuredDurationsMs,
    coldStartsPer1000,
    initMs: DEFAULT_INIT.routeInitMs,
  };
  const batchesPerOrder = {
    publishDomainEvents: (day.publishDomainEvents ?? 0) / orders,
    exportChanges: (day.exportChanges ?? 0) / orders,
  };
  const perOrder = posOrderLines({
    operations: inputs.operations,
    timings,
    batchesPerOrder,
    app,
    ...(inputs.measuredTail?.rollup ? { measuredRollup: inputs.measuredTail.rollup } : {}),
  });
  const per1000Lines = scaleLines(perOrder, 1000);

  const httpFunctions = new Set(httpRoutes(app).map((route) => route.functionName as string));
  const unmeasured: string[] = [];
  const monthLines: UsageLine[] = [];
  for (const [fn, count] of Object.entries(day)) {
    if (TAIL_FUNCTIONS.has(fn)) continue;
    const definition = app.functions[fn];
    if (!definition) throw new Error(`The simulated day invokes ${fn}, which the app definition lacks`);
    let units = inputs.measuredTail?.perRun?.[fn] ?? { read: 0, write: 0 };
    if (httpFunctions.has(fn))
      try {
        units = unitsOfFunction(inputs.operations, fn, POS_SALE_VARIANTS[fn], app);
      } catch {
        unmeasured.push(fn);
      }
    monthLines.push({
      name: fn,
      count: count * DAYS_PER_MONTH,
      http: httpFunctions.has(fn),
      memoryMb: definition.memorySize ?? 512,
      durationMs: inputs.measuredDurationsMs[fn] ?? assumedDurationMs(fn, definition),
      initMs: DEFAULT_INIT.routeInitMs,
      coldStartsPer1000: coldStartsPer1000[fn] ?? 0,
      readUnits: units.read,
      writeUnits: units.write,
      events: 0,
      s3Puts: 0,
      sqsRequests: 0,
    });
  }
  // The tail of every order placed in the month (till and web alike).
  const tail = perOrder.filter((line) => TAIL_FUNCTIONS.has(line.name));
  monthLines.push(...scaleLines(tail, orders * DAYS_PER_MONTH));
  return {
    per1000Orders: { lines: per1000Lines, report: costOf(per1000Lines, inputs.prices) },
    month: {
      ordersPerMonth: orders * DAYS_PER_MONTH,
      requestsPerMonth: monthLines.filter((line) => line.http).reduce((sum, line) => sum + line.count, 0),
      lines: monthLines,
      report: costOf(monthLines, inputs.prices),
      unmeasured: unmeasured.sort(),
    },
    batchesPerOrder,
  };
};
