import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DYNAMODB_LOCAL_CORS } from '../../infra/local/dynamodb-local.js';
import { chooseInvokeDatabase } from '../../infra/local/invoke-database.js';
import { REPO_ROOT } from '../../infra/local/repo-paths.js';
import { RUNTIME_FILE, readRuntimeRecord, writeRuntimeRecord } from '../../infra/local/runtime-file.js';
import { createStore } from '../../lib/stores/store-service.js';
import { admin, storeInput } from '../support/fixtures.js';

/** This worker's DynamoDB Local (test/support/integration-table.ts). */
const endpoint = process.env.DYNAMODB_ENDPOINT ?? '';
const record = (overrides: Partial<Parameters<typeof writeRuntimeRecord>[0]> = {}) => ({
  pid: process.pid,
  url: 'http://127.0.0.1:3999',
  dynamoEndpoint: endpoint,
  tableName: process.env.TABLE_NAME ?? '',
  s3Endpoint: 'http://127.0.0.1:4569',
  s3Directory: '/tmp/storefleet-s3-test',
  inMemory: true,
  startedAt: new Date().toISOString(),
  ...overrides,
});

describe('DynamoDB Local as the local runtime starts it', () => {
  it('lets no web page in a browser reach it (CORS closed to every real origin)', async () => {
    const preflight = await fetch(endpoint, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://some-site.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-amz-target,authorization',
      },
    });
    expect([null, DYNAMODB_LOCAL_CORS]).toContain(preflight.headers.get('access-control-allow-origin'));
    const request = await fetch(endpoint, {
      method: 'POST',
      headers: {
        origin: 'http://localhost:5173',
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
        authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/ap-southeast-2/dynamodb/aws4_request',
      },
      body: '{}',
    });
    expect(request.status).toBe(200);
    expect([null, DYNAMODB_LOCAL_CORS]).toContain(request.headers.get('access-control-allow-origin'));
    expect(DYNAMODB_LOCAL_CORS).toMatch(/\.invalid$/);
  });
});

describe('npm run invoke finds the running npm start', () => {
  let stateDir: string;
  beforeAll(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'storefleet-state-'));
  });
  afterAll(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  it('uses the database a running npm start recorded, and says which', async () => {
    const remove = writeRuntimeRecord(record(), stateDir);
    try {
      const chosen = await chooseInvokeDatabase({ stateDir });
      expect(chosen).toMatchObject({
        endpoint,
        tableName: process.env.TABLE_NAME,
        s3Endpoint: 'http://127.0.0.1:4569',
      });
      expect(chosen.description).toMatch(/running npm start.*in memory/);
      // Asked for explicitly, --endpoint and --in-memory still win.
      expect((await chooseInvokeDatabase({ stateDir, inMemory: true })).endpoint).toBeUndefined();
      expect((await chooseInvokeDatabase({ stateDir, endpoint: 'http://127.0.0.1:1' })).endpoint).toBe(
        'http://127.0.0.1:1',
      );
    } finally {
      remove();
    }
    expect(readRuntimeRecord(stateDir)).toBeUndefined();
  });

  it('ignores a record whose npm start is gone, or whose database does not answer, and says so', async () => {
    const gone = spawnedAndExited();
    for (const stale of [record({ pid: await gone }), record({ dynamoEndpoint: 'http://127.0.0.1:9' })]) {
      const remove = writeRuntimeRecord(stale, stateDir);
      const chosen = await chooseInvokeDatabase({ stateDir });
      expect(chosen.endpoint).toBeUndefined();
      expect(chosen.dataDir).toMatch(/\.data[/\\]dynamodb$/);
      expect(chosen.description).toMatch(/no npm start is running; ignored a stale runtime\.json/);
      remove();
    }
    expect((await chooseInvokeDatabase({ stateDir })).description).toMatch(/no npm start is running\)$/);
  });

  it('leaves the record of a newer npm start in place when an older one stops', async () => {
    const removeOlder = writeRuntimeRecord(record(), stateDir);
    writeRuntimeRecord(record({ pid: 1 }), stateDir);
    removeOlder();
    expect(readRuntimeRecord(stateDir)?.pid).toBe(1);
    await rm(join(stateDir, RUNTIME_FILE));
  });

  it('invokes a function against the running database, end to end', async () => {
    const store = await createStore(admin, storeInput({ name: 'Invoked' }));
    const remove = writeRuntimeRecord(record(), stateDir);
    const event = join(REPO_ROOT, 'events/http/list-stores.json');
    try {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', join(REPO_ROOT, 'infra/local/invoke.ts'), 'listStores', event],
        {
          cwd: REPO_ROOT,
          env: {
            ...process.env,
            STOREFLEET_STATE_DIR: stateDir,
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          },
          timeout: 60_000,
        },
      );
      expect(stderr).toContain(`invoke: database: the running npm start's (pid ${process.pid}`);
      const result = JSON.parse(stdout) as { statusCode: number; body: string };
      expect(result.statusCode).toBe(200);
      expect(
        (JSON.parse(result.body) as { items: { storeId: string }[] }).items.map((s) => s.storeId),
      ).toContain(store.storeId);
    } finally {
      remove();
    }
  });
});

/** The pid of a process that has exited (so no process has it, for a while at least). */
const spawnedAndExited = async (): Promise<number> => {
  const child = execFile(process.execPath, ['-e', '']);
  const pid = child.pid ?? 0;
  await new Promise((resolve) => child.once('exit', resolve));
  return pid;
};
