import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_LAKE_BUCKET, localLakeS3Client } from '../../infra/local/lake-location.js';
import { type LocalS3, startLocalS3 } from '../../infra/local/local-s3.js';
import { REPO_ROOT } from '../../infra/local/repo-paths.js';
import { lakeDayOf, previousDay } from '../../lib/lake/lake-days.js';
import { putChanges } from '../support/lake-fixtures.js';
import { dayAChanges, dayBChanges } from '../support/lake-scenario.js';

const run = promisify(execFile);
const dayB = previousDay(lakeDayOf(new Date()));
const dayA = previousDay(dayB);

let stateDir: string;

/** Runs a CLI as `npm run` does, with a state folder of its own; never throws, gives the exit code. */
const cli = async (script: string, args: string[]) => {
  try {
    const { stdout, stderr } = await run(
      join(REPO_ROOT, 'node_modules/.bin/tsx'),
      [join(REPO_ROOT, script), ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, STOREFLEET_STATE_DIR: stateDir },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'lake-cli-'));
  // The lake on disk, as a stopped npm start leaves it in .data/s3.
  const server = await startLocalS3({ directory: join(stateDir, 's3'), buckets: [LOCAL_LAKE_BUCKET] });
  const s3 = localLakeS3Client(server.endpoint);
  await putChanges(s3, LOCAL_LAKE_BUCKET, dayA, dayAChanges(dayA));
  await putChanges(s3, LOCAL_LAKE_BUCKET, dayB, dayBChanges(dayB));
  s3.destroy();
  await server.stop();
});

afterAll(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

describe('npm run report and npm run query on .data/s3 (no npm start running)', () => {
  it('compacts the days and says which lake it used', async () => {
    const result = await cli('infra/local/report-cli.ts', ['--date', dayB]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`on the lake in ${join(stateDir, 's3')} (no npm start is running)`);
    expect(result.stdout).toMatch(
      new RegExp(`^compact: days=${dayA}, ${dayB} changes=29 orders=3 order_lines=4 `),
    );
  });

  it('runs a named query as CSV', async () => {
    const result = await cli('infra/local/query-cli.ts', ['--named', 'stock_value_by_store', '--csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\r\n')).toEqual([
      'day,store_id,currency,skus,units,stock_value,at_or_below_reorder_point,out_of_stock',
      `${dayB},st_a,AUD,2,27,5150,0,0`,
      `${dayB},st_b,AUD,2,11,4700,1,0`,
      '',
    ]);
  });

  it('answers bad SQL and bad arguments with a message and a failing exit code', async () => {
    const bad = await cli('infra/local/query-cli.ts', ['select nope from orders']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/query: Binder Error: .*"nope"/);
    const unknown = await cli('infra/local/query-cli.ts', ['--named', 'nothing']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no named query "nothing"');
    const badDay = await cli('infra/local/report-cli.ts', ['--date', '2026-02-30']);
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('--date must be a day');
  });
});

describe('with npm start running', () => {
  let server: LocalS3;

  beforeAll(async () => {
    server = await startLocalS3({ directory: join(stateDir, 'running-s3'), buckets: [LOCAL_LAKE_BUCKET] });
    const s3 = localLakeS3Client(server.endpoint);
    await putChanges(s3, LOCAL_LAKE_BUCKET, dayB, dayBChanges(dayB));
    s3.destroy();
    // The runtime record a running npm start writes (this process stands in for it).
    await writeFile(
      join(stateDir, 'runtime.json'),
      JSON.stringify({
        pid: process.pid,
        url: 'http://127.0.0.1:1',
        dynamoEndpoint: process.env.DYNAMODB_ENDPOINT,
        tableName: process.env.TABLE_NAME,
        inMemory: true,
        startedAt: new Date().toISOString(),
        s3Endpoint: server.endpoint,
        s3Directory: join(stateDir, 'running-s3'),
      }),
    );
  });

  afterAll(async () => {
    await rm(join(stateDir, 'runtime.json'), { force: true });
    await server?.stop();
  });

  it('queries that lake, and says so', async () => {
    const result = await cli('infra/local/query-cli.ts', [
      'select entity, count(*) as n from changes group by entity order by entity',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`the running npm start's lake at ${server.endpoint} (in memory)`);
    expect(result.stdout).toContain('Order             | 8');
  });
});
