import type { Principal } from '../auth/principal.js';
import { reportKeys } from '../db/keys.js';
import type { TakingsReport, TakingsReportQuery } from './report-schemas.js';
import { reportStores } from './report-stores.js';
import { queryRange, type ReadMeter } from './rollup-reads.js';

type StoreTakings = TakingsReport['stores'][number];
type MethodTotal = StoreTakings['payments'][number];

const byMethod = (a: MethodTotal, b: MethodTotal) => (a.method < b.method ? -1 : a.method > b.method ? 1 : 0);

/**
 * The end-of-day cash-up of one UTC day: per store and currency, payments taken and refunds
 * made by method, net and the number of transactions. One Query per store (its day's few
 * items); a store that took nothing that day is left out.
 */
export const takingsReport = async (
  principal: Principal,
  query: TakingsReportQuery,
  meter?: ReadMeter,
): Promise<TakingsReport> => {
  const stores = await reportStores(principal, query);
  const perStore = await Promise.all(
    stores.map(async (store) => {
      const items = await queryRange(
        reportKeys.takingsPartition(store.storeId),
        { beginsWith: reportKeys.takingsDayPrefix(query.date) },
        meter,
      );
      const byCurrency = new Map<string, StoreTakings>();
      for (const item of items) {
        const currency = String(item.currency);
        const entry = byCurrency.get(currency) ?? {
          storeId: store.storeId,
          currency,
          payments: [],
          refunds: [],
          net: 0,
          count: 0,
        };
        const total = {
          method: String(item.method) as MethodTotal['method'],
          amount: Number(item.amount ?? 0),
          count: Number(item.count ?? 0),
        };
        if (item.kind === 'REFUND') {
          entry.refunds.push(total);
          entry.net -= total.amount;
        } else {
          entry.payments.push(total);
          entry.net += total.amount;
        }
        entry.count += total.count;
        byCurrency.set(currency, entry);
      }
      return [...byCurrency.values()]
        .sort((a, b) => (a.currency < b.currency ? -1 : 1))
        .map((entry) => ({
          ...entry,
          payments: entry.payments.sort(byMethod),
          refunds: entry.refunds.sort(byMethod),
        }));
    }),
  );
  return { date: query.date, stores: perStore.flat() };
};
