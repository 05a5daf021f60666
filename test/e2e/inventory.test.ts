import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AdjustmentResult,
  InventoryLevel,
  Movement,
  StocktakeResult,
} from '../../lib/inventory/inventory-schemas.js';
import { api, errorPaths, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createProduct, createStore } from '../support/e2e-resources.js';

type Page<T> = { items: T[]; nextCursor: string | null };

let admin: string;
let finance: string;
let storeA: string;
let storeB: string;
let managerOfA: string;
let staffOfA: string;
let productId: string;
let skus: [string, string];

const levelPath = (storeId: string, sku: string) => `/stores/${storeId}/inventory/${sku}`;

const adjust = async (token: string, storeId: string, sku: string, body: Record<string, unknown>) =>
  expectSuccess(
    await api<AdjustmentResult>('POST', `${levelPath(storeId, sku)}/adjustments`, { token, body }),
    201,
  );

beforeAll(async () => {
  admin = await tokenFor('admin');
  finance = await tokenFor('finance');
  storeA = (await createStore(admin, { name: 'Inventory A' })).storeId;
  storeB = (await createStore(admin, { name: 'Inventory B' })).storeId;
  managerOfA = await tokenFor('manager', [storeA]);
  staffOfA = await tokenFor('staff', [storeA]);
  const product = await createProduct(admin);
  productId = product.productId;
  skus = product.variants.map((variant) => variant.sku) as [string, string];
  await adjust(admin, storeA, skus[0], { delta: 10, reason: 'received' });
  await adjust(admin, storeB, skus[0], { delta: 4, reason: 'received' });
});

