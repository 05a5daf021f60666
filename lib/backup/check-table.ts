import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { compareCounts, TableCheck, type TableCheckReport } from './table-check.js';
import { scanTable } from './table-scan.js';
import { checkTableSettings } from './table-settings.js';

export interface CheckTableOptions {
  /** Parallel Scan segments. */
  segments?: number;
  /** Counts per entity type the table must have (e.g. the export's, or the source table's). */
  expectedCounts?: Readonly<Record<string, number>>;
  /** Check the table's settings too (stream, TTL, PITR, deletion protection, indexes). */
  settings?: boolean;
}

/**
 * The restored-table check: the same code after a real restore (`npm run check-table`, the
 * runbook) and in the drill (`npm run drill`). Reads the whole table once; returns every check
 * with what it looked at and what failed.
 */
export const checkTable = async (
  client: DynamoDBClient,
  tableName: string,
  options: CheckTableOptions = {},
): Promise<TableCheckReport> => {
  const settings = options.settings === false ? undefined : await checkTableSettings(client, tableName);
  const check = new TableCheck();
  await scanTable(client, tableName, (item) => check.add(unmarshall(item)), options.segments);
  const report = check.report();
  const checks = [
    ...(settings ? [settings] : []),
    ...(options.expectedCounts ? [compareCounts(options.expectedCounts, report.countsByType)] : []),
    ...report.checks,
  ];
  return { ...report, checks, ok: checks.every((result) => result.failureCount === 0) };
};

/** The report as lines for a terminal: the counts (unless `counts: false`), then ✓/✗ per check with its failures. */
export const formatReport = (report: TableCheckReport, options: { counts?: boolean } = {}): string[] => [
  ...(options.counts === false
    ? []
    : [
        `${report.itemCount} items`,
        ...Object.entries(report.countsByType).map(
          ([type, count]) => `  ${type.padEnd(22)} ${String(count).padStart(8)}`,
        ),
      ]),
  ...report.checks.flatMap((check) => [
    `${check.failureCount === 0 ? '✓' : '✗'} ${check.name} (${check.checked})${
      check.failureCount === 0 ? '' : `: ${check.failureCount} failure(s)`
    }`,
    ...check.failures.map((failure) => `    ${failure}`),
    ...(check.failureCount > check.failures.length
      ? [`    … and ${check.failureCount - check.failures.length} more`]
      : []),
  ]),
];
