/**
 * Which local lake the CLIs (`npm run query`, `npm run report`) act on: the one of the running
 * `npm start` (its runtime record names the S3 endpoint), or else `.data/s3`, served for the
 * command's duration by an s3rver of its own. Either way they go through the S3 API.
 */
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { LOCAL_AWS } from './dynamodb-local.js';
import { startLocalS3 } from './local-s3.js';
import { DEFAULT_LOCAL_STATE_DIR } from './repo-paths.js';
import { findRunningRuntime } from './runtime-file.js';

/** The data-lake bucket's name locally (DATA_LAKE_BUCKET of the local runtime). */
export const LOCAL_LAKE_BUCKET = 'storefleet-local-lake';
export const DEFAULT_LAKE_DIR = join(DEFAULT_LOCAL_STATE_DIR, 's3');

/** An S3 client for s3rver: path style, and checksums only when required (lib/lake/s3-client.ts says why). */
export const localLakeS3Client = (endpoint: string): S3Client =>
  new S3Client({
    endpoint,
    forcePathStyle: true,
    region: LOCAL_AWS.region,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

export interface LocalLake {
  s3: S3Client;
  bucket: string;
  endpoint: string;
  /** Said to the user: which lake this is. */
  description: string;
  close(): Promise<void>;
}

/** The running `npm start`'s lake if there is one, else `.data/s3` (or `directory`) served just for this command. */
export const openLocalLake = async (options: { directory?: string } = {}): Promise<LocalLake> => {
  const running = await findRunningRuntime();
  // The record gains s3Endpoint/s3Directory with the lake (part of the runtime record's contract).
  const record =
    running.kind === 'running'
      ? (running.record as { s3Endpoint?: unknown; s3Directory?: unknown; inMemory: boolean })
      : undefined;
  if (record && typeof record.s3Endpoint === 'string') {
    const where = typeof record.s3Directory === 'string' ? ` (${record.s3Directory})` : '';
    return {
      s3: localLakeS3Client(record.s3Endpoint),
      bucket: LOCAL_LAKE_BUCKET,
      endpoint: record.s3Endpoint,
      description: `the running npm start's lake at ${record.s3Endpoint}${record.inMemory ? ' (in memory)' : where}`,
      close: async () => undefined,
    };
  }
  const directory = options.directory ?? DEFAULT_LAKE_DIR;
  const server = await startLocalS3({ directory, buckets: [LOCAL_LAKE_BUCKET] });
  const s3 = localLakeS3Client(server.endpoint);
  return {
    s3,
    bucket: LOCAL_LAKE_BUCKET,
    endpoint: server.endpoint,
    description: `the lake in ${directory} (no npm start is running)`,
    close: async () => {
      s3.destroy();
      await server.stop();
    },
  };
};
