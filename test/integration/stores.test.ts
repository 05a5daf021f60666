import { describe, expect, it } from 'vitest';
import { createStore, getStore, listStores, updateStore } from '../../lib/stores/store-service.js';
import { admin, managerOf, storeInput } from '../support/fixtures.js';

describe('store service against DynamoDB Local', () => {
  it('creates a store at version 1 with audit attributes and reads it back', async () => {
    const store = await createStore(admin, storeInput({ name: 'Bondi' }));
    expect(store).toMatchObject({ name: 'Bondi', version: 1, updatedBy: 'test-admin', status: 'active' });
    expect(await getStore(admin, store.storeId)).toEqual(store);
  });

  it('lets exactly one of many concurrent creates claim a store code', async () => {
    const input = storeInput();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => createStore(admin, input)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => r.reason.status)).toEqual(Array(7).fill(409));
  });

  it('hides other stores from a manager, as 404', async () => {
    const mine = await createStore(admin, storeInput());
    const theirs = await createStore(admin, storeInput());
    const manager = managerOf(mine.storeId);
    expect((await getStore(manager, mine.storeId)).storeId).toBe(mine.storeId);
    await expect(getStore(manager, theirs.storeId)).rejects.toMatchObject({ status: 404 });
    const page = await listStores(manager, { limit: 25 });
    expect(page.items.map((s) => s.storeId)).toEqual([mine.storeId]);
    await expect(updateStore(manager, theirs.storeId, { name: 'Mine now' }, 1)).rejects.toMatchObject({
      status: 404,
    });
    expect((await getStore(admin, theirs.storeId)).version).toBe(1);
  });

  it('pages through every store by code without repeats', async () => {
    for (let i = 0; i < 5; i++) await createStore(admin, storeInput());
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listStores(admin, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((s) => s.code));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
  });

  it('pages a manager through only their stores, by code, honouring limit and cursor', async () => {
    const mine = [];
    for (let i = 0; i < 5; i++) mine.push(await createStore(admin, storeInput()));
    await createStore(admin, storeInput());
    // A store id in the token that does not exist (closed and purged, or a typo) is skipped.
    const manager = managerOf(...mine.map((store) => store.storeId), 'st_missing');
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listStores(manager, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((store) => store.storeId));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    const byCode = [...mine].sort((a, b) => (a.code < b.code ? -1 : 1)).map((store) => store.storeId);
    expect(seen).toEqual(byCode);
    // The full listing's cursors are not valid here, and vice versa.
    const adminPage = await listStores(admin, { limit: 1 });
    await expect(
      listStores(manager, { limit: 2, cursor: adminPage.nextCursor ?? undefined }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('updates with optimistic concurrency: one of two racing writers wins, the other gets 412', async () => {
    const store = await createStore(admin, storeInput());
    const results = await Promise.allSettled([
      updateStore(admin, store.storeId, { name: 'A' }, 1),
      updateStore(admin, store.storeId, { name: 'B' }, 1),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { status: 412 } });
    const current = await getStore(admin, store.storeId);
    expect(current.version).toBe(2);
    await expect(updateStore(admin, store.storeId, { name: 'C' }, 1)).rejects.toMatchObject({ status: 412 });
  });

  it('moves the unique code on a code change and frees the old one', async () => {
    const store = await createStore(admin, storeInput());
    const other = await createStore(admin, storeInput());
    await expect(updateStore(admin, other.storeId, { code: store.code }, 1)).rejects.toMatchObject({
      status: 409,
    });
    const renamed = await updateStore(admin, store.storeId, { code: `${store.code}X` }, 1);
    expect(renamed).toMatchObject({ version: 2, code: `${store.code}X` });
    const moved = await updateStore(admin, other.storeId, { code: store.code }, 1);
    expect(moved.code).toBe(store.code);
  });
});
