import { relative } from 'node:path';
import { DEFAULT_TABLE_NAME } from './local-environment.js';
import { DEFAULT_DATA_DIR, DEFAULT_LOCAL_STATE_DIR, REPO_ROOT } from './repo-paths.js';
import { findRunningRuntime, RUNTIME_FILE } from './runtime-file.js';

export interface InvokeDatabase {
  /** An already running DynamoDB Local; absent: start one (on `dataDir`, or in memory). */
  endpoint?: string;
  dataDir?: string;
  tableName: string;
  /** Which database this is, in words, printed before the call. */
  description: string;
  /** The running npm start's local S3 (its data lake); absent: invoke starts one of its own. */
  s3Endpoint?: string;
}

/**
 * Which database `npm run invoke` uses: `--endpoint` or `--in-memory` if asked for; otherwise the
 * one a running `npm start` recorded in `.data/runtime.json` (so invoke and curl see the same
 * data, in memory or not); otherwise a DynamoDB Local of its own on `.data/dynamodb/`.
 */
export const chooseInvokeDatabase = async (options: {
  endpoint?: string | undefined;
  inMemory?: boolean | undefined;
  stateDir?: string;
}): Promise<InvokeDatabase> => {
  const dataDir = relative(REPO_ROOT, DEFAULT_DATA_DIR) || DEFAULT_DATA_DIR;
  if (options.endpoint)
    return {
      endpoint: options.endpoint,
      tableName: DEFAULT_TABLE_NAME,
      description: `DynamoDB Local at ${options.endpoint} (--endpoint), table ${DEFAULT_TABLE_NAME}`,
    };
  if (options.inMemory)
    return { tableName: DEFAULT_TABLE_NAME, description: 'a throwaway in-memory database (--in-memory)' };
  const running = await findRunningRuntime(options.stateDir ?? DEFAULT_LOCAL_STATE_DIR);
  if (running.kind === 'running') {
    const { record } = running;
    return {
      endpoint: record.dynamoEndpoint,
      tableName: record.tableName,
      ...(record.s3Endpoint ? { s3Endpoint: record.s3Endpoint } : {}),
      description: `the running npm start's (pid ${record.pid}, ${record.url}): DynamoDB Local at ${record.dynamoEndpoint}, table ${record.tableName}, ${record.inMemory ? 'in memory' : `data in ${dataDir}/`}`,
    };
  }
  const stale = running.kind === 'stale' ? `; ignored a stale ${RUNTIME_FILE}` : '';
  return {
    dataDir: DEFAULT_DATA_DIR,
    tableName: DEFAULT_TABLE_NAME,
    description: `a DynamoDB Local of its own on ${dataDir}/, table ${DEFAULT_TABLE_NAME} (no npm start is running${stale})`,
  };
};
