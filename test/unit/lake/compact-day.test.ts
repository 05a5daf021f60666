import { describe, expect, it } from 'vitest';
import type { ChangeRow } from '../../../lib/lake/compact-changes-read.js';
import { sortChanges } from '../../../lib/lake/compact-changes-read.js';
import { curatedRowsOfDay } from '../../../lib/lake/compact-day.js';
import { curatedTables } from '../../../lib/lake/curated-tables.js';
import { encodeParquet } from '../../../lib/lake/parquet-table.js';
import { change, productImage } from '../../support/lake-fixtures.js';
import { dayAChanges, dayBChanges } from '../../support/lake-scenario.js';

const byEntity = (rows: ChangeRow[]) => {
  const entities = [
    'Order',
    'Payment',
    'Refund',
    'InventoryMovement',
    'InventoryLevel',
    'Transfer',
    'PurchaseOrder',
    'Product',
    'Store',
    'Customer',
  ] as const;
  return Object.fromEntries(
    entities.map((entity) => [entity, sortChanges(rows.filter((row) => row.entity_type === entity))]),
  ) as Record<(typeof entities)[number], ChangeRow[]>;
};
const empty = { products: [], stores: [], customers: [], inventory_snapshot: [] };

const files = (rows: ReturnType<typeof curatedRowsOfDay>) =>
  curatedTables.map((table) => Buffer.from(encodeParquet(table, rows[table.name as keyof typeof rows])));

describe('a day’s curated rows', () => {
  it('do not depend on the order the changes were read in', () => {
    const changes = dayAChanges('2026-11-29');
    const forward = curatedRowsOfDay('2026-11-29', byEntity(changes), empty);
    const backward = curatedRowsOfDay('2026-11-29', byEntity([...changes].reverse()), empty);
    expect(files(backward)).toEqual(files(forward));
  });

  it('build the state tables on the previous day’s', () => {
    const dayA = curatedRowsOfDay('2026-11-29', byEntity(dayAChanges('2026-11-29')), empty);
    const dayB = curatedRowsOfDay('2026-11-30', byEntity(dayBChanges('2026-11-30')), dayA);
    expect(dayB.stores).toEqual(dayA.stores);
    expect(dayB.products.find((row) => row.sku === 'SKU-A')?.cost).toBe(450);
    expect(dayB.inventory_snapshot).toHaveLength(4);
    expect(dayB.orders.map((row) => row.order_id)).toEqual(['ord_1', 'ord_2', 'ord_3']);
  });

  it('drop an item removed on the day from the state tables', () => {
    const dayA = curatedRowsOfDay('2026-11-29', byEntity(dayAChanges('2026-11-29')), empty);
    const product = productImage(
      'prd_2',
      'lenses',
      [{ sku: 'SKU-C', price: 500, cost: 100 }],
      '2026-11-29T08:00:00.000Z',
    );
    const removal = change('REMOVE', undefined, { at: '2026-11-30T08:00:00.000Z', old: product });
    const dayB = curatedRowsOfDay('2026-11-30', byEntity([removal]), dayA);
    expect(dayB.products.map((row) => row.sku)).toEqual(['SKU-A', 'SKU-B']);
  });
});
