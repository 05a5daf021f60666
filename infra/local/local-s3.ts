/**
 * An S3-compatible server for the local runtime and the tests (s3rver: objects on disk under
 * `directory`, one folder per bucket), on loopback. Clients reach it with S3_ENDPOINT and
 * path-style addressing (lib/lake/s3-client.ts). Port 0 picks a free port.
 */
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';

export interface LocalS3Options {
  directory: string;
  buckets: readonly string[];
  port?: number;
}

export interface LocalS3 {
  endpoint: string;
  directory: string;
  stop(): Promise<void>;
}

export const startLocalS3 = async (options: LocalS3Options): Promise<LocalS3> => {
  await mkdir(options.directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory: options.directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    directory: options.directory,
    stop: () => server.close(),
  };
};
