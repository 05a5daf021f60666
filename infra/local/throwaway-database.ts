import { randomBytes } from 'node:crypto';
import { type LocalDatabase, openLocalDatabase, planLocalDatabase } from './local-database.js';
import { applyLocalEnvironment, DEFAULT_TABLE_NAME } from './local-environment.js';

/**
 * An in-memory DynamoDB Local of its own with the table, and the functions' local environment
 * pointed at it (a throwaway cursor secret, quiet): for one-shot measuring tools (the cost model's
 * metered session, the hot-SKU simulation). lib/ reads the environment when it first loads, so
 * callers import lib/ modules only after this has resolved; `stop()` ends the JVM.
 */
export const openThrowawayDatabase = async (
  tableName: string = DEFAULT_TABLE_NAME,
): Promise<LocalDatabase> => {
  const target = await planLocalDatabase({});
  await applyLocalEnvironment({
    tableName,
    dynamoEndpoint: target.endpoint,
    cursorSecret: randomBytes(32).toString('base64url'),
    quiet: true,
  });
  return openLocalDatabase(target, tableName);
};