describe('inventory over HTTP', () => {
  it('reads a never-stocked SKU as zeros and a stocked one with its ETag', async () => {
    const zero = await api<InventoryLevel>('GET', levelPath(storeA, skus[1]), { token: staffOfA });
    expect(expectSuccess(zero, 200)).toMatchObject({
      productId,
      onHand: 0,
      available: 0,
      version: 0,
      updatedAt: null,
    });
    expect(zero.headers.etag).toBeUndefined();
    const stocked = await api<InventoryLevel>('GET', levelPath(storeA, skus[0]), { token: finance });
    expect(expectSuccess(stocked, 200)).toMatchObject({
      onHand: 10,
      available: 10,
      belowReorderPoint: false,
    });
    expect(stocked.headers.etag).toBe(`"${stocked.body.version}"`);
    await rejected('GET', levelPath(storeA, 'NO-SUCH-SKU'), 404, { token: admin });
  });

  it('adjusts with each reason’s meaning: 201 with the new level and the movement', async () => {
    const store = (await createStore(admin)).storeId;
    const manager = await tokenFor('manager', [store]);
    const staff = await tokenFor('staff', [store]);
    const received = await api<AdjustmentResult>('POST', `${levelPath(store, skus[0])}/adjustments`, {
      token: staff,
      body: { delta: 8, reason: 'received', note: 'Delivery' },
    });
    expect(expectSuccess(received, 201)).toMatchObject({
      level: { onHand: 8, available: 8, version: 1, updatedBy: 'dev-staff' },
      movement: { reason: 'received', onHandDelta: 8, note: 'Delivery', actor: 'dev-staff' },
    });
    expect(received.headers.etag).toBe('"1"');
    const damaged = await adjust(staff, store, skus[0], { delta: 2, reason: 'damaged' });
    expect(damaged.level).toMatchObject({ onHand: 8, unavailable: 2, available: 6 });
    const shrink = await adjust(manager, store, skus[0], { delta: -3, reason: 'shrinkage' });
    expect(shrink.level).toMatchObject({ onHand: 5, unavailable: 2, available: 3 });

    const movements = expectSuccess(
      await api<Page<Movement>>('GET', `${levelPath(store, skus[0])}/movements?limit=2`, { token: staff }),
      200,
    );
    expect(movements.items.map((m) => m.reason)).toEqual(['shrinkage', 'damaged']);
    const older = expectSuccess(
      await api<Page<Movement>>(
        'GET',
        `${levelPath(store, skus[0])}/movements?limit=2&cursor=${encodeURIComponent(movements.nextCursor ?? '')}`,
        { token: staff },
      ),
      200,
    );
    expect(older.items.map((m) => m.reason)).toEqual(['received']);
  });

  it('refuses staff reasons beyond received, damaged and correction (403 naming body.reason)', async () => {
    const problem = await rejected('POST', `${levelPath(storeA, skus[0])}/adjustments`, 403, {
      token: staffOfA,
      body: { delta: -1, reason: 'shrinkage' },
    });
    expect(errorPaths(problem)).toEqual(['body.reason']);
  });

  it('answers 409 with the shortage when an adjustment would go below zero', async () => {
    const problem = await rejected('POST', `${levelPath(storeA, skus[0])}/adjustments`, 409, {
      token: managerOfA,
      body: { delta: -11, reason: 'shrinkage' },
    });
    expect(problem).toMatchObject({
      type: '/problems/insufficient-stock',
      shortages: [{ storeId: storeA, sku: skus[0], requested: 11, available: 10 }],
    });
  });

  it('answers 400 naming the field for bad adjustments, stocktakes, rules and queries', async () => {
    const cases: [string, string, unknown, string[]][] = [
      ['POST', `${levelPath(storeA, skus[0])}/adjustments`, { delta: 0, reason: 'received' }, ['body.delta']],
      ['POST', `${levelPath(storeA, skus[0])}/adjustments`, { delta: 1, reason: 'gift' }, ['body.reason']],
      [
        'POST',
        `${levelPath(storeA, skus[0])}/adjustments`,
        { delta: 1, reason: 'transfer_in' },
        ['body.reason'],
      ],
      [
        'POST',
        `${levelPath(storeA, skus[0])}/adjustments`,
        { delta: -1, reason: 'received' },
        ['body.delta'],
      ],
      [
        'POST',
        `${levelPath(storeA, skus[0])}/adjustments`,
        { delta: 1, reason: 'received', by: 'me' },
        ['body.by'],
      ],
      [
        'POST',
        `/stores/${storeA}/stocktakes`,
        {
          lines: [
            { sku: skus[0], expected: 10, counted: 9 },
            { sku: skus[0], expected: 10, counted: 9 },
          ],
        },
        ['body.lines[1].sku'],
      ],
      ['POST', `/stores/${storeA}/stocktakes`, { lines: [] }, ['body.lines']],
      [
        'POST',
        `/stores/${storeA}/stocktakes`,
        { lines: [{ sku: 'NOT-IN-CATALOG', expected: 0, counted: 1 }] },
        ['body.lines[0].sku'],
      ],
      [
        'PUT',
        `${levelPath(storeA, skus[0])}/reorder-rule`,
        { reorderPoint: 2, reorderQuantity: 0 },
        ['body.reorderQuantity'],
      ],
      [
        'PUT',
        `${levelPath(storeA, skus[0])}/reorder-rule`,
        { reorderPoint: 2, reorderQuantity: 4, preferredSupplierId: 'sup_missing' },
        ['body.preferredSupplierId'],
      ],
    ];
    for (const [method, path, body, paths] of cases) {
      const problem = await rejected(method, path, 400, { token: admin, body });
      expect(errorPaths(problem), `${method} ${path} ${JSON.stringify(body)}`).toEqual(paths);
    }
    const query = await rejected('GET', `/stores/${storeA}/inventory?belowReorderPoint=maybe`, 400, {
      token: admin,
    });
    expect(errorPaths(query)).toEqual(['query.belowReorderPoint']);
  });

  it('hides another store’s inventory from a manager and staff (404), writing nothing', async () => {
    for (const token of [managerOfA, staffOfA]) {
      await rejected('GET', `/stores/${storeB}/inventory`, 404, { token });
      await rejected('GET', levelPath(storeB, skus[0]), 404, { token });
      await rejected('GET', `${levelPath(storeB, skus[0])}/movements`, 404, { token });
      await rejected('POST', `${levelPath(storeB, skus[0])}/adjustments`, 404, {
        token,
        body: { delta: 1, reason: 'received' },
      });
      await rejected('POST', `/stores/${storeB}/stocktakes`, 404, {
        token,
        body: { lines: [{ sku: skus[0], expected: 4, counted: 4 }] },
      });
    }
    await rejected('PUT', `${levelPath(storeB, skus[0])}/reorder-rule`, 404, {
      token: managerOfA,
      body: { reorderPoint: 1, reorderQuantity: 1 },
    });
  });

  it('lists a product’s levels across the caller’s stores only', async () => {
    const product = await createProduct(admin);
    const sku = product.variants[0]?.sku as string;
    await adjust(admin, storeA, sku, { delta: 3, reason: 'received' });
    await adjust(admin, storeB, sku, { delta: 2, reason: 'received' });
    const path = `/products/${product.productId}/inventory`;
    const all = expectSuccess(await api<Page<InventoryLevel>>('GET', path, { token: finance }), 200);
    expect(all.items.map((level) => level.storeId).sort()).toEqual([storeA, storeB].sort());
    const mine = expectSuccess(
      await api<Page<InventoryLevel>>('GET', `${path}?limit=1`, { token: managerOfA }),
      200,
    );
    expect(mine.items).toMatchObject([{ storeId: storeA, sku, onHand: 3 }]);
    const rest = expectSuccess(
      await api<Page<InventoryLevel>>(
        'GET',
        `${path}?limit=1&cursor=${encodeURIComponent(mine.nextCursor ?? '')}`,
        {
          token: managerOfA,
        },
      ),
      200,
    );
    expect(rest).toEqual({ items: [], nextCursor: null });
    await rejected('GET', '/products/pr_missing/inventory', 404, { token: admin });
    await rejected('GET', `${path}?cursor=garbage`, 400, { token: managerOfA });
  });

  it('lets managers set reorder rules (staff and finance 403) and lists levels below their point', async () => {
    await rejected('PUT', `${levelPath(storeA, skus[0])}/reorder-rule`, 403, {
      token: staffOfA,
      body: { reorderPoint: 20, reorderQuantity: 10 },
    });
    await rejected('PUT', `${levelPath(storeA, skus[0])}/reorder-rule`, 403, {
      token: finance,
      body: { reorderPoint: 20, reorderQuantity: 10 },
    });
    const store = (await createStore(admin)).storeId;
    const manager = await tokenFor('manager', [store]);
    await adjust(admin, store, skus[0], { delta: 5, reason: 'received' });
    await adjust(admin, store, skus[1], { delta: 50, reason: 'received' });
    const rule = await api<InventoryLevel>('PUT', `${levelPath(store, skus[0])}/reorder-rule`, {
      token: manager,
      body: { reorderPoint: 6, reorderQuantity: 12, safetyStock: 2 },
    });
    expect(expectSuccess(rule, 200)).toMatchObject({
      onHand: 5,
      reorderRule: { reorderPoint: 6, reorderQuantity: 12, safetyStock: 2 },
      belowReorderPoint: true,
    });
    expect(rule.headers.etag).toBe(`"${rule.body.version}"`);
    expectSuccess(
      await api('PUT', `${levelPath(store, skus[1])}/reorder-rule`, {
        token: manager,
        body: { reorderPoint: 6, reorderQuantity: 12 },
      }),
      200,
    );
    const below = expectSuccess(
      await api<Page<InventoryLevel>>('GET', `/stores/${store}/inventory?belowReorderPoint=true`, {
        token: manager,
      }),
      200,
    );
    expect(below.items.map((level) => level.sku)).toEqual([skus[0]]);
    await rejected('DELETE', `${levelPath(store, skus[0])}/reorder-rule`, 403, { token: staffOfA });
    const removed = await api<InventoryLevel>('DELETE', `${levelPath(store, skus[0])}/reorder-rule`, {
      token: manager,
    });
    expect(expectSuccess(removed, 200)).toMatchObject({ onHand: 5, belowReorderPoint: false });
    expect(removed.body.reorderRule).toBeUndefined();
    expect(removed.headers.etag).toBe(`"${removed.body.version}"`);
    await rejected('DELETE', `${levelPath(store, skus[0])}/reorder-rule`, 404, { token: manager });
    const afterRemoval = expectSuccess(
      await api<Page<InventoryLevel>>('GET', `/stores/${store}/inventory?belowReorderPoint=true`, {
        token: manager,
      }),
      200,
    );
    expect(afterRemoval.items).toEqual([]);
    const all = expectSuccess(
      await api<Page<InventoryLevel>>('GET', `/stores/${store}/inventory?limit=1`, { token: manager }),
      200,
    );
    expect(all.items).toHaveLength(1);
    expect(all.nextCursor).not.toBeNull();
  });

  it('applies matching stocktake lines and returns stale ones as conflicts (201)', async () => {
    const store = (await createStore(admin)).storeId;
    const staff = await tokenFor('staff', [store]);
    await adjust(admin, store, skus[0], { delta: 6, reason: 'received' });
    await adjust(admin, store, skus[1], { delta: 6, reason: 'received' });
    const response = await api<StocktakeResult>('POST', `/stores/${store}/stocktakes`, {
      token: staff,
      body: {
        lines: [
          { sku: skus[0], expected: 6, counted: 5 },
          { sku: skus[1], expected: 7, counted: 7 },
        ],
      },
    });
    expect(expectSuccess(response, 201)).toMatchObject({
      applied: [{ sku: skus[0], expected: 6, counted: 5, variance: -1 }],
      conflicts: [{ sku: skus[1], expected: 7, onHand: 6, reason: 'on-hand-changed' }],
      totalVariance: -1,
    });
    const level = expectSuccess(
      await api<InventoryLevel>('GET', levelPath(store, skus[0]), { token: staff }),
      200,
    );
    expect(level.onHand).toBe(5);

    // Read back: the store's list (finance too), one by id, and 404 for another store's staff.
    const { stocktakeId } = response.body;
    const list = expectSuccess(
      await api<{ items: StocktakeResult[]; nextCursor: string | null }>(
        'GET',
        `/stores/${store}/stocktakes`,
        {
          token: finance,
        },
      ),
      200,
    );
    expect(list.items.map((stocktake) => stocktake.stocktakeId)).toEqual([stocktakeId]);
    const one = expectSuccess(
      await api<StocktakeResult & { actor: string }>('GET', `/stores/${store}/stocktakes/${stocktakeId}`, {
        token: staff,
      }),
      200,
    );
    expect(one).toMatchObject({ ...response.body, actor: 'dev-staff' });
    await rejected('GET', `/stores/${store}/stocktakes/${stocktakeId}`, 404, { token: staffOfA });
    await rejected('GET', `/stores/${store}/stocktakes`, 404, { token: managerOfA });
    await rejected('GET', `/stores/${store}/stocktakes/stk_missing`, 404, { token: admin });
  });

  it('refuses finance any inventory write (403)', async () => {
    await rejected('POST', `${levelPath(storeA, skus[0])}/adjustments`, 403, {
      token: finance,
      body: { delta: 1, reason: 'received' },
    });
    await rejected('POST', `/stores/${storeA}/stocktakes`, 403, {
      token: finance,
      body: { lines: [{ sku: skus[0], expected: 10, counted: 10 }] },
    });
  });
});
