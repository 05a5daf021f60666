/**
 * The local stand-in for the deployment's cursor secret (Secrets Manager in AWS): random bytes
 * generated on first use and kept in `.data/cursor-secret` (gitignored, owner-only), so cursors
 * stay valid across `npm start` restarts and `npm run invoke` signs them like the running API.
 * Tests pass a throwaway directory.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_CURSOR_SECRET_LENGTH } from '../../lib/db/cursor-secret.js';
import { DEFAULT_LOCAL_STATE_DIR } from './repo-paths.js';

export const CURSOR_SECRET_FILE = 'cursor-secret';

const readSecret = (file: string): string | undefined => {
  try {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length < MIN_CURSOR_SECRET_LENGTH)
      throw new Error(`${file} is not a cursor secret; delete it and a new one will be generated`);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/**
 * Reads the secret, or creates it atomically (link fails on an existing file), so `npm start`
 * and `npm run invoke` starting together agree on one secret.
 */
export const loadLocalCursorSecret = (dir: string = DEFAULT_LOCAL_STATE_DIR): string => {
  const file = join(dir, CURSOR_SECRET_FILE);
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${CURSOR_SECRET_FILE}.${randomUUID()}`);
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(temp, `${secret}\n`, { mode: 0o600 });
  try {
    linkSync(temp, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = readSecret(file);
    if (!winner) throw error;
    return winner;
  } finally {
    unlinkSync(temp);
  }
};
