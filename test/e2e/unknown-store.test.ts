import { beforeAll, describe, expect, it } from 'vitest';
import { httpRoutes } from '../../infra/app-definition.js';
import { ROLES, type Role, roleHasPermission } from '../../lib/auth/roles.js';
import { isStoreScopedPath } from '../../lib/auth/store-scope.js';
import type { RouteContract } from '../../lib/http/route.js';
import { api, expectProblem, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createProduct, createStore } from '../support/e2e-resources.js';
import { uniqueSuffix } from '../support/fixtures.js';

/** Every /stores/{storeId}/… route of the app definition: a new route is covered by being declared. */
const storeRoutes = httpRoutes()
  .map(({ route }) => route)
  .filter((route) => isStoreScopedPath(route.path));

/** A valid body per operation that takes one, so that only the store decides the answer. */
const sampleBodies = (sku: string): Record<string, unknown> => ({
  adjustInventory: { delta: 1, reason: 'received' },
  submitStocktake: { lines: [{ sku, expected: 0, counted: 1 }] },
  setReorderRule: { reorderPoint: 2, reorderQuantity: 10 },
});

const pathFor = (route: RouteContract, storeId: string, sku: string) =>
  route.path
    .replace('{storeId}', storeId)
    .replace('{sku}', sku)
    .replace('{stocktakeId}', 'stk_01jabcdefghjkmnpqrstvwxyz0');

let sku: string;
let realStore: string;
const unknownStore = `st_never_${uniqueSuffix().toLowerCase()}`;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  const admin = await tokenFor('admin');
  realStore = (await createStore(admin, { name: 'Known store' })).storeId;
  sku = (await createProduct(admin)).variants[0]?.sku as string;
  // Scoped roles carry the unknown id in their token, as a stale Cognito attribute would.
  for (const role of ROLES)
    tokens.set(
      role,
      role === 'admin' || role === 'finance' ? await tokenFor(role) : await tokenFor(role, [unknownStore]),
    );
});

describe('an unknown store under /stores/{storeId}/…', () => {
  it('covers every store-scoped route of the app definition, each with a sample body where it takes one', () => {
    expect(storeRoutes.length).toBeGreaterThanOrEqual(12);
    const bodies = sampleBodies('SKU');
    for (const route of storeRoutes)
      if (route.body)
        expect(bodies, `${route.operationId} needs a sample body`).toHaveProperty(route.operationId);
  });

  for (const role of ROLES) {
    it(`answers 404 on every route for ${role} (403 where the role lacks the permission), writing nothing`, async () => {
      const token = tokens.get(role) as string;
      for (const route of storeRoutes) {
        if (route.access === 'public') continue;
        const expected = roleHasPermission(role, route.access) ? 404 : 403;
        const path = pathFor(route, unknownStore, sku);
        const body = sampleBodies(sku)[route.operationId];
        const options = { token, ...(body === undefined ? {} : { body }) };
        const problem =
          route.method === 'GET'
            ? expectProblem(await api(route.method, path, options), expected)
            : await rejected(route.method, path, expected, options);
        if (expected === 404) {
          expect(problem.type, `${route.method} ${route.path}`).toBe('/problems/not-found');
          expect(problem.detail).toBe(`Store ${unknownStore} was not found.`);
        }
      }
    });
  }

  it('answers exactly as for a store outside the caller’s scope', async () => {
    const manager = await tokenFor('manager', [unknownStore]);
    const outside = await api('GET', `/stores/${realStore}/inventory`, { token: manager });
    const missing = await api('GET', `/stores/${unknownStore}/inventory`, { token: manager });
    const strip = (body: unknown) => {
      const { requestId: _r, detail: _d, ...rest } = body as Record<string, unknown>;
      return rest;
    };
    expect(outside.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(strip(missing.body)).toEqual(strip(outside.body));
  });

  it('still serves a store that exists', async () => {
    const admin = tokens.get('admin') as string;
    const page = expectSuccess(await api('GET', `/stores/${realStore}/inventory`, { token: admin }), 200);
    expect(page).toMatchObject({ items: [] });
    const level = expectSuccess(
      await api('GET', `/stores/${realStore}/inventory/${sku}`, { token: admin }),
      200,
    );
    expect(level).toMatchObject({ storeId: realStore, sku, onHand: 0 });
  });
});
