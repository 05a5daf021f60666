import { createHash, createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { httpRoutes } from '../../infra/app-definition.js';
import * as z from '../../lib/zod.js';
import { customerInput } from '../support/customer-fixtures.js';
import { api, errorPaths, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createProduct, createStore } from '../support/e2e-resources.js';

type Page = { items: unknown[]; nextCursor: string | null };

/** Every route that pages, from the route contracts: a new listing is covered without editing this. */
const LISTINGS = httpRoutes()
  .map(({ route }) => route)
  .filter((route) => route.query instanceof z.ZodMiniObject && 'cursor' in route.query.shape);

let admin: string;
let storeA: string;
let storeB: string;
let productId: string;
let sku: string;
let customerId: string;

const pathOf = (template: string, storeId = storeA): string =>
  template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = { storeId, productId, sku, customerId }[name];
    if (!value) throw new Error(`No e2e value for path parameter ${name} of ${template}`);
    return value;
  });

/** The query a listing needs besides its cursor (GET /audit names the entity it lists). */
const REQUIRED_QUERY: Readonly<Record<string, string>> = {
  listEntityAudit: 'entityType=Order&entityId=or_unknown&',
};

const withCursor = (path: string, cursor: string, limit = 1, operationId = '') =>
  `${path}?${REQUIRED_QUERY[operationId] ?? ''}limit=${limit}&cursor=${encodeURIComponent(cursor)}`;

/** What the outside review built: cursors in the old format (unkeyed checksum), or signed by a key of their own. */
const forged = (key: Record<string, unknown>, scope: string, secret?: string): string => {
  const body = Buffer.from(JSON.stringify({ s: scope, k: key })).toString('base64url');
  const mac = secret
    ? createHmac('sha256', secret).update(body).digest('base64url')
    : createHash('sha256').update(body).digest('base64url').slice(0, 16);
  return `${body}.${mac}`;
};

const attacks = (): string[] => [
  forged({ pk: '', sk: '' }, 'table||""|asc'),
  forged({ gsi1pk: 7, gsi1sk: 'x', pk: 'a', sk: 'b' }, 'gsi1|STORES|""|asc'),
  forged({ gsi2pk: `STORE#${storeB}`, gsi2sk: 'z', pk: 'x', sk: 'y' }, `gsi2|STORE#${storeB}|""|desc`),
  forged({ position: 'zzz' }, 'stores:scoped', randomBytes(32).toString('base64url')),
  forged({ store: storeB }, `stores|${storeA},${storeB}`),
  'garbage',
  'a.b.c',
  `${'A'.repeat(100)}.${'B'.repeat(43)}`,
];

beforeAll(async () => {
  admin = await tokenFor('admin');
  storeA = (await createStore(admin, { name: 'Cursor A' })).storeId;
  storeB = (await createStore(admin, { name: 'Cursor B' })).storeId;
  const product = await createProduct(admin);
  productId = product.productId;
  const skus = product.variants.map((variant) => variant.sku);
  sku = skus[0] as string;
  for (const storeId of [storeA, storeB]) {
    for (const variant of skus) {
      for (const reason of ['received', 'received']) {
        expectSuccess(
          await api('POST', `/stores/${storeId}/inventory/${variant}/adjustments`, {
            token: admin,
            body: { delta: 3, reason },
          }),
          201,
        );
      }
    }
  }
  customerId = expectSuccess(
    await api<{ customerId: string }>('POST', '/customers', { token: admin, body: customerInput() }),
    201,
  ).customerId;
});

describe('pagination cursors over HTTP', () => {
  it('covers every listing route', () => {
    expect(LISTINGS.length).toBeGreaterThanOrEqual(14);
  });

  it.each(LISTINGS.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s answers a forged, altered or malformed cursor with 400 on query.cursor',
    async (_key, route) => {
      for (const cursor of attacks()) {
        const problem = await rejected(
          route.method,
          withCursor(pathOf(route.path), cursor, 1, route.operationId),
          400,
          {
            token: admin,
          },
        );
        expect(errorPaths(problem)).toEqual(['query.cursor']);
      }
    },
  );

  it('refuses every mutation of a real cursor, on its own listing', async () => {
    const listings = [
      '/stores',
      `/stores/${storeA}/inventory`,
      `/stores/${storeA}/inventory/${sku}/movements`,
    ];
    for (const path of listings) {
      const page = expectSuccess(await api<Page>('GET', `${path}?limit=1`, { token: admin }), 200);
      const cursor = page.nextCursor as string;
      expect(cursor, path).toEqual(expect.any(String));
      expect((await api('GET', withCursor(path, cursor), { token: admin })).status).toBe(200);
      const mutations = fc.sample(
        fc.tuple(fc.nat(cursor.length - 1), fc.constantFrom(...'AZaz09-_.'.split(''))),
        { numRuns: 8, seed: 11 },
      );
      for (const [at, char] of mutations) {
        const mutated = cursor.slice(0, at) + char + cursor.slice(at + 1);
        if (mutated === cursor) continue;
        const problem = await rejected('GET', withCursor(path, mutated), 400, { token: admin });
        expect(errorPaths(problem)).toEqual(['query.cursor']);
      }
    }
  });

  it("refuses store A's cursor on store B's listing, whoever asks", async () => {
    const listings = LISTINGS.filter((route) => route.path.startsWith('/stores/{storeId}/'));
    const both = await tokenFor('manager', [storeA, storeB]);
    let checked = 0;
    for (const route of listings) {
      const page = expectSuccess(
        await api<Page>('GET', `${pathOf(route.path)}?limit=1`, { token: admin }),
        200,
      );
      if (!page.nextCursor) continue; // a listing with fewer than two items here
      checked++;
      for (const token of [admin, both]) {
        const problem = await rejected('GET', withCursor(pathOf(route.path, storeB), page.nextCursor), 400, {
          token,
        });
        expect(errorPaths(problem)).toEqual(['query.cursor']);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2); // at least inventory and movements
  });

  it("refuses a cross-store listing's cursor to a caller with other stores", async () => {
    const path = `/products/${productId}/inventory`;
    const both = await tokenFor('manager', [storeA, storeB]);
    const page = expectSuccess(await api<Page>('GET', `${path}?limit=1`, { token: both }), 200);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect((await api('GET', withCursor(path, page.nextCursor ?? ''), { token: both })).status).toBe(200);
    for (const token of [await tokenFor('manager', [storeB]), await tokenFor('staff', [storeA])]) {
      await rejected('GET', withCursor(path, page.nextCursor ?? ''), 400, { token });
    }
  });

  it("refuses one listing's cursor on another listing or filter", async () => {
    const stores = expectSuccess(await api<Page>('GET', '/stores?limit=1', { token: admin }), 200);
    const cursor = stores.nextCursor as string;
    for (const path of ['/products', '/suppliers', '/promotions', `/stores/${storeA}/inventory`]) {
      await rejected('GET', withCursor(path, cursor), 400, { token: admin });
    }
    const inventory = expectSuccess(
      await api<Page>('GET', `/stores/${storeA}/inventory?limit=1`, { token: admin }),
      200,
    );
    await rejected(
      'GET',
      `/stores/${storeA}/inventory?limit=1&belowReorderPoint=true&cursor=${encodeURIComponent(inventory.nextCursor ?? '')}`,
      400,
      { token: admin },
    );
  });
});
