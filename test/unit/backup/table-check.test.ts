import { describe, expect, it } from 'vitest';
import { compareCounts, TableCheck, type TableCheckReport } from '../../../lib/backup/table-check.js';
import {
  customerKeys,
  ENTITY,
  guardKeys,
  inventoryKeys,
  orderKeys,
  productKeys,
  storeKeys,
  transferKeys,
} from '../../../lib/db/keys.js';

type Item = Record<string, unknown>;

const store = (): Item => ({
  ...storeKeys.item('st_1'),
  entityType: ENTITY.store,
  storeId: 'st_1',
  code: 'SYD-01',
});
const product = (variants: Item[] = [{ sku: 'SKU-1', barcode: '9300000000001' }]): Item => ({
  ...productKeys.item('pr_1'),
  entityType: ENTITY.product,
  productId: 'pr_1',
  variants,
});
const guard = (kind: string, value: string, ownerId: string): Item => ({
  ...guardKeys.item(kind as 'SKU', value),
  entityType: ENTITY.uniqueGuard,
  kind,
  value,
  ownerId,
});
const level = (quantities: Partial<Record<string, number>>, extra: Item = {}): Item => {
  const { onHand = 0, committed = 0, unavailable = 0, incoming = 0 } = quantities;
  return {
    ...inventoryKeys.level('st_1', 'SKU-1'),
    entityType: ENTITY.inventoryLevel,
    storeId: 'st_1',
    sku: 'SKU-1',
    productId: 'pr_1',
    onHand,
    committed,
    unavailable,
    incoming,
    available: quantities.available ?? onHand - committed - unavailable,
    ...extra,
  };
};
let movementNumber = 0;
const movement = (deltas: Partial<Record<string, number>>, storeId = 'st_1'): Item => ({
  ...inventoryKeys.movement(storeId, 'SKU-1', '2026-12-01T00:00:00.000Z', `m${movementNumber++}`),
  entityType: ENTITY.inventoryMovement,
  onHandDelta: deltas.onHand ?? 0,
  committedDelta: deltas.committed ?? 0,
  unavailableDelta: deltas.unavailable ?? 0,
  incomingDelta: deltas.incoming ?? 0,
});
const customer = (pointsBalance: number): Item => ({
  ...customerKeys.item('cu_1'),
  entityType: ENTITY.customer,
  customerId: 'cu_1',
  email: 'Mia@Example.com',
  phone: '+61 400 000 000',
  pointsBalance,
});
const points = (delta: number, customerId = 'cu_1'): Item => ({
  ...customerKeys.pointsEntry(customerId, '2026-12-01T00:00:00.000Z', `pe${movementNumber++}`),
  entityType: ENTITY.pointsEntry,
  customerId,
  delta,
});

/** A small table that passes every check. */
const soundTable = (): Item[] => [
  store(),
  guard('STORE_CODE', 'SYD-01', 'st_1'),
  product(),
  guard('SKU', 'SKU-1', 'pr_1'),
  guard('BARCODE', '9300000000001', 'pr_1'),
  level({ onHand: 7, committed: 2 }),
  movement({ onHand: 10 }),
  movement({ onHand: -3 }),
  movement({ committed: 2 }),
  customer(15),
  guard('EMAIL', 'mia@example.com', 'cu_1'),
  guard('PHONE', '+61400000000', 'cu_1'),
  points(20),
  points(-5),
  { ...orderKeys.item('or_1'), entityType: ENTITY.order },
  { ...orderKeys.payment('or_1', '2026-12-01T00:00:00.000Z', 'pa_1'), entityType: ENTITY.payment },
  { ...transferKeys.item('tr_1'), entityType: ENTITY.transfer },
  { ...transferKeys.link('tr_1', 'st_1'), entityType: ENTITY.transferLink },
];

const run = (items: Item[]): TableCheckReport => {
  const check = new TableCheck();
  for (const item of items) check.add(item);
  return check.report();
};
const failuresOf = (report: TableCheckReport, name: string): string[] =>
  report.checks.find((check) => check.name === name)?.failures ?? [`no check named ${name}`];
const failing = (report: TableCheckReport) =>
  report.checks.filter((check) => check.failureCount > 0).map((check) => check.name);

const LEDGER = 'inventory levels equal the sum of their movements';
const STATES = 'inventory states are consistent';
const GUARD_TO_OWNER = 'unique guards point at live owners holding the value';
const VALUE_TO_GUARD = 'every unique value has its guard';

