/**
 * Who may manage whom, declared once (the service applies it to every route): an admin manages
 * everyone; a manager manages staff of their own stores only — never another manager, an admin,
 * finance, or staff of a store they do not manage; nobody changes their own account (no
 * self-promotion, and no admin can lock themselves out).
 */
import type { Principal } from '../auth/principal.js';
import type { Role } from '../auth/roles.js';
import { type FieldIssue, ForbiddenError, ValidationError } from '../errors.js';

export interface UserShape {
  role: Role;
  storeIds: readonly string[];
}

/** The stores each role takes, the same rule lib/auth/principal.ts enforces on every token. */
export const storeIssues = (shape: UserShape, path = 'body.storeIds'): FieldIssue[] => {
  const count = shape.storeIds.length;
  if ((shape.role === 'admin' || shape.role === 'finance') && count > 0)
    return [{ path, message: `A ${shape.role} user sees every store: send no storeIds.` }];
  if (shape.role === 'manager' && count === 0)
    return [{ path, message: 'A manager needs at least one store.' }];
  if (shape.role === 'staff' && count !== 1)
    return [{ path, message: 'A staff user works in exactly one store.' }];
  return [];
};

export const assertUserShape = (shape: UserShape): void => {
  const issues = storeIssues(shape);
  if (issues.length > 0) throw new ValidationError(issues);
};

const managesAll = (principal: Principal, storeIds: readonly string[]): boolean =>
  principal.storeIds === 'all' || storeIds.every((storeId) => principal.storeIds.includes(storeId));

/**
 * Whether `principal` may see and manage `target` as it is now. A user outside this answers 404
 * to a manager, exactly like one that does not exist (as stores outside their scope do).
 */
export const mayManage = (principal: Principal, target: UserShape): boolean => {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'manager') return false;
  return target.role === 'staff' && target.storeIds.length > 0 && managesAll(principal, target.storeIds);
};

/** What `principal` may make a user into (a create, or the result of a change): 403 naming the field. */
export const assertMayAssign = (principal: Principal, result: UserShape): void => {
  if (principal.role === 'admin') return;
  if (principal.role !== 'manager' || result.role !== 'staff') {
    throw new ForbiddenError({
      detail: 'A manager creates and manages staff only.',
      errors: [{ path: 'body.role', message: 'Only an admin gives this role.' }],
    });
  }
  if (!managesAll(principal, result.storeIds)) {
    throw new ForbiddenError({
      detail: 'A manager gives staff only the stores they manage.',
      errors: [{ path: 'body.storeIds', message: 'Use one of your own stores.' }],
    });
  }
};

/** Nobody changes their own role, stores or access: another admin must. */
export const assertNotSelf = (principal: Principal, username: string): void => {
  if (principal.userId === username)
    throw new ForbiddenError({ detail: 'You may not change your own account; ask another admin.' });
};
