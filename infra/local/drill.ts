/**
 * `npm run drill`: the checking half of a restore, rehearsed locally (docs/runbooks/restore.md).
 * Starts its own DynamoDB Local (in memory), loads the demo data through the services, exports
 * the table (a parallel Scan to a file: DynamoDB Local has no ExportTableToPointInTime), runs a
 * workload on the live table, restores the export into a new table set up as the runbook sets
 * a restored one, and runs the restored-table check (lib/backup/check-table.ts, the code
 * `npm run check-table` runs after a real restore): settings, item counts per entity type
 * against the export, every level against its movements, guards, points, parents. Then it
 * points the services at the restored table, runs the workload again, and checks once more.
 * Prints every check and how long each step took; exits 1 when a check fails, 2 on an error.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { checkTable, formatReport } from '../../lib/backup/check-table.js';
import type { CheckResult, TableCheckReport } from '../../lib/backup/table-check.js';
import { exportTable, restoreExport } from './drill-export.js';
import { localDynamoClient, startDynamoDbLocal } from './dynamodb-local.js';
import { applyLocalEnvironment } from './local-environment.js';
import { ensureTable } from './table-setup.js';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
    'inject-fault': { type: 'boolean', default: false },
    // A DynamoDB Local already running (CI shares one): the drill's two tables are dropped at the end.
    endpoint: { type: 'string' },
  },
});
const ROUNDS = Number(args.rounds);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  console.error('--rounds must be a positive whole number');
  process.exit(2);
}

const started = performance.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
let stepNumber = 0;
const STEPS = 10;

/** Runs one step, printing its name, how long it took and what it did. */
const step = async <T>(name: string, run: () => Promise<T>, says: (result: T) => string): Promise<T> => {
  const t0 = performance.now();
  const result = await run();
  stepNumber++;
  console.log(
    `[${stepNumber}/${STEPS}] ${name.padEnd(44, '.')} ${seconds(performance.now() - t0).padStart(7)}  ${says(result)}`,
  );
  return result;
};

/**
 * `--inject-fault`: drops one stock movement from the export before the restore, as a lossy
 * restore would, to prove the drill notices (it must then fail its counts and ledger checks).
 */
const dropOneMovement = (file: string): string => {
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((line) => {
    const item = line
      ? (JSON.parse(line) as { Item: Record<string, { S?: string; N?: string }> }).Item
      : undefined;
    return item?.entityType?.S === 'InventoryMovement' && Number(item.onHandDelta?.N ?? 0) !== 0;
  });
  const [dropped] = index < 0 ? [] : lines.splice(index, 1);
  if (!dropped) throw new Error('The export holds no stock movement to drop');
  writeFileSync(file, lines.join('\n'));
  const { Item } = JSON.parse(dropped) as { Item: Record<string, { S?: string }> };
  return `${Item.pk?.S} / ${Item.sk?.S}`;
};

const failedChecks: string[] = [];
/** The checks of one table (and its counts per entity type with `counts`). */
const printReport = (title: string, report: TableCheckReport, counts = false) => {
  console.log(`      ${title}`);
  for (const line of formatReport(report, { counts })) console.log(`        ${line}`);
  for (const check of report.checks) if (check.failureCount > 0) failedChecks.push(`${title}: ${check.name}`);
};
const printCheck = (check: CheckResult) => {
  console.log(`        ${check.failureCount === 0 ? '✓' : '✗'} ${check.name} (${check.checked})`);
  for (const failure of check.failures) console.log(`            ${failure}`);
  if (check.failureCount > 0) failedChecks.push(check.name);
};

