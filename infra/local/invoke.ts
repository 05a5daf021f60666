/**
 * `npm run invoke -- <functionName> <event.json>`: runs one function's handler with a sample
 * event against the local table and prints its result, like `sam local invoke`. The event is
 * passed as is, so HTTP events carry their own `requestContext.authorizer.jwt.claims`.
 *
 * The app definition and handlers are imported only after the environment is set: lib/ reads
 * parts of it at load (see local-environment.ts).
 */
import { Console } from 'node:console';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LOCAL_USER_DIRECTORY_ENV } from '../../lib/users/user-directory.js';
import { loadLocalCursorSecret } from './cursor-secret.js';
import { JavaMissingError } from './dynamodb-local.js';
import { chooseInvokeDatabase } from './invoke-database.js';
import { openLocalDatabase, planLocalDatabase } from './local-database.js';
import { applyLocalEnvironment } from './local-environment.js';
import { startLocalLake } from './local-lake.js';
import {
  DEFAULT_DATA_DIR,
  DEFAULT_LAKE_DIR,
  DEFAULT_LOCAL_STATE_DIR,
  DEFAULT_USERS_DIR,
  REPO_ROOT,
} from './repo-paths.js';
import { readRuntimeRecord } from './runtime-file.js';

const USAGE = `Usage: npm run invoke -- <functionName> <event.json> [--in-memory | --endpoint <url>]

Invokes one function's handler with the event in <event.json> (e.g. events/http/get-store.json)
against the local table and prints the result on stdout; logs go to stderr, starting with the
database used: a running npm start's (found through ${relative(REPO_ROOT, DEFAULT_LOCAL_STATE_DIR)}/runtime.json), else a
DynamoDB Local of its own on ${relative(REPO_ROOT, DEFAULT_DATA_DIR)}/.

  --in-memory        use a throwaway database instead
  --endpoint <url>   use the DynamoDB Local at <url>
  --help             this text`;

const functionNames = async () => Object.keys((await import('../app-definition.js')).appDefinition.functions);

const fail = (message: string, code: number): never => {
  process.stderr.write(`invoke: ${message}\n`);
  process.exit(code);
};

const { values, positionals } = (() => {
  try {
    return parseArgs({
      options: {
        'in-memory': { type: 'boolean' },
        endpoint: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
})();
if (values.help) {
  process.stdout.write(`${USAGE}\n\nFunctions: ${(await functionNames()).join(', ')}\n`);
  process.exit(0);
}
const [functionName, eventFile, ...extra] = positionals;
if (!functionName || !eventFile || extra.length > 0)
  fail(`expected a function name and an event file.\n\n${USAGE}`, 2);
if (values['in-memory'] && values.endpoint) fail('use --in-memory or --endpoint, not both.', 2);

let event: unknown;
try {
  event = JSON.parse(readFileSync(resolve(eventFile ?? ''), 'utf8'));
} catch (error) {
  fail(`cannot read ${eventFile}: ${(error as Error).message}`, 2);
}

// stdout carries only the result: handler logs (Powertools dev mode uses the global console) go to stderr.
globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });

const database = await chooseInvokeDatabase({ endpoint: values.endpoint, inMemory: values['in-memory'] });
process.stderr.write(`invoke: database: ${database.description}\n`);
const target = await planLocalDatabase({ dataDir: database.dataDir, endpoint: database.endpoint });
// The running npm start's lake, else one of our own (on .data/s3, or throwaway with the database).
const ownLake = database.s3Endpoint
  ? undefined
  : await startLocalLake({ directory: values['in-memory'] ? undefined : DEFAULT_LAKE_DIR });
const s3Endpoint = database.s3Endpoint ?? ownLake?.endpoint ?? '';
process.stderr.write(
  `invoke: lake: ${ownLake ? `a local S3 of its own at ${s3Endpoint} (${ownLake.temporary ? 'throwaway' : `objects in ${relative(REPO_ROOT, DEFAULT_LAKE_DIR)}/`})` : `the running npm start's local S3 at ${s3Endpoint}`}\n`,
);
// The users functions' local directory: the running npm start's, else .data/users.
process.env[LOCAL_USER_DIRECTORY_ENV] =
  (database.endpoint && readRuntimeRecord()?.usersDir) || DEFAULT_USERS_DIR;
await applyLocalEnvironment({
  tableName: database.tableName,
  dynamoEndpoint: target.endpoint,
  s3Endpoint,
  cursorSecret: loadLocalCursorSecret(),
});
const [{ appDefinition }, { isFunctionName }, { invokeFunction }] = await Promise.all([
  import('../app-definition.js'),
  import('./function-loader.js'),
  import('./function-invoker.js'),
]);
if (!isFunctionName(functionName ?? '')) {
  fail(`unknown function "${functionName}". Functions: ${(await functionNames()).join(', ')}`, 2);
}
const name = functionName as keyof typeof appDefinition.functions;

const opened = await openLocalDatabase(target, database.tableName).catch((error: unknown) =>
  fail(
    error instanceof JavaMissingError ? error.message : `cannot start DynamoDB Local: ${String(error)}`,
    1,
  ),
);
if (opened.tableCreated) {
  // A fresh table (first run, or --in-memory): load the demo data the sample events refer to.
  const { seedDemoData } = await import('./seed.js');
  await seedDemoData();
  console.warn('The table was new: loaded the demo data first.');
}

let exitCode = 0;
try {
  const result = await invokeFunction(name, event);
  process.stdout.write(`${JSON.stringify(result ?? null, null, 2)}\n`);
} catch (error) {
  // What Lambda reports for a function that threw; the stack goes to the log.
  const { name: errorType, message, stack } = error instanceof Error ? error : new Error(String(error));
  process.stdout.write(`${JSON.stringify({ errorType, errorMessage: message }, null, 2)}\n`);
  process.stderr.write(`${stack ?? ''}\n`);
  exitCode = 1;
} finally {
  await opened.stop().finally(() => ownLake?.stop());
}
process.exit(exitCode);
