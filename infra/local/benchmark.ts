/**
 * `npm run bench`: prints latency and throughput figures for typical requests against the
 * local runtime (in memory, demo data), and the size of every function's bundle built the way
 * CDK builds it. Figures, not assertions: speed is measured here, never in a timed test.
 * Locally every handler shares one process and DynamoDB Local is far slower than DynamoDB,
 * so compare runs with each other, not with production.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { startLocalRuntime } from './local-runtime.js';
import { REPO_ROOT } from './repo-paths.js';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    'skip-bundles': { type: 'boolean', default: false },
    'only-lake': { type: 'boolean', default: false },
    'only-import': { type: 'boolean', default: false },
    'import-rows': { type: 'string', default: '5000' },
    'report-orders': { type: 'string', default: '100,10000' },
  },
});
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);

interface Scenario {
  name: string;
  request: (i: number) => { method: string; path: string; body?: unknown; headers?: Record<string, string> };
  expect: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const run = async (baseUrl: string, token: string, scenario: Scenario) => {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < REQUESTS) {
      const { method, path, body, headers } = scenario.request(next++);
      const t0 = performance.now();
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (response.status !== scenario.expect) failures++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const ms = (value: number) => value.toFixed(1).padStart(7);
  console.log(
    `${scenario.name.padEnd(34)} ${ms(percentile(latencies, 50))} ${ms(percentile(latencies, 95))} ${ms(
      percentile(latencies, 99),
    )} ${(latencies.length / seconds).toFixed(0).padStart(7)} ${String(failures).padStart(6)}`,
  );
};

const bundleSizes = async () => {
  console.log('\nBundle sizes (esbuild, minified ESM for node22, as CDK bundles them)');
  const rows: [string, number][] = [];
  // Imported late: loading lib/ before the local environment is applied would configure Powertools for AWS.
  const { functionEntries } = await import('../app-definition.js');
  for (const [name, fn] of functionEntries()) {
    const result = await build({
      entryPoints: [join(REPO_ROOT, fn.entry)],
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      mainFields: ['module', 'main'],
      write: false,
      logLevel: 'silent',
    });
    rows.push([name, result.outputFiles[0]?.contents.byteLength ?? 0]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  for (const [name, bytes] of rows)
    console.log(`  ${name.padEnd(28)} ${(bytes / 1024).toFixed(0).padStart(6)} KB`);
};

const main = async () => {
  if (args['only-lake']) return (await import('./benchmark-lake.js')).benchLakeExport();
  const runtime = await startLocalRuntime({ seed: true, quiet: true });
  try {
    // Imported late: lib/ reads the environment the runtime set.
    const { benchImport } = await import('./benchmark-import.js');
    if (args['only-import']) return await benchImport(Number(args['import-rows']));
    const admin = await runtime.signToken({ role: 'admin' });
    const sku = 'ACU-OAS-2W-BC84-M100';
    await fetch(`${runtime.url}/stores/st_web/inventory/${sku}/adjustments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ delta: REQUESTS * 2, reason: 'received', note: 'benchmark stock' }),
    });
    const scenarios: Scenario[] = [
      { name: 'GET /health', request: () => ({ method: 'GET', path: '/health' }), expect: 200 },
      {
        name: 'GET /stores/{id}',
        request: () => ({ method: 'GET', path: '/stores/st_syd_cbd' }),
        expect: 200,
      },
      {
        name: 'GET /products?category (25)',
        request: () => ({ method: 'GET', path: '/products?category=contact-lenses' }),
        expect: 200,
      },
      {
        name: 'GET /stores/{id}/inventory (25)',
        request: () => ({ method: 'GET', path: '/stores/st_syd_cbd/inventory' }),
        expect: 200,
      },
      {
        name: 'POST /orders (1 line)',
        request: () => ({
          method: 'POST',
          path: '/orders',
          headers: { 'idempotency-key': randomUUID() },
          body: { storeId: 'st_web', channel: 'online', lines: [{ sku, quantity: 1 }] },
        }),
        expect: 201,
      },
    ];
    console.log(
      `${REQUESTS} requests per scenario, ${CONCURRENCY} in flight, local runtime + DynamoDB Local`,
    );
    console.log(
      `${'scenario'.padEnd(34)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'req/s'.padStart(7)} ${'errors'.padStart(6)}`,
    );
    for (const scenario of scenarios) await run(runtime.url, admin, scenario);
    const [few = 100, many = 10_000] = args['report-orders'].split(',').map(Number);
    // Imported late, like the app definition below: lib/ reads the environment the runtime set.
    const { benchReportReads } = await import('./report-reads-bench.js');
    await benchReportReads(runtime.url, admin, few, many);
    await benchImport(Number(args['import-rows']));
  } finally {
    await runtime.stop();
  }
  await (await import('./benchmark-lake.js')).benchLakeExport();
  if (!args['skip-bundles']) await bundleSizes();
};

await main();
