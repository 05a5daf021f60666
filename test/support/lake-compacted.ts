/** A local lake (s3rver) holding the two-day scenario's changes, compacted, with DuckDB over it. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { type LakeDuckDb, openLakeDuckDb } from '../../infra/local/lake-duckdb.js';
import { LOCAL_LAKE_BUCKET, localLakeS3Client } from '../../infra/local/lake-location.js';
import { startLocalS3 } from '../../infra/local/local-s3.js';
import { compactDay } from '../../lib/lake/compact-day.js';
import { lakeDayOf, previousDay } from '../../lib/lake/lake-days.js';
import { putChanges } from './lake-fixtures.js';
import { dayAChanges, dayBChanges } from './lake-scenario.js';

export interface CompactedLake {
  s3: S3Client;
  bucket: string;
  /** The scenario's days, relative to today so the named queries' windows include them. */
  dayA: string;
  dayB: string;
  lake: LakeDuckDb;
  rowsOf(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export const compactedLake = async (): Promise<CompactedLake> => {
  const dayB = previousDay(lakeDayOf(new Date()));
  const dayA = previousDay(dayB);
  const directory = await mkdtemp(join(tmpdir(), 'lake-'));
  const server = await startLocalS3({ directory, buckets: [LOCAL_LAKE_BUCKET] });
  const s3 = localLakeS3Client(server.endpoint);
  await putChanges(s3, LOCAL_LAKE_BUCKET, dayA, dayAChanges(dayA));
  await putChanges(s3, LOCAL_LAKE_BUCKET, dayB, dayBChanges(dayB));
  await compactDay({ s3, bucket: LOCAL_LAKE_BUCKET, day: dayA });
  await compactDay({ s3, bucket: LOCAL_LAKE_BUCKET, day: dayB });
  const lake = await openLakeDuckDb({ s3, bucket: LOCAL_LAKE_BUCKET });
  return {
    s3,
    bucket: LOCAL_LAKE_BUCKET,
    dayA,
    dayB,
    lake,
    rowsOf: async (sql) => {
      const result = await lake.query(sql);
      return result.rows.map((row) =>
        Object.fromEntries(result.columns.map((column, index) => [column, row[index]])),
      );
    },
    close: async () => {
      await lake.close();
      s3.destroy();
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
};
