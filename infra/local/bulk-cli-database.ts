/**
 * The database `npm run import` and `npm run export` act on, chosen as `npm run invoke` chooses
 * it: a running npm start's, else a DynamoDB Local of their own on `.data/dynamodb/`
 * (`--endpoint` and `--in-memory` as for invoke). The local environment is applied before lib/
 * loads, so callers import lib/ modules only after this has resolved.
 */
import { loadLocalCursorSecret } from './cursor-secret.js';
import { JavaMissingError } from './dynamodb-local.js';
import { chooseInvokeDatabase } from './invoke-database.js';
import { openLocalDatabase, planLocalDatabase } from './local-database.js';
import { applyLocalEnvironment } from './local-environment.js';

export const openBulkCliDatabase = async (
  tool: string,
  options: { endpoint?: string | undefined; inMemory?: boolean | undefined },
): Promise<{ description: string; stop(): Promise<void> }> => {
  const database = await chooseInvokeDatabase(options);
  const target = await planLocalDatabase({ dataDir: database.dataDir, endpoint: database.endpoint });
  await applyLocalEnvironment({
    tableName: database.tableName,
    dynamoEndpoint: target.endpoint,
    cursorSecret: loadLocalCursorSecret(),
    quiet: true,
  });
  try {
    const opened = await openLocalDatabase(target, database.tableName);
    return { description: database.description, stop: opened.stop };
  } catch (error) {
    process.stderr.write(
      `${tool}: ${error instanceof JavaMissingError ? error.message : `cannot start DynamoDB Local: ${String(error)}`}\n`,
    );
    process.exit(1);
  }
};
