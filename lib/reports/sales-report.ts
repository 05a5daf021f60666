import type { Principal } from '../auth/principal.js';
import { reportKeys } from '../db/keys.js';
import type { Store } from '../stores/store-schemas.js';
import type { SalesReport, SalesReportQuery } from './report-schemas.js';
import { reportStores } from './report-stores.js';
import { queryRange, type ReadMeter } from './rollup-reads.js';
import { addCounters, type Counters, countersOf, figuresOf, zeroCounters } from './sale-figures.js';
import type { SalesDimension } from './sale-rollup.js';

const DIMENSION: Record<SalesReportQuery['groupBy'], SalesDimension> = {
  day: 'total',
  store: 'total',
  region: 'total',
  category: 'category',
  channel: 'channel',
};

/** Sums counters per `key|currency`, keeping the key and currency apart. */
class Sums {
  private readonly sums = new Map<string, { key: string; currency: string; counters: Counters }>();
  add(key: string, currency: string, counters: Counters) {
    const id = `${key}\u0000${currency}`;
    const entry = this.sums.get(id) ?? { key, currency, counters: zeroCounters() };
    addCounters(entry.counters, counters);
    this.sums.set(id, entry);
  }
  sorted() {
    return [...this.sums.values()].sort((a, b) =>
      a.key === b.key ? (a.currency < b.currency ? -1 : 1) : a.key < b.key ? -1 : 1,
    );
  }
}

const keyOf = (groupBy: SalesReportQuery['groupBy'], store: Store, item: Record<string, unknown>): string =>
  groupBy === 'day'
    ? String(item.day)
    : groupBy === 'store'
      ? store.storeId
      : groupBy === 'region'
        ? store.region
        : String(item.value);

/**
 * Sales over UTC days `from`..`to` for the caller's stores (or one, or a region's), grouped.
 * Per store one Query of the day totals (and one of the grouping's dimension): reads grow
 * with days × stores × group values, never with orders. Totals always come from the day
 * totals, so an order touching two categories counts once in them.
 */
export const salesReport = async (
  principal: Principal,
  query: SalesReportQuery,
  meter?: ReadMeter,
): Promise<SalesReport> => {
  const stores = await reportStores(principal, query);
  const dimension = DIMENSION[query.groupBy];
  const totals = new Sums();
  const groups = new Sums();
  await Promise.all(
    stores.map(async (store) => {
      const partition = reportKeys.salesPartition(store.storeId);
      const dayTotals = await queryRange(
        partition,
        { between: reportKeys.salesRange('total', query.from, query.to) },
        meter,
      );
      const grouped =
        dimension === 'total'
          ? dayTotals
          : await queryRange(
              partition,
              { between: reportKeys.salesRange(dimension, query.from, query.to) },
              meter,
            );
      for (const item of dayTotals) totals.add('', String(item.currency), countersOf(item));
      for (const item of grouped)
        groups.add(keyOf(query.groupBy, store, item), String(item.currency), countersOf(item));
    }),
  );
  return {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    totals: totals.sorted().map((entry) => figuresOf(entry.currency, entry.counters)),
    groups: groups
      .sorted()
      .map((entry) => ({ key: entry.key, ...figuresOf(entry.currency, entry.counters) })),
  };
};
