/**
 * The local stand-in for the user pool (`npm start`, the tests): one JSON file per user in a
 * folder, `<username>.json`. Hand-written because cognito-local does not serve (README, "User
 * administration"). Created with the exclusive flag (a second create of a name fails, as
 * Cognito's does) and replaced by rename, so a reader never sees half a file and no lock is
 * needed. `npm run token -- --user <name>` reads the same files to issue a token.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isRole } from '../auth/roles.js';
import { type DirectoryUser, emailTaken, type UserDirectory, usernameTaken } from './user-directory.js';

/** What the local directory keeps per user: the directory's view plus when sessions were revoked. */
export interface LocalDirectoryUser extends DirectoryUser {
  /** ISO time of the last global sign-out (tokens issued before it are refused). */
  sessionsRevokedAt?: string;
}

// The username schema allows only these; checked again here because the name becomes a path.
const SAFE_NAME = /^[a-z][a-z0-9._-]{2,63}$/;

const fileOf = (dir: string, username: string): string => {
  if (!SAFE_NAME.test(username)) throw new Error(`Not a username: ${username}`);
  return join(dir, `${username}.json`);
};

const isLocalUser = (value: unknown): value is LocalDirectoryUser => {
  const user = value as Partial<LocalDirectoryUser> | null;
  return (
    typeof user?.username === 'string' &&
    typeof user.email === 'string' &&
    typeof user.role === 'string' &&
    isRole(user.role) &&
    Array.isArray(user.storeIds) &&
    typeof user.enabled === 'boolean'
  );
};

/** The user as the local directory holds it, or undefined when there is none. */
export const readLocalUser = async (
  dir: string,
  username: string,
): Promise<LocalDirectoryUser | undefined> => {
  let text: string;
  try {
    text = await readFile(fileOf(dir, username), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (!isLocalUser(parsed)) throw new Error(`${fileOf(dir, username)} is not a local user file`);
  return parsed;
};

const replace = async (dir: string, user: LocalDirectoryUser): Promise<void> => {
  const file = fileOf(dir, user.username);
  const temp = join(dir, `.${user.username}.${randomUUID()}`);
  await writeFile(temp, `${JSON.stringify(user, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, file);
};

const withoutUndefined = (user: DirectoryUser): DirectoryUser =>
  JSON.parse(JSON.stringify(user)) as DirectoryUser;

/** Like the pool's email alias: one user per email. A folder scan is fine for a developer's handful. */
const emailInUse = async (dir: string, email: string): Promise<boolean> => {
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json')) continue;
    const user = await readLocalUser(dir, name.slice(0, -'.json'.length)).catch(() => undefined);
    if (user?.email === email) return true;
  }
  return false;
};

export const localUserDirectory = (dir: string): UserDirectory => ({
  async create(user) {
    await mkdir(dir, { recursive: true });
    if (await emailInUse(dir, user.email)) throw emailTaken(user.email);
    try {
      await writeFile(fileOf(dir, user.username), `${JSON.stringify(withoutUndefined(user), null, 2)}\n`, {
        flag: 'wx',
        mode: 0o600,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw usernameTaken(user.username);
      throw error;
    }
  },

  async sync(user) {
    const current = await readLocalUser(dir, user.username);
    if (!current) throw new Error(`The local directory has no user ${user.username}`);
    await replace(dir, { ...current, role: user.role, storeIds: [...user.storeIds], enabled: user.enabled });
  },

  async revokeSessions(username) {
    const current = await readLocalUser(dir, username);
    if (!current) throw new Error(`The local directory has no user ${username}`);
    await replace(dir, { ...current, sessionsRevokedAt: new Date().toISOString() });
  },

  async remove(username) {
    await rm(fileOf(dir, username), { force: true });
  },
});
