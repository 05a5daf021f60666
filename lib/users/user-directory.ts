/**
 * Where people sign in: the Cognito user pool in AWS (groups as roles, `custom:stores`), a local
 * directory of files for `npm start` and the tests. Both behind this one interface, so the
 * service cannot tell them apart. The table's mirror (user-repository.ts) is what the API reads;
 * the directory is what issues tokens, so the service writes the mirror first (the request path
 * refuses on it at once) and then brings the directory to the same state with idempotent calls,
 * which a retry of the same request repeats safely.
 */
import type { Role } from '../auth/roles.js';
import { ConflictError } from '../errors.js';

export interface DirectoryUser {
  username: string;
  email: string;
  givenName?: string;
  familyName?: string;
  role: Role;
  storeIds: readonly string[];
  enabled: boolean;
}

export interface UserDirectory {
  /** Creates the user (Cognito emails a temporary password); `usernameTaken` when it exists. */
  create(user: DirectoryUser): Promise<void>;
  /** Makes role (group), stores and enabled what `user` says; safe to repeat. */
  sync(user: DirectoryUser): Promise<void>;
  /** Signs the user out everywhere: refresh tokens stop working (AdminUserGlobalSignOut). */
  revokeSessions(username: string): Promise<void>;
  /** Removes a user whose mirror could not be kept (the create's compensation). */
  remove(username: string): Promise<void>;
}

/** 409 naming the username: the directory already has such a user. */
export const usernameTaken = (username: string): ConflictError =>
  new ConflictError({
    detail: `A user named ${username} already exists.`,
    errors: [{ path: 'body.username', message: 'Choose another username.' }],
  });

/** 409 naming the email: another user of the pool signs in with it. */
export const emailTaken = (email: string): ConflictError =>
  new ConflictError({
    detail: `Another user already signs in with ${email}.`,
    errors: [{ path: 'body.email', message: 'Use another email address.' }],
  });

/** Set by the `{ userPool: 'manage' }` binding (AWS). */
export const USER_POOL_ID_ENV = 'USER_POOL_ID';
/** Set by the local runtime: the folder of the local directory. */
export const LOCAL_USER_DIRECTORY_ENV = 'LOCAL_USER_DIRECTORY';
