/**
 * The lake's daily jobs as `npm run report` runs them locally, in order: compaction first (the
 * curated tables), then whatever builds on it. One list, so a new daily job (the report files
 * writer) is one entry here and the CLI runs it like the others.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { compactPending } from '../../lib/lake/compact-pending.js';

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
];
