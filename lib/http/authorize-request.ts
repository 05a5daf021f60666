import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { type Principal, principalFromClaims } from '../auth/principal.js';
import { type Permission, roleHasPermission } from '../auth/roles.js';
import { ForbiddenError } from '../errors.js';
import { assertNotRevoked } from '../users/user-revocation.js';

/** `iat` as the authorizer hands it over: a number, or its decimal string (HTTP API claims are strings). */
const issuedAtOf = (value: unknown): number | undefined => {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(seconds) ? seconds : undefined;
};

/**
 * Authentication already happened at the gateway (API Gateway's JWT authorizer in AWS,
 * the dev gateway locally); here the verified claims become a Principal, the user's revocation
 * is checked (the authorizer cannot know that a user was disabled: lib/users/user-revocation.ts),
 * and the route's declared permission is checked. Missing claims still answer 401 (defence in depth).
 */
export const authorizeRequest = async (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  permission: Permission,
): Promise<Principal> => {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  const principal = principalFromClaims(claims);
  await assertNotRevoked(principal, issuedAtOf(claims?.iat));
  if (!roleHasPermission(principal.role, permission)) {
    throw new ForbiddenError({ detail: `The ${principal.role} role may not do this (${permission}).` });
  }
  return principal;
};
