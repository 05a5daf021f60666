import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../lib/db/client.js';
import { inventoryKeys } from '../../lib/db/keys.js';
import {
  adjustInventory,
  getInventoryLevel,
  listMovements,
  listProductInventory,
  listStoreInventory,
  removeReorderRule,
  setReorderRule,
} from '../../lib/inventory/inventory-service.js';
import { getStocktake, listStocktakes, submitStocktake } from '../../lib/inventory/stocktake-service.js';
import { createSupplier } from '../../lib/suppliers/supplier-service.js';
import { admin, managerOf } from '../support/fixtures.js';
import {
  applyChange,
  levelItem,
  movementSums,
  newProduct,
  newStore,
  quantities,
  receiveStock,
  staffOf,
} from '../support/stock-fixtures.js';

const allPages = async <T>(
  fetch: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
) => {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
};

describe('inventory levels', () => {
  it('reads a catalog SKU never stocked here as zeros, and an unknown SKU as 404', async () => {
    const storeId = await newStore();
    const { productId, skus } = await newProduct(1);
    const sku = skus[0] as string;
    expect(await getInventoryLevel(admin, storeId, sku)).toEqual({
      storeId,
      sku,
      productId,
      onHand: 0,
      committed: 0,
      unavailable: 0,
      available: 0,
      incoming: 0,
      belowReorderPoint: false,
      version: 0,
      updatedAt: null,
      updatedBy: null,
    });
    await expect(getInventoryLevel(admin, storeId, 'NO-SUCH-SKU')).rejects.toMatchObject({ status: 404 });
  });

  it('hides another store’s stock from a manager and from staff, as 404', async () => {
    const [mine, theirs] = [await newStore(), await newStore()];
    const { skus } = await newProduct(1);
    const sku = skus[0] as string;
    for (const principal of [managerOf(mine), staffOf(mine)]) {
      await expect(getInventoryLevel(principal, theirs, sku)).rejects.toMatchObject({ status: 404 });
      await expect(listStoreInventory(principal, theirs, { limit: 5 })).rejects.toMatchObject({
        status: 404,
      });
      await expect(
        adjustInventory(principal, theirs, sku, { delta: 1, reason: 'received' }),
      ).rejects.toMatchObject({ status: 404 });
    }
    expect(await levelItem(theirs, sku)).toEqual({});
  });

  it('pages through a store’s levels by SKU, without the store or stocktake items', async () => {
    const storeId = await newStore();
    const { productId, skus } = await newProduct(5);
    for (const sku of skus) await receiveStock(storeId, sku, productId, 3);
    await submitStocktake(admin, storeId, { lines: [{ sku: skus[0] as string, expected: 3, counted: 3 }] });
    const levels = await allPages((cursor) => listStoreInventory(admin, storeId, { limit: 2, cursor }));
    expect(levels.map((level) => level.sku)).toEqual([...skus].sort());
    expect(levels.every((level) => level.onHand === 3 && level.available === 3)).toBe(true);
  });
});

