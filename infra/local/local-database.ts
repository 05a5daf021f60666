import { backfillIndexKeys } from './backfill-index-keys.js';
import { localDynamoClient, startDynamoDbLocal } from './dynamodb-local.js';
import { freePort } from './free-port.js';
import { ensureTable } from './table-setup.js';

export interface LocalDatabaseTarget {
  endpoint: string;
  /** Starts DynamoDB Local at `endpoint`; absent for an already running one. */
  start?: () => Promise<{ stop(): Promise<void> }>;
}

/**
 * Where the local database will be, decided before anything starts: the endpoint has to be
 * in the environment before lib/ loads (see local-environment.ts).
 */
export const planLocalDatabase = async (options: {
  dataDir?: string | undefined;
  endpoint?: string | undefined;
}): Promise<LocalDatabaseTarget> => {
  if (options.endpoint) return { endpoint: options.endpoint };
  const port = await freePort();
  const { dataDir } = options;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    start: () => startDynamoDbLocal(dataDir ? { dataDir, port } : { port }),
  };
};

export interface LocalDatabase {
  endpoint: string;
  /** Whether the table was created now (a fresh database) rather than found. */
  tableCreated: boolean;
  /** Stops DynamoDB Local if we started it; an external endpoint is left running. */
  stop(): Promise<void>;
}

/** Starts DynamoDB Local (unless it runs already) and makes sure the table is there. */
export const openLocalDatabase = async (
  target: LocalDatabaseTarget,
  tableName: string,
): Promise<LocalDatabase> => {
  // Set before the first SDK client is built (that is when the SDK warns).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo = target.start ? await target.start() : { stop: async () => {} };
  const client = localDynamoClient(target.endpoint);
  try {
    const { created, addedIndexes, removedIndexes } = await ensureTable(client, tableName);
    await backfillIndexKeys(client, tableName, [...addedIndexes, ...removedIndexes]);
    return { endpoint: target.endpoint, tableCreated: created, stop: dynamo.stop };
  } catch (error) {
    await dynamo.stop();
    throw error;
  } finally {
    client.destroy();
  }
};
