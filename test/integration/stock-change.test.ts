import { describe, expect, it } from 'vitest';
import { inventoryKeys } from '../../lib/db/keys.js';
import { getItem } from '../../lib/db/query-page.js';
import { transactWrite } from '../../lib/db/transact.js';
import { mergeStockChanges, type StockChange, stockChangeWrites } from '../../lib/inventory/stock-change.js';
import { admin, uniqueSuffix } from '../support/fixtures.js';
import { movementSums } from '../support/stock-fixtures.js';

const apply = (...changes: StockChange[]) =>
  transactWrite(mergeStockChanges(changes).flatMap((change) => stockChangeWrites(change, admin, new Date())));

const level = async (storeId: string, sku: string) =>
  (await getItem(inventoryKeys.level(storeId, sku))) ?? {};

const change = (
  storeId: string,
  sku: string,
  deltas: StockChange['deltas'],
  reason: StockChange['reason'] = 'correction',
): StockChange => ({
  storeId,
  sku,
  productId: 'pr_test',
  deltas,
  reason,
});

describe('stock changes against DynamoDB Local', () => {
  it('creates a level on first receipt and keeps available = onHand − committed − unavailable', async () => {
    const sku = `S-${uniqueSuffix()}`;
    await apply(change('st_a', sku, { onHand: 10 }, 'received'));
    await apply(change('st_a', sku, { committed: 3 }, 'commit'));
    await apply(change('st_a', sku, { unavailable: 2 }, 'damaged'));
    expect(await level('st_a', sku)).toMatchObject({
      onHand: 10,
      committed: 3,
      unavailable: 2,
      available: 5,
      version: 3,
    });
  });

  it('refuses any change that would take a quantity or available below zero, writing nothing', async () => {
    const sku = `S-${uniqueSuffix()}`;
    await apply(
      change('st_a', sku, { onHand: 4 }, 'received'),
      change('st_a', sku, { committed: 3 }, 'commit'),
    );
    await expect(apply(change('st_a', sku, { onHand: -2 }, 'shrinkage'))).rejects.toMatchObject({
      status: 409,
      shortages: [{ sku, requested: 2, available: 1 }],
    });
    await expect(apply(change('st_a', sku, { committed: 2 }, 'commit'))).rejects.toMatchObject({
      status: 409,
    });
    await expect(apply(change('st_b', sku, { committed: 1 }, 'commit'))).rejects.toMatchObject({
      status: 409,
    });
    expect(await level('st_a', sku)).toMatchObject({ onHand: 4, committed: 3, available: 1 });
    expect(await movementSums('st_a', sku)).toMatchObject({ onHand: 4, committed: 3, count: 1 });
  });

  it('applies a counted quantity only if on-hand still equals the expected one', async () => {
    const sku = `S-${uniqueSuffix()}`;
    await apply(change('st_a', sku, { onHand: 7 }, 'received'));
    await expect(
      apply({ ...change('st_a', sku, { onHand: -1 }, 'cycle_count'), expectOnHand: 8 }),
    ).rejects.toMatchObject({
      status: 409,
      slug: 'stock-changed',
    });
    await apply({ ...change('st_a', sku, { onHand: -1 }, 'cycle_count'), expectOnHand: 7 });
    expect((await level('st_a', sku)).onHand).toBe(6);
  });

  it('never oversells: 200 concurrent commits of one unit against 50 available', async () => {
    const sku = `S-${uniqueSuffix()}`;
    await apply(change('st_a', sku, { onHand: 50 }, 'received'));
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => apply(change('st_a', sku, { committed: 1 }, 'commit'))),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toBe(50);
    expect(rejected.every((r) => r.reason.status === 409)).toBe(true);
    expect(await level('st_a', sku)).toMatchObject({ onHand: 50, committed: 50, available: 0 });
    expect(await movementSums('st_a', sku)).toMatchObject({ onHand: 50, committed: 50, count: 51 });
  });
});
