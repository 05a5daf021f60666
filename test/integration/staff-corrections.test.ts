import { describe, expect, it } from 'vitest';
import type { AppError } from '../../lib/errors.js';
import { adjustInventory } from '../../lib/inventory/inventory-service.js';
import { managerOf } from '../support/fixtures.js';
import {
  movementReasons,
  newProduct,
  newStore,
  quantities,
  receiveStock,
  staffOf,
} from '../support/stock-fixtures.js';

const shelf = async (onHand: number) => {
  const storeId = await newStore();
  const { productId, skus } = await newProduct(1);
  const sku = skus[0] as string;
  await receiveStock(storeId, sku, productId, onHand);
  return { storeId, sku };
};

const correct = (storeId: string, sku: string, delta: number, note?: string) =>
  adjustInventory(staffOf(storeId), storeId, sku, { delta, reason: 'correction', ...(note ? { note } : {}) });

describe('staff corrections that lower stock', () => {
  it('need a note, take at most 10% of on hand (rounded up) and 5 units, and write nothing when refused', async () => {
    const { storeId, sku } = await shelf(30);
    await expect(correct(storeId, sku, -1)).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body.note' }],
    });
    await expect(correct(storeId, sku, -6, 'miscount')).rejects.toMatchObject({
      status: 403,
      errors: [{ path: 'body.delta' }],
    });
    // 30 → 27 → 24 → 21 → 18 with three each (ceil(10%) = 3), then 18 allows only 2.
    for (const expected of [27, 24, 21, 18]) {
      const { level } = await correct(storeId, sku, -3, 'miscounted the delivery');
      expect(level.onHand).toBe(expected);
    }
    const before = await movementReasons(storeId, sku);
    await expect(correct(storeId, sku, -3, 'miscount')).rejects.toMatchObject({
      status: 403,
      errors: [{ path: 'body.delta' }],
      detail: expect.stringContaining('(2 of 18)'),
    });
    expect(await quantities(storeId, sku)).toMatchObject({ onHand: 18 });
    expect(await movementReasons(storeId, sku)).toEqual(before);
    expect((await correct(storeId, sku, -2, 'miscount')).level.onHand).toBe(16);
  });

  it('leave raising stock and managers unlimited', async () => {
    const { storeId, sku } = await shelf(10);
    expect((await correct(storeId, sku, 40)).level.onHand).toBe(50);
    const managed = await adjustInventory(managerOf(storeId), storeId, sku, {
      delta: -45,
      reason: 'correction',
    });
    expect(managed.level.onHand).toBe(5);
  });

  it('are checked against on hand inside the transaction: two racing corrections cannot both take the 10%', async () => {
    const { storeId, sku } = await shelf(11);
    const results = await Promise.allSettled([
      correct(storeId, sku, -2, 'miscount A'),
      correct(storeId, sku, -2, 'miscount B'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused?.reason as AppError).toMatchObject({ status: 403 });
    expect(await quantities(storeId, sku)).toMatchObject({ onHand: 9 });
  });

  it('bound a staff write-off of damaged units the same way; setting aside stays free', async () => {
    const { storeId, sku } = await shelf(20);
    const damaged = (delta: number, note?: string) =>
      adjustInventory(staffOf(storeId), storeId, sku, {
        delta,
        reason: 'damaged',
        ...(note ? { note } : {}),
      });
    expect((await damaged(12)).level).toMatchObject({ onHand: 20, unavailable: 12 });
    await expect(damaged(-12, 'dropped a carton')).rejects.toMatchObject({ status: 403 });
    await expect(damaged(-2)).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.note' }] });
    expect((await damaged(-2, 'two cracked cases')).level).toMatchObject({ onHand: 18, unavailable: 10 });
    const managed = await adjustInventory(managerOf(storeId), storeId, sku, {
      delta: -10,
      reason: 'damaged',
    });
    expect(managed.level).toMatchObject({ onHand: 8, unavailable: 0 });
  });

  it('still answer 409 insufficient-stock when the units are not there at all', async () => {
    const { storeId, sku } = await shelf(1);
    await expect(correct(storeId, sku, -2, 'miscount')).rejects.toMatchObject({
      status: 409,
      slug: 'insufficient-stock',
    });
  });
});
