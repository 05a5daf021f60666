import { describe, expect, it } from 'vitest';
import { parseListClaim, principalFromClaims } from '../../../lib/auth/principal.js';
import { roleHasPermission } from '../../../lib/auth/roles.js';
import { canAccessStore } from '../../../lib/auth/store-scope.js';
import { ForbiddenError, UnauthorizedError } from '../../../lib/errors.js';

describe('parseListClaim', () => {
  it('reads API Gateway’s flattened array form', () => {
    expect(parseListClaim('[admin manager]', /[\s,]+/)).toEqual(['admin', 'manager']);
  });
  it('reads real arrays and comma lists', () => {
    expect(parseListClaim(['staff'], /[\s,]+/)).toEqual(['staff']);
    expect(parseListClaim('s1, s2,,s3', /[\s,]+/)).toEqual(['s1', 's2', 's3']);
    expect(parseListClaim(undefined, /,/)).toEqual([]);
  });
});

describe('principalFromClaims', () => {
  it('gives admin and finance every store', () => {
    expect(principalFromClaims({ sub: 'u1', 'cognito:groups': '[admin]' })).toEqual({
      userId: 'u1',
      role: 'admin',
      storeIds: 'all',
    });
    expect(principalFromClaims({ sub: 'u2', 'cognito:groups': '[finance]' }).storeIds).toBe('all');
  });

  it('scopes managers to the stores in their token and prefers the username as identity', () => {
    const principal = principalFromClaims({
      sub: 'u3',
      'cognito:username': 'mia',
      'cognito:groups': '[manager]',
      'custom:stores': 's1,s2,s1',
    });
    expect(principal).toEqual({ userId: 'mia', role: 'manager', storeIds: ['s1', 's2'] });
  });

  it('lets the most powerful group win', () => {
    expect(principalFromClaims({ sub: 'u', 'cognito:groups': '[staff admin]' }).role).toBe('admin');
  });

  it('rejects missing claims or subject with 401', () => {
    expect(() => principalFromClaims(undefined)).toThrow(UnauthorizedError);
    expect(() => principalFromClaims({ 'cognito:groups': '[admin]' })).toThrow(UnauthorizedError);
  });

  it('rejects accounts without a role, staff without exactly one store, managers without stores', () => {
    expect(() => principalFromClaims({ sub: 'u', 'cognito:groups': '[guests]' })).toThrow(ForbiddenError);
    expect(() =>
      principalFromClaims({ sub: 'u', 'cognito:groups': '[staff]', 'custom:stores': 's1,s2' }),
    ).toThrow(ForbiddenError);
    expect(() => principalFromClaims({ sub: 'u', 'cognito:groups': '[manager]' })).toThrow(ForbiddenError);
  });
});

describe('role grants and store scope', () => {
  it('matches the README’s role table', () => {
    expect(roleHasPermission('admin', 'stores:create')).toBe(true);
    expect(roleHasPermission('manager', 'stores:create')).toBe(false);
    expect(roleHasPermission('manager', 'stores:update')).toBe(true);
    expect(roleHasPermission('manager', 'catalog:write')).toBe(true);
    for (const role of ['staff', 'finance'] as const) {
      expect(roleHasPermission(role, 'stores:read')).toBe(true);
      expect(roleHasPermission(role, 'catalog:read')).toBe(true);
      expect(roleHasPermission(role, 'stores:update')).toBe(false);
      expect(roleHasPermission(role, 'catalog:write')).toBe(false);
    }
  });

  it('confines scoped callers to their stores', () => {
    expect(canAccessStore({ userId: 'a', role: 'manager', storeIds: ['s1'] }, 's1')).toBe(true);
    expect(canAccessStore({ userId: 'a', role: 'manager', storeIds: ['s1'] }, 's2')).toBe(false);
    expect(canAccessStore({ userId: 'a', role: 'finance', storeIds: 'all' }, 's2')).toBe(true);
  });
});
