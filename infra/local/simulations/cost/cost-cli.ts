/**
 * `npm run cost [-- --units <file.json>] [--bench <file.json>] [--write]`: the cost per 1,000
 * orders and the month's bill of the stated workload, from measured capacity units
 * (`measureOperations()` of infra/local/capacity/, or a JSON array of the same shape with --units),
 * the benchmark's measured durations (its JSON) and the fleet simulation. --write regenerates the generated section of docs/cost.md.
 *
 * Everything that loads lib/ is imported after the units are measured: measuring sets the
 * local environment, which lib/ reads when it first loads.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureOperations } from '../../capacity/measure-operations.js';
import { REPO_ROOT } from '../../repo-paths.js';
import type { OperationCapacity } from './order-workload.js';

const { values: args } = parseArgs({
  options: {
    units: { type: 'string' },
    bench: { type: 'string', default: join(REPO_ROOT, '.data/bench/latest.json') },
    write: { type: 'boolean', default: false },
  },
});

const measuredUnits = async (): Promise<{ operations: OperationCapacity[]; source: string }> => {
  if (args.units)
    return {
      operations: JSON.parse(readFileSync(args.units, 'utf8')) as OperationCapacity[],
      source: `read from ${args.units}`,
    };
  return {
    operations: await measureOperations(),
    source: 'measured by `measureOperations()` (infra/local/capacity/) on DynamoDB Local with the demo data',
  };
};

/** The tail's metered units, from a process of its own (one local environment per process). */
const measuredTail = (): {
  rollup: { read: number; write: number };
  expiryRun: { read: number; write: number };
} => {
  const out = execFileSync(
    join(REPO_ROOT, 'node_modules/.bin/tsx'),
    [join(REPO_ROOT, 'infra/local/simulations/cost/measure-tail.ts')],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const last = out.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last);
};

const main = async () => {
  const tail = measuredTail();
  const { operations, source } = await measuredUnits();
  const [
    { appDefinition },
    { assumedDurationMs },
    { simulateFleet },
    { estimateCost },
    docs,
    { US_EAST_1_PRICES },
    bench,
  ] = await Promise.all([
    import('../../../app-definition.js'),
    import('../assumed-durations.js'),
    import('../fleet/fleet-simulation.js'),
    import('./cost-estimate.js'),
    import('./cost-doc.js'),
    import('./prices.js'),
    import('./bench-durations.js'),
  ]);
  const measuredDurationsMs = bench.durationsFromFigures(
    bench.readBenchFigures(args.bench),
    new Set(Object.keys(appDefinition.functions)),
  );
  const fleet = simulateFleet({ measuredDurationsMs, idleMinutes: [10] });
  const inputs = {
    operations,
    measuredDurationsMs,
    prices: US_EAST_1_PRICES,
    fleet,
    measuredTail: { rollup: tail.rollup, perRun: { expireUnpaidOrders: tail.expiryRun } },
  };
  const estimate = estimateCost(inputs);
  // How much the bill leans on durations: every one of them (measured or assumed) doubled.
  const doubledMs = Object.fromEntries(
    Object.entries(appDefinition.functions).map(([fn, definition]) => [
      fn,
      2 * (measuredDurationsMs[fn] ?? assumedDurationMs(fn, definition)),
    ]),
  );
  const doubled = estimateCost({
    ...inputs,
    measuredDurationsMs: doubledMs,
    fleet: simulateFleet({ measuredDurationsMs: doubledMs, idleMinutes: [10] }),
  });
  const section = docs.renderCostSection({
    estimate,
    prices: US_EAST_1_PRICES,
    unitsSource: source,
    measuredDurations: Object.keys(measuredDurationsMs),
    measuredTail: { rollup: tail.rollup, expiryRun: tail.expiryRun },
    scenarios: [{ name: 'every duration doubled', per1000Orders: doubled.per1000Orders.report.total }],
    generatedOn: new Date().toISOString().slice(0, 10),
  });
  console.log(section);
  if (args.write) {
    const file = join(REPO_ROOT, 'docs/cost.md');
    writeFileSync(file, docs.replaceCostSection(readFileSync(file, 'utf8'), section));
    console.log(`\nwrote ${file}`);
  }
};

await main();
process.exit(0);
