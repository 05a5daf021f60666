import { describe, expect, it } from 'vitest';
import { httpRoutes } from '../../infra/app-definition.js';
import { ROLES, type Role, roleHasPermission } from '../../lib/auth/roles.js';
import { api, rejected, tokenFor } from '../support/e2e-client.js';

/**
 * The role × route table, over HTTP: for every route of the app definition and every role, a
 * role without the route's permission gets 403 and writes nothing; a role with it is never
 * refused for its role (it may still get 400/404 for the placeholder ids and empty body sent).
 */
const STORE = 'st_matrix';
const tokens = new Map<Role, Promise<string>>(
  ROLES.map((role) => [role, tokenFor(role, role === 'admin' || role === 'finance' ? [] : [STORE])]),
);

const concretePath = (template: string): string =>
  template.replace(/\{(\w+)\}/g, (_match, name: string) =>
    name === 'storeId' ? STORE : 'zz_matrix_missing',
  );

const protectedRoutes = httpRoutes()
  .map(({ route }) => route)
  .filter((route) => route.access !== 'public');

describe('role × route matrix', () => {
  it('covers every protected route of the app definition', () => {
    expect(protectedRoutes.length).toBeGreaterThan(50);
  });

  for (const route of protectedRoutes) {
    const permission = route.access === 'public' ? undefined : route.access;
    if (!permission) continue;
    it(`${route.method} ${route.path} (${permission})`, async () => {
      for (const role of ROLES) {
        const token = await tokens.get(role);
        const path = concretePath(route.path);
        if (!roleHasPermission(role, permission)) {
          const problem = await rejected(route.method, path, 403, { token });
          expect(problem.detail, `${role} on ${route.method} ${route.path}`).toContain(permission);
          continue;
        }
        const response = await api<{ detail?: string }>(route.method, path, { token });
        expect(response.status, `${role} on ${route.method} ${route.path}: ${response.text}`).not.toBe(401);
        if (response.status === 403) {
          expect(
            response.body.detail ?? '',
            `${role} refused by role on ${route.method} ${route.path}`,
          ).not.toContain('may not do this');
        }
      }
    });
  }
});
