/**
 * User administration: the table's mirror first (conditional writes; the request path refuses on
 * it at once, and the stream audits it), then the directory brought to the same state with
 * idempotent calls. A request that fails between the two is repaired by sending it again: the
 * mirror then has nothing to change and the directory is synced anyway.
 */
import type { Principal } from '../auth/principal.js';
import { assertStoreAccess } from '../auth/store-scope.js';
import { newItemMeta } from '../db/item-meta.js';
import type { Page } from '../db/query-page.js';
import { assertVersion } from '../db/versioned-write.js';
import { NotFoundError } from '../errors.js';
import { userDirectory } from './directory-for-environment.js';
import type { DirectoryUser } from './user-directory.js';
import {
  deleteNewUser,
  findUser,
  insertUser,
  queryAllUsers,
  queryStoreStaff,
  replaceUser,
} from './user-repository.js';
import { forgetUser } from './user-revocation.js';
import { assertMayAssign, assertNotSelf, assertUserShape, mayManage } from './user-rules.js';
import type { CreateUserInput, ListUsersQuery, UpdateUserInput, User } from './user-schemas.js';

const toDirectory = (user: User): DirectoryUser => ({
  username: user.username,
  email: user.email,
  ...(user.givenName ? { givenName: user.givenName } : {}),
  ...(user.familyName ? { familyName: user.familyName } : {}),
  role: user.role,
  storeIds: user.storeIds,
  enabled: user.enabled,
});

const notFound = (username: string) => new NotFoundError({ detail: `User ${username} was not found.` });

export const createUser = async (
  principal: Principal,
  input: CreateUserInput,
  now = new Date(),
): Promise<User> => {
  assertUserShape(input);
  assertMayAssign(principal, input);
  const user: User = {
    username: input.username,
    email: input.email,
    role: input.role,
    storeIds: input.storeIds,
    ...(input.givenName ? { givenName: input.givenName } : {}),
    ...(input.familyName ? { familyName: input.familyName } : {}),
    enabled: true,
    ...newItemMeta(principal, now),
  };
  await insertUser(user);
  forgetUser(user.username);
  try {
    await userDirectory().create(toDirectory(user));
  } catch (error) {
    // Nobody can sign in as a user the directory refused: release the name for another try.
    await deleteNewUser(user.username);
    forgetUser(user.username);
    throw error;
  }
  return user;
};

/** A user the caller may manage; anyone else answers 404, like a user that does not exist. */
export const getUser = async (principal: Principal, username: string): Promise<User> => {
  const user = await findUser(username);
  if (!user || !mayManage(principal, user)) throw notFound(username);
  return user;
};

/** Admin: every user, or one store's staff; a manager: the staff of their stores (or of one of them). */
export const listUsers = async (principal: Principal, query: ListUsersQuery): Promise<Page<User>> => {
  if (query.storeId !== undefined) {
    assertStoreAccess(principal, query.storeId);
    return queryStoreStaff([query.storeId], query.limit, query.cursor);
  }
  if (principal.storeIds === 'all') return queryAllUsers(query.limit, query.cursor);
  return queryStoreStaff(principal.storeIds, query.limit, query.cursor);
};

const sameStores = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

/** Writes `next` when it differs from `current`, then syncs the directory (and signs out a disabled user). */
const apply = async (current: User, next: User, now: Date): Promise<User> => {
  const changed =
    next.role !== current.role ||
    next.enabled !== current.enabled ||
    !sameStores(next.storeIds, current.storeIds);
  const written: User = changed
    ? {
        ...next,
        ...(current.enabled && !next.enabled ? { sessionsRevokedAt: now.toISOString() } : {}),
        version: current.version + 1,
        updatedAt: now.toISOString(),
      }
    : current;
  if (changed) {
    const added = written.storeIds.filter((storeId) => !current.storeIds.includes(storeId));
    await replaceUser(written, current.version, added);
    forgetUser(written.username);
  }
  const directory = userDirectory();
  await directory.sync(toDirectory(written));
  if (!written.enabled) await directory.revokeSessions(written.username);
  return written;
};

export const updateUser = async (
  principal: Principal,
  username: string,
  changes: UpdateUserInput,
  expectedVersion: number,
  now = new Date(),
): Promise<User> => {
  const current = await getUser(principal, username);
  assertNotSelf(principal, username);
  assertVersion(`User ${username}`, current, expectedVersion);
  const role = changes.role ?? current.role;
  const everyStore = role === 'admin' || role === 'finance';
  const storeIds = changes.storeIds ?? (everyStore ? [] : current.storeIds);
  assertUserShape({ role, storeIds });
  assertMayAssign(principal, { role, storeIds });
  return apply(
    current,
    { ...current, role, storeIds, enabled: changes.enabled ?? current.enabled, updatedBy: principal.userId },
    now,
  );
};

/** Disables the user and ends their sessions. Again on a disabled user: writes nothing, signs out again. */
export const disableUser = async (
  principal: Principal,
  username: string,
  now = new Date(),
): Promise<User> => {
  const current = await getUser(principal, username);
  assertNotSelf(principal, username);
  return apply(current, { ...current, enabled: false, updatedBy: principal.userId }, now);
};
