/**
 * The lake's daily jobs as `npm run report` runs them locally, in order: compaction first (the
 * curated tables), then whatever builds on it. One list, so a new daily job (the report files
 * writer) is one entry here and the CLI runs it like the others.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { S3Client } from '@aws-sdk/client-s3';
import { compactPending } from '../../lib/lake/compact-pending.js';
import { REPO_ROOT } from './repo-paths.js';

const run = promisify(execFile);

/**
 * The report files come from the rollups in the table, so they need the database as well as the
 * lake: the job invokes the scheduled function through `npm run invoke`, which picks the running
 * npm start's database and lake (or `.data/`) exactly as for any other function, with the event
 * the schedule would send the morning after the day.
 */
const writeReportFilesFor = async (day: string): Promise<Record<string, string | number>> => {
  const dir = await mkdtemp(join(tmpdir(), 'storefleet-report-'));
  try {
    const eventFile = join(dir, 'event.json');
    const morningAfter = new Date(Date.parse(`${day}T01:30:00Z`) + 86_400_000).toISOString();
    await writeFile(eventFile, JSON.stringify({ 'detail-type': 'Scheduled Event', time: morningAfter }));
    const { stdout } = await run(
      join(REPO_ROOT, 'node_modules/.bin/tsx'),
      [join(REPO_ROOT, 'infra/local/invoke.ts'), 'writeReportFiles', eventFile],
      { cwd: REPO_ROOT, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
    );
    const summary = JSON.parse(stdout) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(summary).filter(
        (entry): entry is [string, string | number] =>
          typeof entry[1] === 'string' || typeof entry[1] === 'number',
      ),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

export interface DailyJobContext {
  s3: S3Client;
  bucket: string;
  day: string;
}

export interface DailyLakeJob {
  name: string;
  description: string;
  run(context: DailyJobContext): Promise<Record<string, string | number>>;
}

export const dailyLakeJobs: readonly DailyLakeJob[] = [
  {
    name: 'compact',
    description: 'Compact the day’s changes into the curated Parquet tables (catching up missed days first)',
    run: async ({ s3, bucket, day }) => {
      // Locally there is no Lambda time limit: catch up as far back as the lake goes.
      const results = await compactPending({ s3, bucket, through: day, maxDays: 3660 });
      const last = results.at(-1);
      return {
        days: results.map((result) => result.day).join(', '),
        changes: results.reduce((sum, result) => sum + result.changes, 0),
        ...Object.fromEntries((last?.tables ?? []).map((table) => [table.table, table.rows])),
      };
    },
  },
  {
    name: 'files',
    description: 'Write the day’s sales and takings reports as CSV, Parquet and manifest.json under reports/',
    run: ({ day }) => writeReportFilesFor(day),
  },
];
