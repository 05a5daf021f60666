import { describe, expect, it } from 'vitest';
import { durationsFromFigures } from '../../../infra/local/simulations/cost/bench-durations.js';
import {
  COST_BEGIN,
  COST_END,
  renderCostSection,
  replaceCostSection,
} from '../../../infra/local/simulations/cost/cost-doc.js';
import { estimateCost } from '../../../infra/local/simulations/cost/cost-estimate.js';
import {
  costOf,
  gbSecondsPerInvocation,
  scaleLines,
  type UsageLine,
} from '../../../infra/local/simulations/cost/cost-model.js';
import {
  type OperationCapacity,
  posOrderLines,
  unitsOfFunction,
} from '../../../infra/local/simulations/cost/order-workload.js';
import { US_EAST_1_PRICES } from '../../../infra/local/simulations/cost/prices.js';
import { simulateFleet } from '../../../infra/local/simulations/fleet/fleet-simulation.js';

const line = (use: Partial<UsageLine>): UsageLine => ({
  name: 'fn',
  count: 1,
  http: false,
  memoryMb: 512,
  durationMs: 0,
  initMs: 0,
  coldStartsPer1000: 0,
  readUnits: 0,
  writeUnits: 0,
  events: 0,
  s3Puts: 0,
  sqsRequests: 0,
  ...use,
});

/** Explicit inputs of the shape measureOperations() (infra/local/capacity/) returns (figures of main before issue 10). */
const operations: OperationCapacity[] = [
  {
    operation: 'createOrder 1 line',
    route: 'POST /orders',
    read: 4,
    write: 20,
    budget: { read: 4, write: 20 },
  },
  {
    operation: 'createOrder 2 lines + customer',
    route: 'POST /orders',
    read: 6,
    write: 34,
    budget: { read: 6, write: 34 },
  },
  {
    operation: 'payment part',
    route: 'POST /orders/{orderId}/payments',
    read: 2,
    write: 22,
    budget: { read: 2, write: 22 },
  },
  {
    operation: 'payment final',
    route: 'POST /orders/{orderId}/payments',
    read: 3.5,
    write: 26,
    budget: { read: 3.5, write: 26 },
  },
  {
    operation: 'fulfil',
    route: 'POST /orders/{orderId}/fulfil',
    read: 1,
    write: 24,
    budget: { read: 1, write: 24 },
  },
  {
    operation: 'complete',
    route: 'POST /orders/{orderId}/complete',
    read: 1,
    write: 26,
    budget: { read: 1, write: 26 },
  },
  { operation: 'find customers', route: 'GET /customers', read: 2, write: 0, budget: { read: 2, write: 0 } },
  {
    operation: 'get product',
    route: 'GET /products/{productId}',
    read: 1,
    write: 0,
    budget: { read: 1, write: 0 },
  },
  {
    operation: 'receipt',
    route: 'GET /orders/{orderId}/receipt',
    read: 2,
    write: 0,
    budget: { read: 2, write: 0 },
  },
];

describe('the cost model', () => {
  it('bills GB-seconds at the configured memory, durations rounded up to the ms, plus the share of INIT', () => {
    // 0.5 GB × (91 ms + 10/1,000 × 300 ms) = 0.047 GB-s
    expect(
      gbSecondsPerInvocation(line({ memoryMb: 512, durationMs: 90.2, initMs: 300, coldStartsPer1000: 10 })),
    ).toBeCloseTo(0.047, 6);
  });

  it('prices each service at the table’s published rates', () => {
    const report = costOf(
      [
        line({
          count: 1_000_000,
          http: true,
          readUnits: 4,
          writeUnits: 22,
          events: 2,
          s3Puts: 0.001,
          sqsRequests: 0,
        }),
      ],
      US_EAST_1_PRICES,
    );
    expect(report.byService['API Gateway']).toBeCloseTo(1.0);
    expect(report.byService['Lambda requests']).toBeCloseTo(0.2);
    expect(report.byService['DynamoDB writes']).toBeCloseTo(22 * 0.625);
    expect(report.byService['DynamoDB reads']).toBeCloseTo(4 * 0.125);
    expect(report.byService.EventBridge).toBeCloseTo(2);
    expect(report.byService.S3).toBeCloseTo(0.005);
    expect(report.total).toBeCloseTo(1 + 0.2 + 13.75 + 0.5 + 2 + 0.005);
    expect(report.byLine[0]?.total).toBeCloseTo(report.total);
  });

  it('charges no API Gateway request for an invocation that is not behind the HTTP API', () => {
    expect(costOf([line({ count: 1e6, http: false })], US_EAST_1_PRICES).byService['API Gateway']).toBe(0);
  });

  it('scales linearly with the counts (per order → per 1,000 orders)', () => {
    const lines = [line({ count: 1, http: true, writeUnits: 30, durationMs: 50 })];
    expect(costOf(scaleLines(lines, 1000), US_EAST_1_PRICES).total).toBeCloseTo(
      costOf(lines, US_EAST_1_PRICES).total * 1000,
    );
  });
});

