/**
 * `npm start` (`-- --in-memory`, `PORT=4000 npm start`): the whole API on this machine with
 * DynamoDB Local, demo data on first run, and tokens ready to paste. Ctrl-C stops everything,
 * the Java process included.
 */
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { JavaMissingError } from './dynamodb-local.js';
import { watchLaunchers } from './launcher-watch.js';
import { type LocalRuntime, startLocalRuntime } from './local-runtime.js';
import { DEFAULT_DATA_DIR, DEFAULT_LAKE_DIR, DEFAULT_USERS_DIR, REPO_ROOT } from './repo-paths.js';
import { writeRuntimeRecord } from './runtime-file.js';

const USAGE = `Usage: npm start [-- --in-memory]

Starts DynamoDB Local, creates the table, loads the demo data if it is missing, runs the
scheduled functions on their local timers, runs a local S3 with the data lake and serves the
API on http://localhost:3000 (PORT=4000 npm start for another port). Data is kept in
${relative(REPO_ROOT, DEFAULT_DATA_DIR)}/, the lake in ${relative(REPO_ROOT, DEFAULT_LAKE_DIR)}/.
Ctrl-C stops everything, Java included.

  --in-memory   throwaway database and lake (a temporary folder, removed on exit)
  --help        this text`;

const DEFAULT_PORT = 3000;

const options = (() => {
  try {
    return parseArgs({
      options: { 'in-memory': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`start: ${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
})();
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`start: PORT must be a port number, not "${process.env.PORT}"\n`);
  process.exit(2);
}

let runtime: LocalRuntime | undefined;
let removeRecord = () => {};
let stopping = false;
const shutdown = async () => {
  // A second Ctrl-C, or one during start-up: exit now; dynamodb-local.ts kills Java on exit.
  if (stopping || !runtime) process.exit(130);
  stopping = true;
  process.stdout.write('\nStopping…\n');
  removeRecord(); // first: npm run invoke must not pick a database that is going away
  try {
    await runtime.stop();
  } finally {
    process.exit(0);
  }
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
watchLaunchers(() => void shutdown());

const printBanner = async (running: LocalRuntime, inMemory: boolean) => {
  // These load lib/, so only now that the runtime has set the environment.
  const [{ DEMO_STORE_IDS }, { functionsWithTrigger }] = await Promise.all([
    import('./seed.js'),
    import('../app-definition.js'),
  ]);
  const managerStores: string[] = DEMO_STORE_IDS.slice(0, 2);
  const firstStore = managerStores[0] ?? '<storeId>';
  const admin = await running.signToken({ role: 'admin' });
  const manager = await running.signToken({ role: 'manager', stores: managerStores });
  const base = `localhost:${running.port}`;
  const data = inMemory ? 'in memory' : `data in ${relative(REPO_ROOT, DEFAULT_DATA_DIR)}/`;
  const lakeData = running.lake.temporary
    ? `in ${running.lake.directory}, removed on exit`
    : `in ${relative(REPO_ROOT, running.lake.directory)}/`;
  const seeded = running.seeded?.created
    ? `loaded (${running.seeded.stores} stores, ${running.seeded.products} products)`
    : 'already loaded';
  const schedules = functionsWithTrigger('schedule')
    .map(({ functionName, trigger }) => `${functionName} every ${trigger.localEveryMinutes} min`)
    .join(', ');
  process.stdout.write(
    [
      '',
      `storefleet API   http://${base}`,
      `DynamoDB Local   ${running.dynamoEndpoint} (table ${running.tableName}, ${data})`,
      `Demo data        ${seeded}`,
      `Schedules        ${schedules || 'none'}`,
      `Local S3         ${running.lake.endpoint} (bucket ${running.lake.bucket}, ${lakeData}): changes land in changes/ within seconds`,
      `                 AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER aws --endpoint-url ${running.lake.endpoint} s3 ls s3://${running.lake.bucket} --recursive`,
      running.events
        ? `Events           table stream → domain events → bus ${running.events.busEndpoint}, archived in ${relative(REPO_ROOT, running.events.archiveFile)} (npm run events); table stream → lake changes/`
        : 'Events           off',
      ...(running.events
        ? [
            `Dead letters     ${relative(REPO_ROOT, join(dirname(running.events.archiveFile), 'dead-letters.ndjson'))} (what would page operators in AWS)`,
          ]
        : []),
      ...(running.dashboardUrl
        ? [
            `Dashboard        http://${base}/dashboard/?user=finance (or ?user=manager&stores=${managerStores.join(',')})`,
          ]
        : []),
      'npm run invoke   uses this database while this runs',
      '',
      'Admin token (12 h):',
      admin,
      '',
      `Manager token for ${managerStores.join(', ')} (12 h):`,
      manager,
      '',
      'Try:',
      `  curl -s ${base}/stores -H "authorization: Bearer ${admin}"`,
      '',
      'More tokens (admin | manager | staff | finance):',
      `  npm run --silent token -- --role staff --stores ${firstStore}`,
      '  npm run --silent token -- --user <username>     (a user created with POST /users)',
      '',
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
};

try {
  const inMemory = options['in-memory'] ?? false;
  runtime = await startLocalRuntime({
    port,
    dataDir: inMemory ? undefined : DEFAULT_DATA_DIR,
    lakeDir: inMemory ? undefined : DEFAULT_LAKE_DIR,
    usersDir: inMemory ? undefined : DEFAULT_USERS_DIR,
    seed: true,
    schedules: true,
    events: true,
    dashboard: true,
  });
  // So that `npm run invoke` uses this database; removed on every exit but a crash (then stale).
  removeRecord = writeRuntimeRecord({
    pid: process.pid,
    url: runtime.url,
    dynamoEndpoint: runtime.dynamoEndpoint,
    tableName: runtime.tableName,
    s3Endpoint: runtime.lake.endpoint,
    s3Directory: runtime.lake.directory,
    usersDir: runtime.usersDir,
    ...(runtime.events ? { eventBusEndpoint: runtime.events.busEndpoint } : {}),
    inMemory,
    startedAt: new Date().toISOString(),
  });
  process.on('exit', removeRecord);
  await printBanner(runtime, inMemory);
} catch (error) {
  if (error instanceof JavaMissingError) {
    process.stderr.write(`${error.message}\n`);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(
      `Port ${port} is in use: stop whatever holds it, or run PORT=<another port> npm start\n`,
    );
  } else {
    process.stderr.write(`Could not start the local runtime: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
}
