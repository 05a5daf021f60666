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

/** An object written to a bucket (s3rver's `ObjectCreated:*` notification). */
export interface LocalObjectCreated {
  bucket: string;
  key: string;
  size?: number;
}

export interface LocalS3 {
  endpoint: string;
  directory: string;
  /** Calls `listener` for every object created from now on (the local `objectCreated` triggers). */
  onObjectCreated(listener: (created: LocalObjectCreated) => void): void;
  stop(): Promise<void>;
}

interface S3rverEvent {
  Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string; size?: number } } }[];
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
    onObjectCreated: (listener) => {
      // s3rver is a Koa app (an EventEmitter); its typings leave that out.
      (server as unknown as NodeJS.EventEmitter).on('event', (event: S3rverEvent) => {
        for (const record of event.Records)
          if (record.eventName.startsWith('ObjectCreated:'))
            listener({
              bucket: record.s3.bucket.name,
              key: record.s3.object.key,
              ...(record.s3.object.size === undefined ? {} : { size: record.s3.object.size }),
            });
      });
    },
    stop: () => server.close(),
  };
};
