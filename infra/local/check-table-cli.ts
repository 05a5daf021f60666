/**
 * `npm run check-table -- --table <name> [--region <region>] [--expect-counts <file>]
 *   [--write-counts <file>] [--segments <n>] [--endpoint <url>] [--json]`
 *
 * The restored-table check (lib/backup/check-table.ts) against a real table in AWS, with the
 * credentials of the shell (profile, SSO session, role), or against DynamoDB Local with
 * `--endpoint`. The runbook (docs/runbooks/restore.md) runs it on a restored table before a
 * stage is pointed at it; `npm run drill` runs the same code locally. Read-only: a strongly
 * consistent parallel Scan and three Describe calls. Exit 0 when every check holds, 1 when one
 * fails, 2 on a usage or access error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkTable, formatReport } from '../../lib/backup/check-table.js';
import { DEFAULT_SEGMENTS } from '../../lib/backup/table-scan.js';
import { toolDynamoClient } from './dynamodb-local.js';

const USAGE =
  'usage: npm run check-table -- --table <name> [--region <region>] [--expect-counts <file>] [--write-counts <file>] [--segments <n>] [--endpoint <url>] [--json]';

const fail = (message: string): never => {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
};

const { values: args } = parseArgs({
  options: {
    table: { type: 'string' },
    region: { type: 'string' },
    endpoint: { type: 'string' },
    segments: { type: 'string', default: String(DEFAULT_SEGMENTS) },
    'expect-counts': { type: 'string' },
    'write-counts': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const tableName = args.table ?? fail('--table is required');
const segments = Number(args.segments);
if (!Number.isInteger(segments) || segments < 1 || segments > 1_000_000)
  fail('--segments must be a whole number ≥ 1');

const readCounts = (file: string): Record<string, number> => {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const counts = (parsed as { countsByType?: unknown }).countsByType ?? parsed;
  if (
    typeof counts !== 'object' ||
    counts === null ||
    !Object.values(counts).every((n) => Number.isInteger(n) && (n as number) >= 0)
  )
    fail(`${file} must hold counts per entity type ({"Order": 12, …}) or a --json report`);
  return counts as Record<string, number>;
};

const client = toolDynamoClient({ endpoint: args.endpoint, region: args.region });

try {
  const expectedCounts = args['expect-counts'] ? readCounts(args['expect-counts']) : undefined;
  const started = performance.now();
  const report = await checkTable(client, tableName, {
    segments,
    ...(expectedCounts ? { expectedCounts } : {}),
  });
  if (args['write-counts'])
    writeFileSync(args['write-counts'], `${JSON.stringify(report.countsByType, null, 2)}\n`);
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(`check of ${tableName} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    for (const line of formatReport(report)) console.log(line);
    console.log(report.ok ? 'every check holds' : 'CHECK FAILED: do not point a stage at this table');
  }
  process.exitCode = report.ok ? 0 : 1;
} catch (error) {
  console.error(
    `check-table could not read ${tableName}: ${(error as Error).name}: ${(error as Error).message}`,
  );
  process.exitCode = 2;
} finally {
  client.destroy();
}
