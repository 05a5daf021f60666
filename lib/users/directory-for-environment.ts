import { cognitoUserDirectory } from './cognito-user-directory.js';
import { localUserDirectory } from './local-user-directory.js';
import { LOCAL_USER_DIRECTORY_ENV, USER_POOL_ID_ENV, type UserDirectory } from './user-directory.js';

let override: UserDirectory | undefined;

/** Tests swap in a failing directory to prove the compensation; production code never calls it. */
export const useUserDirectory = (directory: UserDirectory | undefined): void => {
  override = directory;
};

/**
 * The pool of the `{ userPool: 'manage' }` binding (USER_POOL_ID) in AWS; locally the directory
 * the local runtime names (LOCAL_USER_DIRECTORY). Neither set is a deployment fault.
 */
export const userDirectory = (): UserDirectory => {
  if (override) return override;
  const poolId = process.env[USER_POOL_ID_ENV];
  if (poolId) return cognitoUserDirectory(poolId);
  const localDir = process.env[LOCAL_USER_DIRECTORY_ENV];
  if (localDir) return localUserDirectory(localDir);
  throw new Error(`Neither ${USER_POOL_ID_ENV} nor ${LOCAL_USER_DIRECTORY_ENV} is set`);
};
