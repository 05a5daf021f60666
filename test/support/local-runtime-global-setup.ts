import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/local-runtime.js';
import { startLockServer } from './e2e-lock.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dynamoEndpoint: string;
    tableName: string;
    /** The runtime's local S3 and its data-lake bucket. */
    s3Endpoint: string;
    lakeBucket: string;
    keysDir: string;
    /** The runtime's local user directory (`npm run token -- --user` reads it). */
    usersDir: string;
    lockUrl: string;
  }
}

let runtime: LocalRuntime | undefined;
let lock: Awaited<ReturnType<typeof startLockServer>> | undefined;
let keysDir: string | undefined;

/**
 * One local runtime (in-memory DynamoDB Local, a local S3 in a temporary folder, the gateway on a
 * free port) for the whole e2e run,
 * with its own throwaway signing keys and cursor secret, so tests never touch `.local/` or `.data/`.
 */
export async function setup(project: TestProject) {
  keysDir = await mkdtemp(join(tmpdir(), 'storefleet-e2e-keys-'));
  runtime = await startLocalRuntime({
    port: 0,
    seed: false,
    quiet: true,
    keysDir,
    secretsDir: keysDir,
    tableName: 'storefleet-e2e',
  });
  lock = await startLockServer();
  project.provide('baseUrl', runtime.url);
  project.provide('dynamoEndpoint', runtime.dynamoEndpoint);
  project.provide('tableName', runtime.tableName);
  project.provide('s3Endpoint', runtime.lake.endpoint);
  project.provide('lakeBucket', runtime.lake.bucket);
  project.provide('keysDir', keysDir);
  project.provide('usersDir', runtime.usersDir);
  project.provide('lockUrl', lock.url);
}

export async function teardown() {
  await lock?.close();
  await runtime?.stop();
  if (keysDir) await rm(keysDir, { recursive: true, force: true });
}
