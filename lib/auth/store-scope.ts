import { NotFoundError } from '../errors.js';
import type { Principal } from './principal.js';

export const canAccessStore = (principal: Principal, storeId: string): boolean =>
  principal.storeIds === 'all' || principal.storeIds.includes(storeId);

/**
 * Object-level authorization. A miss answers 404, exactly as for a store that does
 * not exist, so a caller cannot even learn which store ids exist outside their scope.
 */
export const assertStoreAccess = (principal: Principal, storeId: string): void => {
  if (!canAccessStore(principal, storeId)) {
    throw new NotFoundError({ detail: `Store ${storeId} was not found.` });
  }
};
