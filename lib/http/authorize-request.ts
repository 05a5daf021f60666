import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { type Principal, principalFromClaims } from '../auth/principal.js';
import { type Permission, roleHasPermission } from '../auth/roles.js';
import { ForbiddenError } from '../errors.js';

/**
 * Authentication already happened at the gateway (API Gateway's JWT authorizer in AWS,
 * the dev gateway locally); here the verified claims become a Principal and the route's
 * declared permission is checked. Missing claims still answer 401 (defence in depth).
 */
export const authorizeRequest = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  permission: Permission,
): Principal => {
  const principal = principalFromClaims(event.requestContext?.authorizer?.jwt?.claims);
  if (!roleHasPermission(principal.role, permission)) {
    throw new ForbiddenError({ detail: `The ${principal.role} role may not do this (${permission}).` });
  }
  return principal;
};
