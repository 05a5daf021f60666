import type { Principal } from '../auth/principal.js';
import { reportKeys } from '../db/keys.js';
import { reportStores } from './report-stores.js';
import type { ReportColumn, ReportTable } from './report-table.js';
import { queryRange } from './rollup-reads.js';
import { countersOf, figuresOf } from './sale-figures.js';

/** The daily files cover every store: the job reads as finance does. */
const SYSTEM_READER: Principal = { userId: 'system:write-report-files', role: 'finance', storeIds: 'all' };

const text = (name: string): ReportColumn => ({ name, type: 'STRING' });
const int = (name: string): ReportColumn => ({ name, type: 'INT64' });

export const SALES_COLUMNS: readonly ReportColumn[] = [
  text('dt'),
  text('store_id'),
  text('store_code'),
  text('region'),
  text('dimension'),
  text('value'),
  text('currency'),
  ...['orders', 'units', 'gross', 'discounts', 'net', 'refunds', 'cost', 'margin', 'average_basket'].map(int),
];

export const TAKINGS_COLUMNS: readonly ReportColumn[] = [
  text('dt'),
  text('store_id'),
  text('store_code'),
  text('currency'),
  text('kind'),
  text('method'),
  int('amount'),
  int('count'),
];

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The day's reports as tables, from the rollups (the API's numbers, by store): `sales` one row
 * per store × dimension (`total`, `channel`, `category`) × value × currency; `takings` one row
 * per store × currency × kind (`payment`, `refund`) × method. Rows sorted, so files are stable.
 */
export const dailyReportTables = async (day: string): Promise<ReportTable[]> => {
  const stores = await reportStores(SYSTEM_READER, {});
  const sales: Record<string, string | number>[] = [];
  const takings: Record<string, string | number>[] = [];
  for (const store of stores) {
    for (const dimension of ['total', 'channel', 'category'] as const) {
      const items = await queryRange(reportKeys.salesPartition(store.storeId), {
        between: reportKeys.salesRange(dimension, day, day),
      });
      for (const item of items) {
        const figures = figuresOf(String(item.currency), countersOf(item));
        sales.push({
          dt: day,
          store_id: store.storeId,
          store_code: store.code,
          region: store.region,
          dimension,
          value: String(item.value),
          currency: figures.currency,
          orders: figures.orders,
          units: figures.units,
          gross: figures.gross,
          discounts: figures.discounts,
          net: figures.net,
          refunds: figures.refunds,
          cost: figures.cost,
          margin: figures.margin,
          average_basket: figures.averageBasket,
        });
      }
    }
    const items = await queryRange(reportKeys.takingsPartition(store.storeId), {
      beginsWith: reportKeys.takingsDayPrefix(day),
    });
    for (const item of items)
      takings.push({
        dt: day,
        store_id: store.storeId,
        store_code: store.code,
        currency: String(item.currency),
        kind: String(item.kind).toLowerCase(),
        method: String(item.method),
        amount: Number(item.amount ?? 0),
        count: Number(item.count ?? 0),
      });
  }
  const key = (row: Record<string, string | number>, names: string[]) =>
    names.map((n) => String(row[n])).join('\u0000');
  const salesKey = ['store_id', 'dimension', 'value', 'currency'];
  const takingsKey = ['store_id', 'currency', 'kind', 'method'];
  return [
    {
      report: 'sales',
      columns: SALES_COLUMNS,
      rows: sales.sort((a, b) => compare(key(a, salesKey), key(b, salesKey))),
    },
    {
      report: 'takings',
      columns: TAKINGS_COLUMNS,
      rows: takings.sort((a, b) => compare(key(a, takingsKey), key(b, takingsKey))),
    },
  ];
};
