/**
 * The whole system on one machine: DynamoDB Local with the table, a local S3 with the data lake,
 * the functions' environment,
 * optional demo data and schedules, and the gateway in front of the handlers. Used by
 * `npm start` and by the e2e tests' global setup.
 *
 * Modules that load the app definition or lib/ (gateway, schedules, seed) are imported only
 * after the environment is applied: lib/ reads parts of it at load.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_USER_DIRECTORY_ENV } from '../../lib/users/user-directory.js';
import { loadLocalCursorSecret } from './cursor-secret.js';
import { type DevTokenOptions, loadDevKeys, signDevToken } from './dev-keys.js';
import { createTokenVerifier } from './dev-token-verifier.js';
import { LOCAL_AWS } from './dynamodb-local.js';
import { openLocalDatabase, planLocalDatabase } from './local-database.js';
import { applyLocalEnvironment, DEFAULT_TABLE_NAME } from './local-environment.js';
import { type LocalLake, startLocalLake } from './local-lake.js';
import { DEFAULT_LOCAL_STATE_DIR } from './repo-paths.js';

export interface LocalRuntimeOptions {
  /** Gateway port; 0 (default) picks a free one. */
  port?: number;
  host?: string;
  /** Absolute directory to persist DynamoDB Local's data in; undefined = in memory. */
  dataDir?: string | undefined;
  /**
   * A DynamoDB (Local) that is already running: the runtime uses it instead of starting a JVM of
   * its own, and leaves it running on stop (tests share one; a JVM start costs seconds of CPU).
   */
  dynamoEndpoint?: string;
  /** Load the demo data set (idempotent). */
  seed?: boolean;
  tableName?: string;
  /** No request log lines and no handler logs (tests). */
  quiet?: boolean;
  /** Directory of the signing key pair; default `<repo>/.local`. */
  keysDir?: string;
  /**
   * Absolute folder of the local user directory (the user pool's stand-in, lib/users/); undefined
   * = a temporary one, removed on stop (like an in-memory database, whose mirrors it matches).
   */
  usersDir?: string | undefined;
  /** Directory of the cursor secret; default `<repo>/.data` (tests pass a throwaway one). */
  secretsDir?: string;
  maxBodyBytes?: number;
  /** Run scheduled functions on their local timers (`schedule.localEveryMinutes`). Default off. */
  schedules?: boolean;
  /**
   * Read the table's stream and run the event bus (stream → domain events → rules), archiving
   * events under `eventsDir`. Default off; `npm start` turns it on.
   */
  events?: boolean;
  /** Directory of the event archive; default `<repo>/.data`. */
  eventsDir?: string;
  /**
   * Absolute directory of the local S3's objects (the data lake); undefined = a temporary one,
   * removed on stop. The local S3 always runs: the change exporter writes to it.
   */
  lakeDir?: string | undefined;
  /**
   * Build the finance dashboard and serve it at /dashboard with dev tokens (`?user=finance`).
   * Default off; `npm start` turns it on. `{ outDir }` builds elsewhere than dashboard/dist (tests).
   */
  dashboard?: boolean | { outDir: string };
}

export interface SeedSummary {
  created: boolean;
  stores: number;
  products: number;
}

export interface LocalRuntime {
  url: string;
  port: number;
  dynamoEndpoint: string;
  tableName: string;
  /** Present when `seed` was asked for. */
  seeded: SeedSummary | undefined;
  /** The local S3 (s3rver) with the data-lake bucket. */
  lake: Pick<LocalLake, 'endpoint' | 'directory' | 'bucket' | 'temporary'>;
  /** The local user directory's folder (`npm run token -- --user` reads it). */
  usersDir: string;
  /** Present when `dashboard` was asked for: the page's address. */
  dashboardUrl: string | undefined;
  /** Present when `events` was asked for: the local bus and its archive. */
  events: { busEndpoint: string; archiveFile: string; idle(): Promise<void> } | undefined;
  /** Resolves once every function started by an object-created event has finished. */
  uploadsIdle(): Promise<void>;
  /** A token the gateway accepts (signed with this runtime's keys). */
  signToken(options: Omit<DevTokenOptions, 'keys' | 'keysDir'>): Promise<string>;
  stop(): Promise<void>;
}