describe('the table check', () => {
  it('passes a sound table and counts its items per entity type', () => {
    const report = run(soundTable());
    expect(failing(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.itemCount).toBe(18);
    expect(report.countsByType).toMatchObject({ UniqueGuard: 5, InventoryMovement: 3, PointsEntry: 2 });
    expect(report.checks.find((check) => check.name === LEDGER)?.checked).toBe(
      '1 levels against 3 movements',
    );
  });

  it('finds a level that drifted from its movements, and movements without a level', () => {
    const drifted = soundTable().map((item) =>
      item.entityType === ENTITY.inventoryLevel ? level({ onHand: 8, committed: 2 }) : item,
    );
    const report = run([...drifted, movement({ onHand: 4 }, 'st_2')]);
    expect(report.ok).toBe(false);
    expect(failuresOf(report, LEDGER)).toEqual([
      'SKU-1 at st_1: onHand is 8, its movements sum to 7',
      'MOVES#st_2#SKU-1: 1 movements but no level',
    ]);
  });

  it('finds negative states, a wrong available and a stale reorder watch', () => {
    const report = run([
      level({ onHand: -1, available: 3 }, { reorderRule: { reorderPoint: 2 }, reorderGap: 0 }),
      movement({ onHand: -1 }),
    ]);
    expect(failuresOf(report, STATES)).toEqual([
      'SKU-1 at st_1: onHand is negative (-1)',
      'SKU-1 at st_1: available is 3, not onHand − committed − unavailable = -1',
      'SKU-1 at st_1: reorderGap is 0, not available − reorderPoint = 1',
      "SKU-1 at st_1: has a reorder rule but is not on its store's reorder watch",
    ]);
  });

  it('finds guards whose owner is gone or no longer holds the value, but keeps a dropped SKU its product’s', () => {
    const items = soundTable().filter((item) => item.entityType !== ENTITY.store);
    const report = run([
      ...items.map((item) => (item.entityType === ENTITY.product ? product([{ sku: 'SKU-2' }]) : item)),
      guard('SKU', 'SKU-2', 'pr_1'),
    ]);
    expect(failuresOf(report, GUARD_TO_OWNER)).toEqual([
      'STORE_CODE SYD-01: owner st_1 does not exist',
      'BARCODE 9300000000001: owner pr_1 no longer holds this value',
    ]);
  });

  it('finds unique values without their guard, or guarded for someone else', () => {
    const items = soundTable()
      .filter((item) => !(item.kind === 'PHONE'))
      .map((item) => (item.kind === 'EMAIL' ? guard('EMAIL', 'mia@example.com', 'cu_2') : item));
    const report = run(items);
    expect(failuresOf(report, VALUE_TO_GUARD)).toEqual([
      'EMAIL mia@example.com of cu_1: guard owned by cu_2',
      'PHONE +61400000000 of cu_1: no guard item',
    ]);
    expect(failuresOf(report, GUARD_TO_OWNER)).toEqual(['EMAIL mia@example.com: owner cu_2 does not exist']);
  });

  it('finds a points balance that is not the sum of its entries, and entries of no customer', () => {
    const report = run([...soundTable(), points(1), points(3, 'cu_gone')]);
    expect(failuresOf(report, 'points balances equal the sum of their entries')).toEqual([
      'customer cu_1: balance 15, entries sum to 16',
      'points entries of missing customer cu_gone',
    ]);
  });

  it('finds children without their parent and items of a type the code does not write', () => {
    const report = run([
      ...soundTable().filter((item) => item.entityType !== ENTITY.order),
      { pk: 'X#1', sk: 'X', entityType: 'Mystery' },
      { pk: 'X#2', sk: 'X' },
    ]);
    expect(failuresOf(report, 'child items have their parent')).toEqual([
      'Payment in ORDER#or_1: no order item',
    ]);
    expect(failuresOf(report, 'known entity types')).toEqual([
      'X#1 / X: entityType "Mystery" is not one the code writes',
      'X#2 / X: entityType undefined is not one the code writes',
    ]);
    expect(report.countsByType['(none)']).toBe(1);
  });

  it('names guards of a kind it does not know instead of failing them', () => {
    const report = run([...soundTable(), guard('USERNAME', 'mia', 'someone')]);
    expect(report.ok).toBe(true);
    expect(report.checks.find((check) => check.name === GUARD_TO_OWNER)?.checked).toBe(
      '6 guards; not checked, kinds it does not know: 1 USERNAME',
    );
  });

  it('keeps at most 20 examples but counts every failure', () => {
    const report = run(
      Array.from({ length: 25 }, (_, i) => ({ pk: `X#${i}`, sk: 'X', entityType: 'Mystery' })),
    );
    const unknown = report.checks.find((check) => check.name === 'known entity types');
    expect(unknown?.failureCount).toBe(25);
    expect(unknown?.failures).toHaveLength(20);
  });
});

describe('compareCounts', () => {
  it('passes equal counts and names every type that differs', () => {
    expect(compareCounts({ Order: 2, Store: 1 }, { Store: 1, Order: 2 }).failureCount).toBe(0);
    expect(compareCounts({ Order: 2, Store: 1 }, { Order: 1, Refund: 1 }).failures).toEqual([
      'Order: expected 2, found 1',
      'Refund: expected 0, found 1',
      'Store: expected 1, found 0',
    ]);
  });
});
