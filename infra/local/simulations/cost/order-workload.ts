import { appDefinition, httpRoutes } from '../../../app-definition.js';
import type { AppDefinition } from '../../../app-definition-types.js';
import { assumedDurationMs } from '../assumed-durations.js';
import { DEFAULT_INIT } from '../fleet/packaging.js';
import { activities } from '../fleet/request-mix.js';
import type { UsageLine } from './cost-model.js';

/**
 * Part B's measurement of one HTTP operation (infra/local/capacity/measure-operations.ts),
 * mirrored here structurally so the cost model can be fed and tested before that part lands.
 */
export interface OperationCapacity {
  operation: string;
  route: string;
  read: number;
  write: number;
  budget: { read: number; write: number };
}

/**
 * What the order's tail costs beyond its HTTP requests, per order: the stream readers and bus
 * consumers. These are stated assumptions, not measurements (the capacity measurement meters HTTP operations
 * only), each with its reasoning; docs/cost.md prints them as such.
 */
export const ORDER_TAIL = {
  /**
   * Published item changes of one POS order: the order placed, paid, fulfilled, completed (4),
   * each of its 2 lines' levels committed at placement and taken at fulfilment (4), the
   * customer's points at completion (1). One bus event each, each well under 64 KB.
   */
  publishedChanges: 9,
  /** One audit item per published change, written by the change exporter (≤ 1 KB: 1 WRU). */
  auditWritesPerChange: 1,
  /**
   * The reports' rollups of one paid order (countOrderEvent), where they are not metered
   * (`npm run cost` meters them, measure-tail.ts): a transaction of the event's idempotency
   * record, the sale memo, the takings counter and one counter per line (5 items, 2 WRU each)
   * plus each line's last-sold update (1 WRU): 12 WRU, no reads.
   */
  rollupWrites: 12,
  /** The lake's change objects: one PUT per change-export batch. */
  s3PutsPerExportBatch: 1,
};

/** Warm durations and cold starts per 1,000 invocations, by function (measured or assumed). */
export interface FunctionTimings {
  durationMs: Readonly<Record<string, number>>;
  coldStartsPer1000: Readonly<Record<string, number>>;
  initMs?: number;
}

/** `GET /stores/{storeId}` for an operation, from the app definition's route contracts. */
export const routeKeyOf = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

/**
 * The measured units of the function serving a route: the operation whose name matches
 * `variant` if given (the capacity measurement names variants such as 2 lines + customer, final payment),
 * else the route's first operation.
 */
export const unitsOfFunction = (
  operations: readonly OperationCapacity[],
  functionName: string,
  variant?: RegExp,
  app: AppDefinition = appDefinition,
): { read: number; write: number; operation: string } => {
  const route = httpRoutes(app).find((entry) => entry.functionName === functionName)?.route;
  if (!route) throw new Error(`${functionName} serves no HTTP route`);
  const key = routeKeyOf(route.method, route.path);
  const candidates = operations.filter((op) => op.route === key);
  const chosen = (variant && candidates.find((op) => variant.test(op.operation))) ?? candidates[0];
  if (!chosen) throw new Error(`No measured operation for ${key} (${functionName})`);
  return { read: chosen.read, write: chosen.write, operation: chosen.operation };
};

/** The variant of each POS-sale step that the capacity measurement names separately. */
export const POS_SALE_VARIANTS: Readonly<Record<string, RegExp>> = {
  createOrder: /2 lines/i,
  // A till sale is paid in one payment, which is the final one (the order becomes PAID).
  recordOrderPayment: /final|rest|paid/i,
};

export interface OrderWorkloadInputs {
  operations: readonly OperationCapacity[];
  /** The rollups of one paid order as metered (measure-tail.ts); else ORDER_TAIL's assumption. */
  measuredRollup?: { read: number; write: number };
  timings: FunctionTimings;
  /** Stream batches per order, from the fleet simulation's day (each reader's batches ÷ orders). */
  batchesPerOrder: { publishDomainEvents: number; exportChanges: number };
  app?: AppDefinition;
}

/**
 * The usage lines of ONE POS sale (the request mix's `pos-sale` activity: customer lookup, order,
 * payment, hand-over, receipt) and its tail. Multiply by 1,000 for the cost per 1,000 orders.
 */
export const posOrderLines = (inputs: OrderWorkloadInputs): UsageLine[] => {
  const app: AppDefinition = inputs.app ?? appDefinition;
  const sale = activities.find((activity) => activity.name === 'pos-sale');
  if (!sale) throw new Error('The request mix has no pos-sale activity');
  const line = (fn: string, count: number, use: Partial<UsageLine>): UsageLine => {
    const definition = app.functions[fn];
    if (!definition) throw new Error(`No function ${fn}`);
    return {
      name: fn,
      count,
      http: false,
      memoryMb: definition.memorySize ?? 512,
      durationMs: inputs.timings.durationMs[fn] ?? assumedDurationMs(fn, definition),
      initMs: inputs.timings.initMs ?? DEFAULT_INIT.routeInitMs,
      coldStartsPer1000: inputs.timings.coldStartsPer1000[fn] ?? 0,
      readUnits: 0,
      writeUnits: 0,
      events: 0,
      s3Puts: 0,
      sqsRequests: 0,
      ...use,
    };
  };
  const requests = sale.steps.map((step) => {
    const units = unitsOfFunction(inputs.operations, step.fn, POS_SALE_VARIANTS[step.fn], app);
    return line(step.fn, step.count, { http: true, readUnits: units.read, writeUnits: units.write });
  });
  const tail = ORDER_TAIL;
  return [
    ...requests,
    line('publishDomainEvents', inputs.batchesPerOrder.publishDomainEvents, {
      events: tail.publishedChanges / inputs.batchesPerOrder.publishDomainEvents,
    }),
    line('exportChanges', inputs.batchesPerOrder.exportChanges, {
      s3Puts: tail.s3PutsPerExportBatch,
      writeUnits: (tail.publishedChanges * tail.auditWritesPerChange) / inputs.batchesPerOrder.exportChanges,
    }),
    line('countOrderEvent', 1, {
      readUnits: inputs.measuredRollup?.read ?? 0,
      writeUnits: inputs.measuredRollup?.write ?? tail.rollupWrites,
    }),
  ];
};
