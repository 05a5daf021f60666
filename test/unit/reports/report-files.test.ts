import { describe, expect, it } from 'vitest';
import type { InventoryLevel } from '../../../lib/inventory/inventory-schemas.js';
import { reportObjects } from '../../../lib/reports/report-objects.js';
import { type ReportTable, toCsv, toParquet } from '../../../lib/reports/report-table.js';
import { stockFigures } from '../../../lib/reports/stock-figures.js';

const table: ReportTable = {
  report: 'sales',
  columns: [
    { name: 'value', type: 'STRING' },
    { name: 'net', type: 'INT64' },
  ],
  rows: [
    { value: 'plain', net: 100 },
    { value: 'a, "quoted" one', net: -5 },
    { value: '=HYPERLINK("x")', net: 0 },
  ],
};

describe('report files', () => {
  it('writes RFC 4180 CSV that spreadsheets cannot run as formulas', () => {
    expect(toCsv(table)).toBe(
      'value,net\r\nplain,100\r\n"a, ""quoted"" one",-5\r\n"\'=HYPERLINK(""x"")",0\r\n',
    );
  });

  it('writes the same Parquet bytes and manifest for the same rows', () => {
    expect(
      Buffer.from(toParquet(table)).equals(Buffer.from(toParquet({ ...table, rows: [...table.rows] }))),
    ).toBe(true);
    const [csv, parquet, manifest] = reportObjects(table, '2026-03-02');
    expect([csv?.key, parquet?.key, manifest?.key]).toEqual([
      'reports/sales/dt=2026-03-02/sales.csv',
      'reports/sales/dt=2026-03-02/sales.parquet',
      'reports/sales/dt=2026-03-02/manifest.json',
    ]);
    expect(JSON.parse(String(manifest?.body))).toMatchObject({ report: 'sales', dt: '2026-03-02', rows: 3 });
    expect(reportObjects(table, '2026-03-02')).toEqual(reportObjects(table, '2026-03-02'));
  });
});

const level = (sku: string, onHand: number, available: number, reorderPoint?: number): InventoryLevel =>
  ({
    storeId: 'st_1',
    sku,
    productId: `pr_${sku}`,
    onHand,
    committed: onHand - available,
    unavailable: 0,
    available,
    incoming: 0,
    ...(reorderPoint === undefined ? {} : { reorderRule: { reorderPoint, reorderQuantity: 10 } }),
    belowReorderPoint: false,
    version: 1,
    updatedAt: null,
    updatedBy: null,
  }) as InventoryLevel;

describe('stock figures', () => {
  it('values stock in the main currency and ranks cover, slow movers and top sellers', () => {
    const now = new Date('2026-03-31T12:00:00.000Z');
    const report = stockFigures({
      storeId: 'st_1',
      levels: [level('A', 10, 4, 5), level('B', 0, 0), level('C', 7, 7), level('D', 3, 3), level('E', 2, 2)],
      costs: new Map([
        ['A', { productId: 'pr_A', cost: 200, currency: 'AUD' }],
        ['C', { productId: 'pr_C', cost: 100, currency: 'AUD' }],
        ['E', { productId: 'pr_E', cost: 999, currency: 'NZD' }],
      ]),
      soldLast28Days: new Map([
        ['A', { units: 14, net: 7000 }],
        ['B', { units: 2, net: 900 }],
      ]),
      lastSoldAt: new Map([
        ['A', '2026-03-30T00:00:00.000Z'],
        ['D', '2026-02-01T00:00:00.000Z'],
      ]),
      now,
    });
    expect(report).toMatchObject({
      currency: 'AUD',
      stockValue: 10 * 200 + 7 * 100,
      units: 22,
      skus: 5,
      atOrBelowReorderPoint: [{ sku: 'A', available: 4, reorderPoint: 5 }],
      outOfStock: [{ sku: 'B' }],
      daysOfCover: [
        { sku: 'B', daysOfCover: 0 },
        { sku: 'A', soldLast28Days: 14, daysOfCover: 8 },
      ],
      slowMovers: [{ sku: 'C' }, { sku: 'E' }, { sku: 'D', lastSoldAt: '2026-02-01T00:00:00.000Z' }],
      topSellers: [
        { sku: 'A', units: 14, net: 7000 },
        { sku: 'B', units: 2, net: 900 },
      ],
    });
  });
});
