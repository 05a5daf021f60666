/**
 * Measures the capacity units of every API operation on a fresh table with the demo data, and
 * sets each next to its declared budget. Used by the capacity test, `npm run perf:docs` and the
 * benchmark's capacity section (and the cost model, which prices the units).
 *
 * In a process that already serves a DynamoDB Local (the benchmark's local runtime, an
 * integration test file) it uses that one; otherwise a child process starts its own and stops
 * it. Either way the measurement gets a table, a user directory and an imports bucket name of
 * its own, set in the environment only while it runs (lib/ reads them per call), so nothing
 * else is touched. Run nothing else in the process meanwhile: the environment is the process's.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { CapacityCall } from '../../../lib/db/capacity-meter.js';
import { localDynamoClient } from '../dynamodb-local.js';
import { REPO_ROOT } from '../repo-paths.js';
import { ensureTable } from '../table-setup.js';
import { CAPACITY_BUDGETS, type CapacityUnits } from './capacity-budgets.js';
import type { OperationReading } from './run-operations.js';

/** One operation's measured units next to its budget (the shape parts of the benchmark code against). */
export interface OperationCapacity {
  operation: string;
  route: string;
  read: number;
  write: number;
  budget: CapacityUnits;
}

export interface MeasuredOperation extends OperationCapacity {
  functionName: string;
  minimum: CapacityUnits;
  why: string;
  calls: CapacityCall[];
}

/** The readings with their budgets; an operation without a declared budget is an error. */
export const withBudgets = (readings: readonly OperationReading[]): MeasuredOperation[] =>
  readings.map(({ operation, functionName, route, reading }) => {
    const declared = CAPACITY_BUDGETS[operation];
    if (!declared)
      throw new Error(
        `${operation} has no capacity budget: declare one in infra/local/capacity/capacity-budgets.ts`,
      );
    return {
      operation,
      functionName,
      route,
      read: reading.read,
      write: reading.write,
      budget: declared.budget,
      minimum: declared.minimum,
      why: declared.why,
      calls: reading.calls,
    };
  });

/** The operations that consume more than their budget, each said in words. */
export const overBudget = (measured: readonly OperationCapacity[]): string[] =>
  measured.flatMap(({ operation, read, write, budget }) =>
    read > budget.read || write > budget.write
      ? [`${operation}: ${read} RCU / ${write} WCU, budget ${budget.read} RCU / ${budget.write} WCU`]
      : [],
  );

const execFileAsync = promisify(execFile);

const LOCAL_ENVIRONMENT_KEYS = [
  'TABLE_NAME',
  'LOCAL_USER_DIRECTORY',
  'IMPORTS_BUCKET',
  'CURSOR_SECRET',
] as const;

/** Sets `values` in the environment and returns what puts the previous values back. */
const swapEnvironment = (values: Record<(typeof LOCAL_ENVIRONMENT_KEYS)[number], string>): (() => void) => {
  const previous = LOCAL_ENVIRONMENT_KEYS.map((key) => [key, process.env[key]] as const);
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of previous) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
};

/**
 * Measures on the DynamoDB Local this process already serves (DYNAMODB_ENDPOINT), on a table of
 * its own that it drops when done.
 */
export const measureInThisProcess = async (): Promise<MeasuredOperation[]> => {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('DYNAMODB_ENDPOINT is not set: start DynamoDB Local first');
  const table = `capacity-${randomUUID()}`;
  const usersDir = await mkdtemp(join(tmpdir(), 'storefleet-capacity-users-'));
  const client = localDynamoClient(endpoint);
  const restore = swapEnvironment({
    TABLE_NAME: table,
    LOCAL_USER_DIRECTORY: usersDir,
    // POST /imports presigns an upload (offline: no request is made).
    IMPORTS_BUCKET: process.env.IMPORTS_BUCKET ?? 'storefleet-capacity-imports',
    CURSOR_SECRET: process.env.CURSOR_SECRET ?? randomBytes(32).toString('base64url'),
  });
  try {
    await ensureTable(client, table);
    // Imported late: lib/ reads the environment when it first loads.
    const [{ seedDemoData }, { runOperations }] = await Promise.all([
      import('../seed.js'),
      import('./run-operations.js'),
    ]);
    await seedDemoData();
    return withBudgets(await runOperations());
  } finally {
    restore();
    await client.send(new DeleteTableCommand({ TableName: table })).catch(() => undefined);
    client.destroy();
    await rm(usersDir, { recursive: true, force: true });
  }
};

const CHILD_ENTRY = fileURLToPath(new URL('./measure-child.ts', import.meta.url));

/**
 * Every operation's units next to its budget. With no DynamoDB Local in this process it
 * measures in a child process that starts its own and stops it: a process serves one DynamoDB
 * Local (lib/db/client.ts keeps its endpoint), so the caller stays free to start another.
 */
export const measureOperations = async (): Promise<MeasuredOperation[]> => {
  if (process.env.DYNAMODB_ENDPOINT) return measureInThisProcess();
  const dir = await mkdtemp(join(tmpdir(), 'storefleet-capacity-'));
  const out = join(dir, 'measured.json');
  try {
    await execFileAsync(process.execPath, ['--import', 'tsx', CHILD_ENTRY, out], {
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      // `--import tsx` resolves from the working directory: the repository's.
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(await readFile(out, 'utf8')) as MeasuredOperation[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
