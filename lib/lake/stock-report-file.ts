import type { ReportColumn, ReportTable } from '../reports/report-table.js';
import type { LakeRow } from './parquet-table.js';

/**
 * The daily `stock` report file: each store's stock at the end of the day, from the day's
 * `inventory_snapshot` rows (the curated state the compaction has just built). Made here, not
 * from the live levels, so a re-run of any day writes the same file — the live stock of
 * `GET /reports/stock` moves on. Money in minor units, one row per store and currency.
 */
export const STOCK_REPORT_COLUMNS: readonly ReportColumn[] = [
  { name: 'store_id', type: 'STRING' },
  { name: 'currency', type: 'STRING' },
  { name: 'stock_value', type: 'INT64' },
  { name: 'units', type: 'INT64' },
  { name: 'skus', type: 'INT64' },
  { name: 'at_or_below_reorder_point', type: 'INT64' },
  { name: 'out_of_stock', type: 'INT64' },
];

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value ?? 0));

export const stockReportTable = (snapshot: readonly LakeRow[]): ReportTable => {
  const byStore = new Map<string, Record<string, string | number>>();
  for (const row of snapshot) {
    const storeId = String(row.store_id ?? '');
    const currency = String(row.currency ?? '');
    const key = `${storeId}\u0000${currency}`;
    const totals = byStore.get(key) ?? {
      store_id: storeId,
      currency,
      stock_value: 0,
      units: 0,
      skus: 0,
      at_or_below_reorder_point: 0,
      out_of_stock: 0,
    };
    totals.stock_value = num(totals.stock_value) + num(row.cost_value);
    totals.units = num(totals.units) + num(row.on_hand);
    totals.skus = num(totals.skus) + 1;
    if (row.at_or_below_reorder_point === true)
      totals.at_or_below_reorder_point = num(totals.at_or_below_reorder_point) + 1;
    if (num(row.available) <= 0) totals.out_of_stock = num(totals.out_of_stock) + 1;
    byStore.set(key, totals);
  }
  const rows = [...byStore.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  return { report: 'stock', columns: STOCK_REPORT_COLUMNS, rows };
};
