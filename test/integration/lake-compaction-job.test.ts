import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_LAKE_BUCKET, localLakeS3Client } from '../../infra/local/lake-location.js';
import { type LocalS3, startLocalS3 } from '../../infra/local/local-s3.js';
import { listKeys } from '../../lib/lake/compact-changes-read.js';
import { putChanges } from '../support/lake-fixtures.js';
import { dayAChanges, dayBChanges } from '../support/lake-scenario.js';

// The sample event's time is 2026-12-01T01:30Z: its "yesterday" is 2026-11-30.
const dayA = '2026-11-29';
const dayB = '2026-11-30';

let server: LocalS3;
let s3: S3Client;
let directory: string;
let handler: (event: unknown, context: Context) => Promise<Record<string, unknown>>;
const context = {
  awsRequestId: 'it',
  functionName: 'compactChanges',
  getRemainingTimeInMillis: () => 900_000,
};
const sample = async (name: string) =>
  JSON.parse(
    await (await import('node:fs/promises')).readFile(
      new URL(`../../events/scheduled/${name}`, import.meta.url),
      'utf8',
    ),
  ) as ScheduledEvent;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'lake-job-'));
  server = await startLocalS3({ directory, buckets: [LOCAL_LAKE_BUCKET] });
  s3 = localLakeS3Client(server.endpoint);
  // What the bucket binding and the local runtime give the function; read when it first runs.
  process.env.S3_ENDPOINT = server.endpoint;
  process.env.DATA_LAKE_BUCKET = LOCAL_LAKE_BUCKET;
  // s3rver knows one key pair only; this worker's other AWS clients are not used here.
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  await putChanges(s3, LOCAL_LAKE_BUCKET, dayA, dayAChanges(dayA));
  await putChanges(s3, LOCAL_LAKE_BUCKET, dayB, dayBChanges(dayB));
  ({ handler } = (await import('../../functions/lake/compact-changes.js')) as unknown as {
    handler: typeof handler;
  });
});

afterAll(async () => {
  s3?.destroy();
  await server?.stop();
  await rm(directory, { recursive: true, force: true });
});

describe('the compaction job', () => {
  it('compacts yesterday on its schedule, first catching up the lake’s earlier days', async () => {
    const summary = await handler(await sample('compact-changes.json'), context as unknown as Context);
    expect(summary).toMatchObject({ day: dayB, days: 2, changes: 29, files: 22 });
    const keys = await listKeys(s3, LOCAL_LAKE_BUCKET, 'curated/orders/');
    expect(keys).toEqual([
      `curated/orders/dt=${dayA}/part-00000.parquet`,
      `curated/orders/dt=${dayB}/part-00000.parquet`,
    ]);
  });

  it('re-runs one day when invoked with it', async () => {
    const summary = await handler(await sample('compact-changes-day.json'), context as unknown as Context);
    expect(summary).toMatchObject({ day: dayB, days: 1, changes: 20, files: 11 });
  });

  it('fails on a day that is not one, writing nothing', async () => {
    const before = await listKeys(s3, LOCAL_LAKE_BUCKET, 'curated/');
    await expect(handler({ day: '2026-02-30' }, context as unknown as Context)).rejects.toThrow(/YYYY-MM-DD/);
    expect(await listKeys(s3, LOCAL_LAKE_BUCKET, 'curated/')).toEqual(before);
  });
});
