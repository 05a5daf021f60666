/**
 * The local runtime's S3: s3rver holding the app's buckets (the data lake), its objects under
 * `directory` (`.data/s3` for `npm start`), or under a temporary folder that is removed on stop
 * (`--in-memory`, tests): s3rver has no in-memory store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_BUCKET_NAMES } from './local-environment.js';
import { type LocalS3, startLocalS3 } from './local-s3.js';

export interface LocalLake {
  endpoint: string;
  directory: string;
  /** The data lake's local bucket. */
  bucket: string;
  /** Whether `directory` is a throwaway one (removed on stop). */
  temporary: boolean;
  onObjectCreated: LocalS3['onObjectCreated'];
  stop(): Promise<void>;
}

export const startLocalLake = async (
  options: { directory?: string | undefined } = {},
): Promise<LocalLake> => {
  const temporary = options.directory === undefined;
  const directory = options.directory ?? (await mkdtemp(join(tmpdir(), 'storefleet-s3-')));
  try {
    const s3 = await startLocalS3({ directory, buckets: Object.values(LOCAL_BUCKET_NAMES) });
    return {
      endpoint: s3.endpoint,
      directory,
      bucket: LOCAL_BUCKET_NAMES.dataLake,
      temporary,
      onObjectCreated: s3.onObjectCreated,
      stop: async () => {
        await s3
          .stop()
          .finally(() => (temporary ? rm(directory, { recursive: true, force: true }) : undefined));
      },
    };
  } catch (error) {
    if (temporary) await rm(directory, { recursive: true, force: true });
    throw error;
  }
};
