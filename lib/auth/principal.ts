import { ForbiddenError, UnauthorizedError } from '../errors.js';
import { isRole, ROLE_PRECEDENCE, type Role } from './roles.js';

/** The authenticated caller, derived from verified token claims. */
export interface Principal {
  /** Stable identity written to `updatedBy` on every item the caller changes. */
  userId: string;
  role: Role;
  /** Stores the caller is scoped to. Admin and finance see every store. */
  storeIds: readonly string[] | 'all';
}

/** Claim that lists a user's stores (a Cognito custom attribute, comma separated). */
export const STORES_CLAIM = 'custom:stores';
export const GROUPS_CLAIM = 'cognito:groups';

type ClaimValue = string | number | boolean | string[] | undefined;

/**
 * API Gateway HTTP API hands JWT claims to Lambda as strings, flattening arrays to
 * `"[admin manager]"`. Accept both that form and a real array so that the same code
 * serves AWS, the local gateway and direct invokes.
 */
export const parseListClaim = (value: ClaimValue, separator: RegExp): string[] => {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  const text = String(value).trim();
  const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return inner
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);
};

export const principalFromClaims = (claims: Record<string, ClaimValue> | undefined): Principal => {
  if (!claims) throw new UnauthorizedError();
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject.length === 0) throw new UnauthorizedError();
  const username = claims['cognito:username'] ?? claims.username;
  const userId = typeof username === 'string' && username.length > 0 ? username : subject;

  const groups = parseListClaim(claims[GROUPS_CLAIM], /[\s,]+/);
  const role = ROLE_PRECEDENCE.find((candidate) => groups.includes(candidate));
  if (!role || !isRole(role)) {
    throw new ForbiddenError({ detail: 'Your account has no storefleet role.' });
  }
  if (role === 'admin' || role === 'finance') return { userId, role, storeIds: 'all' };

  const storeIds = [...new Set(parseListClaim(claims[STORES_CLAIM], /[\s,]+/))];
  if (role === 'staff' && storeIds.length !== 1) {
    throw new ForbiddenError({ detail: 'A staff account must be assigned exactly one store.' });
  }
  if (storeIds.length === 0) {
    throw new ForbiddenError({ detail: 'Your account is not assigned to any store.' });
  }
  return { userId, role, storeIds };
};