describe('adjustments', () => {
  it('applies each reason’s meaning and records a movement with the actor', async () => {
    const storeId = await newStore();
    const { productId, skus } = await newProduct(1);
    const sku = skus[0] as string;
    const received = await adjustInventory(admin, storeId, sku, {
      delta: 10,
      reason: 'received',
      note: 'Delivery',
    });
    expect(received.level).toMatchObject({ productId, onHand: 10, available: 10, version: 1 });
    expect(received.movement).toMatchObject({
      reason: 'received',
      onHandDelta: 10,
      note: 'Delivery',
      actor: 'test-admin',
    });
    await adjustInventory(admin, storeId, sku, { delta: 2, reason: 'damaged' });
    expect(await quantities(storeId, sku)).toMatchObject({ onHand: 10, unavailable: 2, available: 8 });
    await adjustInventory(admin, storeId, sku, { delta: -1, reason: 'damaged' });
    expect(await quantities(storeId, sku)).toMatchObject({ onHand: 9, unavailable: 1, available: 8 });
    await adjustInventory(managerOf(storeId), storeId, sku, { delta: -3, reason: 'shrinkage' });
    await adjustInventory(staffOf(storeId), storeId, sku, {
      delta: -1,
      reason: 'correction',
      note: 'Miscounted',
    });
    expect(await quantities(storeId, sku)).toMatchObject({ onHand: 5, unavailable: 1, available: 4 });
    expect(await movementSums(storeId, sku)).toMatchObject({ onHand: 5, unavailable: 1, count: 5 });
  });

  it('refuses a change below zero with 409 and the available quantity, writing nothing', async () => {
    const storeId = await newStore();
    const { productId, skus } = await newProduct(1);
    const sku = skus[0] as string;
    await receiveStock(storeId, sku, productId, 4);
    await applyChange({ storeId, sku, productId, deltas: { committed: 3 }, reason: 'commit' });
    await expect(
      adjustInventory(admin, storeId, sku, { delta: -2, reason: 'shrinkage' }),
    ).rejects.toMatchObject({
      status: 409,
      slug: 'insufficient-stock',
      shortages: [{ storeId, sku, requested: 2, available: 1 }],
    });
    expect(await movementSums(storeId, sku)).toMatchObject({ onHand: 4, committed: 3, count: 2 });
  });

  it('limits staff to received, damaged and correction (403 naming body.reason)', async () => {
    const storeId = await newStore();
    const { productId, skus } = await newProduct(1);
    const sku = skus[0] as string;
    await receiveStock(storeId, sku, productId, 5);
    for (const reason of ['shrinkage', 'sale', 'return', 'restock', 'cycle_count'] as const) {
      const delta = reason === 'shrinkage' || reason === 'sale' ? -1 : 1;
      await expect(adjustInventory(staffOf(storeId), storeId, sku, { delta, reason })).rejects.toMatchObject({
        status: 403,
        errors: [{ path: 'body.reason' }],
      });
    }
    expect(await movementSums(storeId, sku)).toMatchObject({ count: 1 });
  });

  it('rejects reserved reasons and signs that contradict the reason with 400', async () => {
    const storeId = await newStore();
    const { skus } = await newProduct(1);
    const sku = skus[0] as string;
    await expect(
      adjustInventory(admin, storeId, sku, { delta: 1, reason: 'transfer_in' }),
    ).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body.reason' }],
    });
    await expect(
      adjustInventory(admin, storeId, sku, { delta: -1, reason: 'received' }),
    ).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body.delta' }],
    });
    await expect(
      adjustInventory(admin, storeId, 'NOPE-1', { delta: 1, reason: 'received' }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it('lists movements newest first with a cursor', async () => {
    const storeId = await newStore();
    const { skus } = await newProduct(1);
    const sku = skus[0] as string;
    for (const delta of [1, 2, 3, 4, 5]) {
      await adjustInventory(admin, storeId, sku, { delta, reason: 'received' });
    }
    const movements = await allPages((cursor) => listMovements(admin, storeId, sku, { limit: 2, cursor }));
    expect(movements.map((m) => m.onHandDelta)).toEqual([5, 4, 3, 2, 1]);
    await expect(listMovements(admin, storeId, 'NOPE-2', { limit: 2 })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('product inventory across stores', () => {
  it('shows admin every store and a scoped caller only theirs, one Query per store, paged', async () => {
    const stores = [await newStore(), await newStore(), await newStore()];
    const { productId, skus } = await newProduct(2);
    for (const storeId of stores) for (const sku of skus) await receiveStock(storeId, sku, productId, 2);
    const everywhere = await allPages((cursor) =>
      listProductInventory(admin, productId, { limit: 4, cursor }),
    );
    expect(everywhere).toHaveLength(6);
    const manager = managerOf(stores[2] as string, stores[0] as string);
    const scoped = await allPages((cursor) => listProductInventory(manager, productId, { limit: 1, cursor }));
    expect(scoped.map((level) => `${level.storeId}/${level.sku}`)).toEqual(
      [stores[0], stores[2]].sort().flatMap((storeId) => skus.map((sku) => `${storeId}/${sku}`)),
    );
    await expect(listProductInventory(admin, 'pr_missing', { limit: 5 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      listProductInventory(manager, productId, { limit: 1, cursor: 'garbage' }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe('reorder rules', () => {
  it('creates a zero level, and lists levels at or below their point from gsi4 as stock moves', async () => {
    const storeId = await newStore();
    const { productId, skus } = await newProduct(3);
    const [a, b, c] = skus as [string, string, string];
    await receiveStock(storeId, a, productId, 10);
    await receiveStock(storeId, b, productId, 3);
    const ruleA = await setReorderRule(admin, storeId, a, { reorderPoint: 5, reorderQuantity: 20 });
    expect(ruleA).toMatchObject({ onHand: 10, belowReorderPoint: false, reorderRule: { reorderPoint: 5 } });
    const { supplierId } = await createSupplier(admin, { name: 'Reorder Supply', currency: 'AUD' });
    const ruleB = await setReorderRule(managerOf(storeId), storeId, b, {
      reorderPoint: 5,
      reorderQuantity: 10,
      safetyStock: 2,
      preferredSupplierId: supplierId,
    });
    expect(ruleB).toMatchObject({
      onHand: 3,
      belowReorderPoint: true,
      reorderRule: { preferredSupplierId: supplierId },
    });
    // The answer is the level as written (the update's own return values), not a read after it.
    expect(ruleB).toEqual(await getInventoryLevel(admin, storeId, b));
    const ruleC = await setReorderRule(admin, storeId, c, { reorderPoint: 0, reorderQuantity: 6 });
    expect(ruleC).toMatchObject({ onHand: 0, available: 0, belowReorderPoint: true, version: 1 });
    expect(await levelItem(storeId, c)).toMatchObject({ reorderGap: 0, gsi4pk: `STORE#${storeId}#REORDER` });

    const below = async () =>
      (
        await allPages((cursor) =>
          listStoreInventory(admin, storeId, { belowReorderPoint: 'true', limit: 1, cursor }),
        )
      ).map((level) => level.sku);
    expect(new Set(await below())).toEqual(new Set([b, c]));
    // Commit 6 of a's 10: available 4 <= 5, so a joins the watch list; receiving c takes it off.
    await applyChange({ storeId, sku: a, productId, deltas: { committed: 6 }, reason: 'commit' });
    await receiveStock(storeId, c, productId, 1);
    expect(await below()).toEqual([b, a]);
    const above = await listStoreInventory(admin, storeId, { belowReorderPoint: 'false', limit: 10 });
    expect(above.items.map((level) => level.sku)).toEqual([c]);
    expect(await levelItem(storeId, a)).toMatchObject({ available: 4, reorderGap: -1 });
  });

  it('keeps reorderGap = available − reorderPoint when a rule races stock changes', async () => {
    const storeId = await newStore();
    const { productId, skus } = await newProduct(1);
    const sku = skus[0] as string;
    await receiveStock(storeId, sku, productId, 50);
    await Promise.all([
      ...Array.from({ length: 10 }, () =>
        applyChange({ storeId, sku, productId, deltas: { committed: 1 }, reason: 'commit' }),
      ),
      setReorderRule(admin, storeId, sku, { reorderPoint: 30, reorderQuantity: 10 }),
    ]);
    const item = await levelItem(storeId, sku);
    expect(item).toMatchObject({ available: 40, reorderGap: 10 });
  });

  it('refuses staff and foreign stores; 404 for a SKU outside the catalog', async () => {
    const [mine, theirs] = [await newStore(), await newStore()];
    await expect(
      setReorderRule(managerOf(mine), theirs, 'ANY-1', { reorderPoint: 1, reorderQuantity: 1 }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      setReorderRule(admin, mine, 'NOT-IN-CATALOG', { reorderPoint: 1, reorderQuantity: 1 }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('removes a rule: the level leaves the watch list for good, its stock untouched; twice is 404', async () => {
    const storeId = await newStore();
    const { productId, skus } = await newProduct(1);
    const sku = skus[0] as string;
    await receiveStock(storeId, sku, productId, 2);
    await setReorderRule(admin, storeId, sku, { reorderPoint: 5, reorderQuantity: 10 });
    const watched = () => listStoreInventory(admin, storeId, { belowReorderPoint: 'true', limit: 10 });
    expect((await watched()).items.map((level) => level.sku)).toEqual([sku]);

    await expect(removeReorderRule(managerOf('st_elsewhere'), storeId, sku)).rejects.toMatchObject({
      status: 404,
    });
    const removed = await removeReorderRule(managerOf(storeId), storeId, sku);
    expect(removed).toMatchObject({ onHand: 2, available: 2, belowReorderPoint: false, version: 3 });
    expect(removed.reorderRule).toBeUndefined();
    const item = await levelItem(storeId, sku);
    expect(item).not.toHaveProperty('gsi4pk');
    expect(item).not.toHaveProperty('reorderRule');
    // Stock moving afterwards does not bring it back onto the watch list.
    await applyChange({ storeId, sku, productId, deltas: { committed: 1 }, reason: 'commit' });
    expect((await watched()).items).toEqual([]);
    await expect(removeReorderRule(admin, storeId, sku)).rejects.toMatchObject({ status: 404 });
    await expect(removeReorderRule(admin, storeId, 'NOT-IN-CATALOG')).rejects.toMatchObject({ status: 404 });
    // A new rule starts from the current stock.
    const again = await setReorderRule(admin, storeId, sku, { reorderPoint: 1, reorderQuantity: 5 });
    expect(again).toMatchObject({ available: 1, belowReorderPoint: true });
    expect(await levelItem(storeId, sku)).toMatchObject({ reorderGap: 0 });
  });

  it('refuses a preferred supplier that does not exist with 400 on the field, changing nothing', async () => {
    const storeId = await newStore();
    const { productId, skus } = await newProduct(1);
    const sku = skus[0] as string;
    await receiveStock(storeId, sku, productId, 4);
    const before = await levelItem(storeId, sku);
    await expect(
      setReorderRule(admin, storeId, sku, {
        reorderPoint: 5,
        reorderQuantity: 10,
        preferredSupplierId: 'sup_missing',
      }),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.preferredSupplierId' }] });
    expect(await levelItem(storeId, sku)).toEqual(before);
  });
});

describe('stocktakes', () => {
  it('applies matching lines, returns stale ones as conflicts, and keeps a record', async () => {
    const storeId = await newStore();
    const { productId, skus } = await newProduct(4);
    const [a, b, c, d] = skus as [string, string, string, string];
    for (const sku of [a, b, c]) await receiveStock(storeId, sku, productId, 10);
    await applyChange({ storeId, sku: c, productId, deltas: { committed: 8 }, reason: 'commit' });
    // A sale of b after the count was taken: its line is stale.
    await applyChange({ storeId, sku: b, productId, deltas: { onHand: -1 }, reason: 'sale' });
    const result = await submitStocktake(staffOf(storeId), storeId, {
      lines: [
        { sku: a, expected: 10, counted: 7 },
        { sku: b, expected: 10, counted: 9 },
        { sku: c, expected: 10, counted: 5 },
        { sku: d, expected: 0, counted: 2 },
      ],
    });
    expect(result.applied).toEqual([
      { sku: a, expected: 10, counted: 7, variance: -3 },
      { sku: d, expected: 0, counted: 2, variance: 2 },
    ]);
    expect(result.conflicts).toEqual([
      { sku: b, expected: 10, onHand: 9, reason: 'on-hand-changed' },
      { sku: c, expected: 10, onHand: 10, reason: 'below-committed' },
    ]);
    expect(result.totalVariance).toBe(-1);
    expect(await quantities(storeId, a)).toMatchObject({ onHand: 7, available: 7 });
    expect(await quantities(storeId, b)).toMatchObject({ onHand: 9 });
    expect(await quantities(storeId, d)).toMatchObject({ onHand: 2 });
    const movements = await listMovements(admin, storeId, a, { limit: 1 });
    expect(movements.items[0]).toMatchObject({
      reason: 'cycle_count',
      onHandDelta: -3,
      reference: { type: 'stocktake', id: result.stocktakeId },
    });
    const record = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': inventoryKeys.storePartition(storeId),
          ':prefix': inventoryKeys.stocktakePrefix,
        },
      }),
    );
    expect(record.Items).toHaveLength(1);
    expect(record.Items?.[0]).toMatchObject({ stocktakeId: result.stocktakeId, totalVariance: -1 });
  });

  it('reads stocktakes back, newest first and by id, only in the caller’s stores', async () => {
    const storeId = await newStore();
    const { productId, skus } = await newProduct(1);
    const sku = skus[0] as string;
    await receiveStock(storeId, sku, productId, 5);
    const staff = staffOf(storeId);
    const first = await submitStocktake(
      staff,
      storeId,
      {
        lines: [{ sku, expected: 5, counted: 4 }],
        note: 'Weekly count',
      },
      { now: new Date('2026-01-05T09:00:00.000Z') },
    );
    const second = await submitStocktake(
      staff,
      storeId,
      {
        lines: [{ sku, expected: 4, counted: 4 }],
      },
      { now: new Date('2026-01-12T09:00:00.000Z') },
    );
    const page1 = await listStocktakes(staff, storeId, { limit: 1 });
    expect(page1.items.map((stocktake) => stocktake.stocktakeId)).toEqual([second.stocktakeId]);
    const page2 = await listStocktakes(staff, storeId, { limit: 1, cursor: page1.nextCursor ?? undefined });
    expect(page2.items.map((stocktake) => stocktake.stocktakeId)).toEqual([first.stocktakeId]);
    const read = await getStocktake(admin, storeId, first.stocktakeId);
    expect(read).toMatchObject({
      ...first,
      note: 'Weekly count',
      actor: 'test-staff',
      version: 1,
      createdAt: '2026-01-05T09:00:00.000Z',
    });
    expect(read).not.toHaveProperty('pk');
    await expect(getStocktake(managerOf('st_elsewhere'), storeId, first.stocktakeId)).rejects.toMatchObject({
      status: 404,
    });
    await expect(listStocktakes(managerOf('st_elsewhere'), storeId, { limit: 5 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(getStocktake(admin, storeId, 'stk_missing')).rejects.toMatchObject({ status: 404 });
  });

  it('rejects SKUs outside the catalog before applying anything', async () => {
    const storeId = await newStore();
    const { productId, skus } = await newProduct(1);
    const sku = skus[0] as string;
    await receiveStock(storeId, sku, productId, 1);
    await expect(
      submitStocktake(admin, storeId, {
        lines: [
          { sku, expected: 1, counted: 0 },
          { sku: 'NOT-HERE', expected: 0, counted: 1 },
        ],
      }),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.lines[1].sku' }] });
    expect(await quantities(storeId, sku)).toMatchObject({ onHand: 1 });
  });
});
