import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute paths, so every local tool finds the same files whatever the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Local state of `npm start` and `npm run invoke` (gitignored): the database, the cursor secret
 * and the running runtime's address. `STOREFLEET_STATE_DIR` moves it (tests use a throwaway one).
 */
export const DEFAULT_LOCAL_STATE_DIR = process.env.STOREFLEET_STATE_DIR || join(REPO_ROOT, '.data');

/** Where `npm start` and `npm run invoke` keep DynamoDB Local's data (gitignored). */
export const DEFAULT_DATA_DIR = join(DEFAULT_LOCAL_STATE_DIR, 'dynamodb');

/** Where `npm start` keeps the local S3's objects (the data lake), as s3rver lays them out (gitignored). */
export const DEFAULT_LAKE_DIR = join(DEFAULT_LOCAL_STATE_DIR, 's3');

/**
 * Where the local signing key pair lives (gitignored), shared by `npm start` and `npm run token`.
 * `STOREFLEET_KEYS_DIR` points both at another directory (tests use a throwaway one).
 */
export const DEFAULT_KEYS_DIR = process.env.STOREFLEET_KEYS_DIR || join(REPO_ROOT, '.local');

/**
 * The local user directory of `npm start` (one file per user created with POST /users; gitignored),
 * which `npm run token -- --user <name>` reads.
 */
export const DEFAULT_USERS_DIR = join(DEFAULT_LOCAL_STATE_DIR, 'users');