describe('the order’s usage', () => {
  it('takes the measured variant of each step where the capacity measurement names several, else the route’s first', () => {
    expect(unitsOfFunction(operations, 'createOrder', /2 lines/).write).toBe(34);
    expect(unitsOfFunction(operations, 'createOrder').write).toBe(20);
    expect(() => unitsOfFunction(operations, 'getStore')).toThrow(
      'No measured operation for GET /stores/{storeId}',
    );
  });

  it('is the till sale’s requests with their measured units plus the order’s tail', () => {
    const lines = posOrderLines({
      operations,
      timings: { durationMs: { createOrder: 40 }, coldStartsPer1000: {} },
      batchesPerOrder: { publishDomainEvents: 2, exportChanges: 0.01 },
    });
    const byName = Object.fromEntries(lines.map((l) => [l.name, l]));
    expect(byName.createOrder).toMatchObject({
      http: true,
      count: 1,
      readUnits: 6,
      writeUnits: 34,
      durationMs: 40,
    });
    expect(byName.recordOrderPayment).toMatchObject({ count: 1.1, writeUnits: 26 });
    expect(byName.publishDomainEvents).toMatchObject({ http: false, count: 2, events: 4.5 });
    // The tail's totals per order do not depend on how the stream batches them.
    expect((byName.exportChanges?.count ?? 0) * (byName.exportChanges?.writeUnits ?? 0)).toBeCloseTo(9);
    expect(byName.countOrderEvent).toMatchObject({ count: 1, writeUnits: 12 });
  });

  it('prices the report rollups as metered when they are', () => {
    const lines = posOrderLines({
      operations,
      measuredRollup: { read: 2, write: 6 },
      timings: { durationMs: {}, coldStartsPer1000: {} },
      batchesPerOrder: { publishDomainEvents: 1, exportChanges: 1 },
    });
    expect(lines.find((l) => l.name === 'countOrderEvent')).toMatchObject({ readUnits: 2, writeUnits: 6 });
  });

  it('reads measured durations from benchmark figures named after functions', () => {
    const figures = [
      { section: 'warm', name: 'getStore', unit: 'ms', value: 1.2 },
      { section: 'bundles', name: 'getStore', unit: 'KiB', value: 300 },
      { section: 'warm', name: 'raw GetCommand', unit: 'ms', value: 0.9 },
    ];
    expect(durationsFromFigures(figures, new Set(['getStore', 'createOrder']))).toEqual({ getStore: 1.2 });
  });
});

describe('estimateCost and its doc section', () => {
  const fleet = simulateFleet({ idleMinutes: [10] });
  const estimate = estimateCost({ operations, measuredDurationsMs: {}, prices: US_EAST_1_PRICES, fleet });

  it('prices 1,000 orders and the simulated month, DynamoDB writes first, and names what was not measured', () => {
    const per1000 = estimate.per1000Orders.report;
    expect(per1000.byService['DynamoDB writes']).toBeGreaterThan(per1000.total / 2);
    expect(estimate.month.ordersPerMonth).toBe((fleet.byFunction.createOrder ?? 0) * 30);
    expect(estimate.month.unmeasured).toContain('getStore');
    expect(estimate.month.report.total).toBeGreaterThan(
      per1000.total * (estimate.month.ordersPerMonth / 1000),
    );
  });

  it('renders between its markers and replaces only that part of the doc', () => {
    const section = renderCostSection({
      estimate,
      prices: US_EAST_1_PRICES,
      unitsSource: 'test figures',
      measuredDurations: [],
      scenarios: [],
      generatedOn: '2026-12-01',
    });
    expect(section.startsWith(COST_BEGIN) && section.endsWith(COST_END)).toBe(true);
    expect(section).toContain('| createOrder | 1 | yes | 6 | 34 |');
    const doc = `# Cost\n\nhand-written\n\n${COST_BEGIN}\nold\n${COST_END}\n\nafter\n`;
    expect(replaceCostSection(doc, section)).toBe(`# Cost\n\nhand-written\n\n${section}\n\nafter\n`);
    expect(() => replaceCostSection('# no markers', section)).toThrow('markers');
  });
});
