import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/stores/store-schemas.js';
import { api, errorPaths, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createStore } from '../support/e2e-resources.js';
import { storeInput } from '../support/fixtures.js';

type StorePage = { items: Store[]; nextCursor: string | null };

let admin: string;
let storeA: Store;
let storeB: Store;
let managerOfA: string;

beforeAll(async () => {
  admin = await tokenFor('admin');
  storeA = await createStore(admin, { name: 'Store A' });
  storeB = await createStore(admin, { name: 'Store B' });
  managerOfA = await tokenFor('manager', [storeA.storeId]);
});

/** Every store the token may list, across pages. */
const listAll = async (token: string, limit = 100): Promise<Store[]> => {
  const stores: Store[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: StorePage = expectSuccess(
      await api<StorePage>('GET', `/stores?limit=${limit}${query}`, { token }),
      200,
    );
    expect(page.items.length).toBeLessThanOrEqual(limit);
    stores.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return stores;
};

describe('stores over HTTP', () => {
  it('lets an admin open a store: 201 with ETag "1" and Location, then reads it back', async () => {
    const response = await api<Store>('POST', '/stores', {
      token: admin,
      body: storeInput({ name: 'Bondi Junction' }),
    });
    const store = expectSuccess(response, 201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/stores/${store.storeId}`);
    expect(store).toMatchObject({
      name: 'Bondi Junction',
      version: 1,
      status: 'active',
      updatedBy: 'dev-admin',
    });

    const fetched = await api<Store>('GET', `/stores/${store.storeId}`, { token: admin });
    expect(expectSuccess(fetched, 200)).toEqual(store);
    expect(fetched.headers.etag).toBe('"1"');
  });

  it('lists every store for an admin, only their own for a manager or staff', async () => {
    const all = (await listAll(admin)).map((s) => s.storeId);
    expect(all).toEqual(expect.arrayContaining([storeA.storeId, storeB.storeId]));

    const managerOfBoth = await tokenFor('manager', [storeA.storeId, storeB.storeId]);
    expect((await listAll(managerOfBoth)).map((s) => s.storeId).sort()).toEqual(
      [storeA.storeId, storeB.storeId].sort(),
    );
    // One store a page: the cursor walks the token's stores by code, none twice.
    const byCode = [storeA, storeB].sort((a, b) => (a.code < b.code ? -1 : 1)).map((s) => s.storeId);
    expect((await listAll(managerOfBoth, 1)).map((s) => s.storeId)).toEqual(byCode);
    expect((await listAll(managerOfA)).map((s) => s.storeId)).toEqual([storeA.storeId]);
    const staffOfB = await tokenFor('staff', [storeB.storeId]);
    expect((await listAll(staffOfB)).map((s) => s.storeId)).toEqual([storeB.storeId]);
    const finance = await tokenFor('finance');
    expect((await listAll(finance)).map((s) => s.storeId)).toEqual(expect.arrayContaining(all));
  });

  it('hides another store from a manager as 404, leaking nothing of it', async () => {
    expectSuccess(await api('GET', `/stores/${storeA.storeId}`, { token: managerOfA }), 200);
    const problem = await rejected('GET', `/stores/${storeB.storeId}`, 404, { token: managerOfA });
    expect(problem.response.text).not.toContain(storeB.code);
    expect(problem.response.text).not.toContain(storeB.name);
    await rejected('GET', '/stores/st_does_not_exist', 404, { token: admin });
  });

  it('updates with If-Match: 200 and ETag "2"; stale 412; missing 428', async () => {
    const store = await createStore(admin);
    const path = `/stores/${store.storeId}`;
    const manager = await tokenFor('manager', [store.storeId]);
    const updated = await api<Store>('PATCH', path, {
      token: manager,
      body: { name: 'Renamed' },
      headers: { 'if-match': '"1"' },
    });
    expect(expectSuccess(updated, 200)).toMatchObject({
      name: 'Renamed',
      version: 2,
      updatedBy: 'dev-manager',
    });
    expect(updated.headers.etag).toBe('"2"');

    const stale = await rejected('PATCH', path, 412, {
      token: manager,
      body: { name: 'Lost update' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.currentVersion).toBe(2);
    await rejected('PATCH', path, 428, { token: manager, body: { name: 'No precondition' } });
    const badTag = await rejected('PATCH', path, 400, {
      token: manager,
      body: { name: 'Weak' },
      headers: { 'if-match': 'W/"2"' },
    });
    expect(errorPaths(badTag)).toEqual(['headers.if-match']);
  });

  it('refuses a manager changing a store outside their scope (404) and staff changing any (403)', async () => {
    await rejected('PATCH', `/stores/${storeB.storeId}`, 404, {
      token: managerOfA,
      body: { name: 'Mine now' },
      headers: { 'if-match': '"1"' },
    });
    const staffOfA = await tokenFor('staff', [storeA.storeId]);
    await rejected('PATCH', `/stores/${storeA.storeId}`, 403, {
      token: staffOfA,
      body: { name: 'Staff rename' },
      headers: { 'if-match': '"1"' },
    });
  });

  it('lets only admins open stores', async () => {
    for (const token of [await tokenFor('staff', [storeA.storeId]), await tokenFor('finance'), managerOfA]) {
      await rejected('POST', '/stores', 403, { token, body: storeInput() });
    }
  });

  it('refuses a duplicate store code with 409 naming body.code', async () => {
    const problem = await rejected('POST', '/stores', 409, { token: admin, body: storeInputFrom(storeA) });
    expect(errorPaths(problem)).toEqual(['body.code']);
  });
});

/** A create body copied from an existing store, code included. */
function storeInputFrom(store: Store) {
  const { code, address, channels, name, region, timezone } = store;
  return { code, name, address, region, channels, timezone };
}
