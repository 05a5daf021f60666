/**
 * `.data/runtime.json`: where a running `npm start` keeps its database and its lake, so that
 * `npm run invoke` (and the lake CLIs) use the same ones instead of silently starting another (an empty throwaway one, or a second
 * Java process on the same files). Written once the runtime is up, removed when it stops; a file
 * left by a crash is recognised as stale (its process is gone, or its endpoint does not answer).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoClient } from './dynamodb-local.js';
import { DEFAULT_LOCAL_STATE_DIR } from './repo-paths.js';

export const RUNTIME_FILE = 'runtime.json';

export interface RuntimeRecord {
  pid: number;
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  /** The local EventBridge bus (`npm run events -- --replay` sends there). */
  eventBusEndpoint?: string;
  /** The local S3 (s3rver) holding the data lake (`npm run query`/`report` read it). */
  s3Endpoint?: string;
  /** Where that S3 keeps its objects (`.data/s3`, or a temporary folder with --in-memory). */
  s3Directory?: string;
  /** The local user directory (`npm run token -- --user` reads it). */
  usersDir?: string;
  /** Whether the database is in memory (gone when npm start stops). */
  inMemory: boolean;
  startedAt: string;
}

const fileIn = (dir: string) => join(dir, RUNTIME_FILE);

/** Records the running runtime; returns the function that removes the record (only if still ours). */
export const writeRuntimeRecord = (record: RuntimeRecord, dir: string = DEFAULT_LOCAL_STATE_DIR) => {
  mkdirSync(dir, { recursive: true });
  const file = fileIn(dir);
  const temp = `${file}.${record.pid}`;
  writeFileSync(temp, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
  return (): void => {
    if (readRuntimeRecord(dir)?.pid === record.pid) rmSync(file, { force: true });
  };
};

const isRecord = (value: unknown): value is RuntimeRecord => {
  const record = value as Partial<RuntimeRecord> | null;
  return (
    typeof record?.pid === 'number' &&
    typeof record.url === 'string' &&
    typeof record.dynamoEndpoint === 'string' &&
    typeof record.tableName === 'string' &&
    typeof record.inMemory === 'boolean' &&
    (record.s3Endpoint === undefined || typeof record.s3Endpoint === 'string') &&
    (record.s3Directory === undefined || typeof record.s3Directory === 'string') &&
    (record.usersDir === undefined || typeof record.usersDir === 'string')
  );
};

export const readRuntimeRecord = (dir: string = DEFAULT_LOCAL_STATE_DIR): RuntimeRecord | undefined => {
  try {
    const parsed: unknown = JSON.parse(readFileSync(fileIn(dir), 'utf8'));
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
};

/** Signal 0 only checks; EPERM (another user's process) is not our npm start either. */
const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const answers = async (endpoint: string): Promise<boolean> => {
  const client = localDynamoClient(endpoint);
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
};

export type RunningRuntime =
  | { kind: 'running'; record: RuntimeRecord }
  | { kind: 'stale'; record: RuntimeRecord }
  | { kind: 'none' };

/** The `npm start` that is running now, if its record is there and it still answers. */
export const findRunningRuntime = async (dir: string = DEFAULT_LOCAL_STATE_DIR): Promise<RunningRuntime> => {
  const record = readRuntimeRecord(dir);
  if (!record) return { kind: 'none' };
  const live = processAlive(record.pid) && (await answers(record.dynamoEndpoint));
  return live ? { kind: 'running', record } : { kind: 'stale', record };
};