const main = async (): Promise<void> => {
  const id = randomBytes(4).toString('hex');
  const source = `drill-source-${id}`;
  const restored = `drill-restored-${id}`;
  const folder = mkdtempSync(join(tmpdir(), 'storefleet-drill-'));
  const exportFile = join(folder, 'export.jsonl');

  const external = args.endpoint;
  const dynamo = await step(
    external ? 'use the running DynamoDB Local' : 'start DynamoDB Local',
    async () =>
      external
        ? {
            endpoint: external,
            // Not ours to stop: drop what the drill created instead.
            stop: async () => {
              for (const TableName of [source, restored])
                await client.send(new DeleteTableCommand({ TableName })).catch(() => undefined);
            },
          }
        : startDynamoDbLocal(),
    (db) => db.endpoint,
  );
  const client = localDynamoClient(dynamo.endpoint);
  try {
    await applyLocalEnvironment({
      tableName: source,
      dynamoEndpoint: dynamo.endpoint,
      cursorSecret: randomBytes(32).toString('base64url'),
      quiet: true,
    });
    // Loaded only now: lib/ reads the environment just applied.
    const { seedDemoData } = await import('./seed.js');
    const { runWorkload } = await import('./drill-workload.js');

    await step(
      'load the demo data (services)',
      async () => {
        await ensureTable(client, source);
        return seedDemoData();
      },
      (seed) => `${seed.stores} stores, ${seed.products} products, stock, customers, orders into ${source}`,
    );
    const before = await step(
      'check the source table',
      () => checkTable(client, source, { settings: false }),
      (report) => `${report.itemCount} items, ${report.ok ? 'sound' : 'FAILED'}`,
    );
    printReport(`source ${source}`, before);

    const exported = await step(
      'export it (parallel Scan to a file)',
      () => exportTable(client, source, exportFile),
      (result) => `${result.items} items → ${exportFile}`,
    );
    if (args['inject-fault'])
      console.log(
        `      fault injected: dropped the movement ${dropOneMovement(exportFile)} from the export`,
      );
    const work = await step(
      'run the workload on the live table',
      () => runWorkload(ROUNDS, 'live'),
      (result) =>
        `${result.orders} orders (${result.refunds} refunded, ${result.cancellations} cancelled), ${result.adjustments} adjustments, ${result.transfers} transfers`,
    );
    const live = await step(
      'check the live table after the workload',
      () => checkTable(client, source, { settings: false }),
      (report) => `${report.itemCount} items (+${report.itemCount - exported.items} since the export)`,
    );
    printReport(`live ${source}`, live);

    const restoredItems = await step(
      'restore the export into a new table',
      () => restoreExport(client, exportFile, restored),
      (items) => `${items} items → ${restored} (stream, TTL, deletion protection)`,
    );
    const after = await step(
      'check the restored table',
      () => checkTable(client, restored, { expectedCounts: exported.countsByType }),
      (report) => `${report.itemCount} items, ${report.ok ? 'matches the export' : 'FAILED'}`,
    );
    printReport(`restored ${restored}`, after, true);
    // The point of a restore: the table as it was, not as it is (the workload's writes are not in it).
    printCheck({
      name: 'the restored table is the export, without the later writes',
      checked: `restored ${restoredItems}, exported ${exported.items}, live ${live.itemCount} after ${work.orders} orders`,
      failureCount: restoredItems === exported.items && live.itemCount > exported.items ? 0 : 1,
      failures:
        restoredItems === exported.items && live.itemCount > exported.items
          ? []
          : [`restored ${restoredItems} items, exported ${exported.items}, live ${live.itemCount}`],
    });

    // What pointing a stage at it means: the same services, another TABLE_NAME.
    process.env.TABLE_NAME = restored;
    await step(
      'point the services at it, run the workload',
      () => runWorkload(Math.max(1, Math.ceil(ROUNDS / 3)), 'restored'),
      (result) => `${result.orders} orders, ${result.adjustments} adjustments, ${result.transfers} transfers`,
    );
    const serving = await step(
      'check the restored table in use',
      () => checkTable(client, restored),
      (report) => `${report.itemCount} items, ${report.ok ? 'sound' : 'FAILED'}`,
    );
    printReport(`restored ${restored} in use`, serving);
  } finally {
    await dynamo.stop();
    client.destroy();
    if (args.keep) console.log(`export kept in ${exportFile}`);
    else rmSync(folder, { recursive: true, force: true });
  }

  const total = seconds(performance.now() - started);
  if (failedChecks.length > 0) {
    console.error(`\ndrill FAILED in ${total}: ${failedChecks.join('; ')}`);
    process.exitCode = 1;
  } else console.log(`\ndrill passed in ${total}: every check of every table holds`);
};

try {
  await main();
} catch (error) {
  console.error('drill stopped by an error:', error);
  process.exitCode = 2;
}
