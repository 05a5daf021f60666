/**
 * Which local lake the CLIs (`npm run query`, `npm run report`) act on: the one of the running
 * `npm start` (its runtime record names the S3 endpoint), or else `.data/s3`, served for the
 * command's duration by an s3rver of its own. Either way they go through the S3 API.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { LOCAL_S3_CREDENTIALS } from '../../lib/lake/s3-client.js';
import { LOCAL_AWS } from './dynamodb-local.js';
import { LOCAL_BUCKET_NAMES } from './local-environment.js';
import { startLocalLake } from './local-lake.js';
import { DEFAULT_LAKE_DIR } from './repo-paths.js';
import { findRunningRuntime } from './runtime-file.js';

/** The data-lake bucket's name locally (DATA_LAKE_BUCKET of the local runtime). */
export const LOCAL_LAKE_BUCKET = LOCAL_BUCKET_NAMES.dataLake;
export { DEFAULT_LAKE_DIR };

/** An S3 client for s3rver: path style, its key pair, checksums only when required (lib/lake/s3-client.ts says why). */
export const localLakeS3Client = (endpoint: string): S3Client =>
  new S3Client({
    endpoint,
    forcePathStyle: true,
    region: LOCAL_AWS.region,
    credentials: LOCAL_S3_CREDENTIALS,
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
  const record = running.kind === 'running' ? running.record : undefined;
  if (record?.s3Endpoint) {
    const where = record.s3Directory ? ` (${record.s3Directory})` : '';
    return {
      s3: localLakeS3Client(record.s3Endpoint),
      bucket: LOCAL_LAKE_BUCKET,
      endpoint: record.s3Endpoint,
      description: `the running npm start's lake at ${record.s3Endpoint}${record.inMemory ? ' (in memory)' : where}`,
      close: async () => undefined,
    };
  }
  const directory = options.directory ?? DEFAULT_LAKE_DIR;
  const server = await startLocalLake({ directory });
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