export const startLocalRuntime = async (options: LocalRuntimeOptions = {}): Promise<LocalRuntime> => {
  const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
  const quiet = options.quiet ?? false;
  const keys = await loadDevKeys(options.keysDir);
  const target = await planLocalDatabase({ dataDir: options.dataDir, endpoint: options.dynamoEndpoint });
  const cursorSecret = loadLocalCursorSecret(options.secretsDir);
  // Before the environment: the handlers' S3 endpoint is known only once s3rver listens.
  const lake = await startLocalLake({ directory: options.lakeDir });
  const usersDir = options.usersDir ?? (await mkdtemp(join(tmpdir(), 'storefleet-users-')));
  const removeUsers = async () => {
    if (options.usersDir === undefined) await rm(usersDir, { recursive: true, force: true });
  };
  // Read per request by lib/users/directory-for-environment.ts: every handler shares this process.
  process.env[LOCAL_USER_DIRECTORY_ENV] = usersDir;
  let database: Awaited<ReturnType<typeof openLocalDatabase>>;
  try {
    await applyLocalEnvironment({
      tableName,
      dynamoEndpoint: target.endpoint,
      s3Endpoint: lake.endpoint,
      cursorSecret,
      quiet,
    });
    database = await openLocalDatabase(target, tableName);
  } catch (error) {
    await lake.stop();
    await removeUsers();
    throw error;
  }
  let events: Awaited<ReturnType<typeof import('./local-events.js').startLocalEvents>> | undefined;
  try {
    const seeded = options.seed ? await (await import('./seed.js')).seedDemoData() : undefined;
    // After the seed: the stream reader starts at the end of the stream, so demo data raises no events.
    events = options.events
      ? await (await import('./local-events.js')).startLocalEvents({
          endpoint: database.endpoint,
          region: LOCAL_AWS.region,
          tableName,
          stateDir: options.eventsDir ?? DEFAULT_LOCAL_STATE_DIR,
          quiet,
        })
      : undefined;
    const pages = options.dashboard
      ? await (await import('./dashboard-server.js')).buildAndServeDashboard(
          (tokenOptions) => signDevToken({ ...tokenOptions, keys }),
          typeof options.dashboard === 'object' ? options.dashboard.outDir : undefined,
        )
      : undefined;
    const { startGateway } = await import('./gateway.js');
    const gateway = await startGateway({
      verifyToken: createTokenVerifier(keys),
      ...(pages ? { pages } : {}),
      port: options.port ?? 0,
      ...(options.host ? { host: options.host } : {}),
      ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
      quiet,
    });
    // Uploads to the imports bucket run the import function, as the S3 event rule does in AWS.
    const objectTriggers = (await import('./local-object-triggers.js')).startLocalObjectTriggers(lake, {
      quiet,
    });
    const schedules = options.schedules
      ? (await import('./local-schedules.js')).startLocalSchedules({ quiet })
      : undefined;
    return {
      url: gateway.url,
      port: gateway.port,
      dynamoEndpoint: database.endpoint,
      tableName,
      lake: {
        endpoint: lake.endpoint,
        directory: lake.directory,
        bucket: lake.bucket,
        temporary: lake.temporary,
      },
      seeded,
      usersDir,
      dashboardUrl: pages ? `${gateway.url}/dashboard/` : undefined,
      events,
      uploadsIdle: () => objectTriggers.idle(),
      signToken: (tokenOptions) => signDevToken({ ...tokenOptions, keys }),
      stop: async () => {
        schedules?.stop();
        await objectTriggers.idle().catch(() => undefined);
        await gateway
          .close()
          .finally(() => events?.stop())
          .finally(() => database.stop())
          .finally(() => lake.stop())
          .finally(removeUsers);
      },
    };
  } catch (error) {
    await events?.stop();
    await database.stop();
    await lake.stop();
    await removeUsers();
    throw error;
  }
};
