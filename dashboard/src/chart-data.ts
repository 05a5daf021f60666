/**
 * Shapes report answers into what the charts draw: aligned columns (uPlot's data model: one x
 * column and one column per series, same length). Pure, so the unit tests pin every rule
 * (zero-filled days, one currency at a time, stable order of bars).
 */
import { dayToEpochSeconds } from './dates.js';
import type { Figures, Replenishment, SalesReport, StockReport, TakingsReport } from './report-types.js';

export interface Series {
  label: string;
  values: number[];
}

export interface ChartData {
  /** `time`: x is epoch seconds of each day; `category`: x is 0…n−1, named by `labels`. */
  kind: 'time' | 'category';
  x: number[];
  /** The day (`time`) or the category name of each x. */
  labels: string[];
  series: Series[];
}

export type MoneyMeasure = 'gross' | 'discounts' | 'net' | 'refunds' | 'cost' | 'margin';

/** Currencies in the totals, most orders first (then by code, so the order is stable). */
export const currenciesByOrders = (totals: readonly Figures[]): string[] =>
  [...totals]
    .sort((a, b) => b.orders - a.orders || a.currency.localeCompare(b.currency))
    .map((figures) => figures.currency);

export const totalsIn = (report: SalesReport, currency: string): Figures | undefined =>
  report.totals.find((figures) => figures.currency === currency);

const valueByKey = (report: SalesReport, currency: string, measure: keyof Figures) => {
  const values = new Map<string, number>();
  for (const group of report.groups) {
    if (group.currency !== currency) continue;
    values.set(group.key, Number(group[measure]));
  }
  return values;
};

/** One line per store over every day of the range (days without sales are 0), in one currency. */
export const salesByDayPerStore = (
  days: readonly string[],
  stores: readonly { label: string; report: SalesReport }[],
  currency: string,
  measure: MoneyMeasure = 'net',
): ChartData => ({
  kind: 'time',
  x: days.map(dayToEpochSeconds),
  labels: [...days],
  series: stores
    // A store with no sale in the period would only add a flat line at zero.
    .filter(({ report }) => report.groups.some((group) => group.currency === currency))
    .map(({ label, report }) => {
      const byDay = valueByKey(report, currency, measure);
      return { label, values: days.map((day) => byDay.get(day) ?? 0) };
    }),
});

/** Several measures of one day-grouped report, e.g. net, cost and margin per day. */
export const dailyMeasures = (
  days: readonly string[],
  report: SalesReport,
  currency: string,
  measures: readonly { label: string; measure: MoneyMeasure }[],
): ChartData => ({
  kind: 'time',
  x: days.map(dayToEpochSeconds),
  labels: [...days],
  series: measures.map(({ label, measure }) => {
    const byDay = valueByKey(report, currency, measure);
    return { label, values: days.map((day) => byDay.get(day) ?? 0) };
  }),
});

/** Bars per group (category, channel…), largest first by the first measure, then by name. */
export const groupBars = (
  report: SalesReport,
  currency: string,
  measures: readonly { label: string; measure: MoneyMeasure }[],
  nameOf: (key: string) => string = (key) => key,
): ChartData => {
  const groups = report.groups.filter((group) => group.currency === currency);
  const first = measures[0]?.measure ?? 'net';
  groups.sort((a, b) => b[first] - a[first] || a.key.localeCompare(b.key));
  return {
    kind: 'category',
    x: groups.map((_, index) => index),
    labels: groups.map((group) => nameOf(group.key)),
    series: measures.map(({ label, measure }) => ({ label, values: groups.map((group) => group[measure]) })),
  };
};

/** Payments and refunds per method for one day, summed over the stores, in one currency. */
export const takingsByMethod = (report: TakingsReport, currency: string): ChartData => {
  const payments = new Map<string, number>();
  const refunds = new Map<string, number>();
  for (const store of report.stores) {
    if (store.currency !== currency) continue;
    for (const { method, amount } of store.payments)
      payments.set(method, (payments.get(method) ?? 0) + amount);
    for (const { method, amount } of store.refunds) refunds.set(method, (refunds.get(method) ?? 0) + amount);
  }
  const methods = [...new Set([...payments.keys(), ...refunds.keys()])].sort(
    (a, b) => (payments.get(b) ?? 0) - (payments.get(a) ?? 0) || a.localeCompare(b),
  );
  return {
    kind: 'category',
    x: methods.map((_, index) => index),
    labels: methods,
    series: [
      { label: 'Payments', values: methods.map((method) => payments.get(method) ?? 0) },
      { label: 'Refunds', values: methods.map((method) => refunds.get(method) ?? 0) },
    ],
  };
};

export const takingsCurrencies = (report: TakingsReport): string[] =>
  [...new Set(report.stores.map((store) => store.currency))].sort();

/** The best sellers by units, as the report ranks them, at most `limit`. */
export const topSellerBars = (report: StockReport, limit = 10): ChartData => {
  const top = report.topSellers.slice(0, limit);
  return {
    kind: 'category',
    x: top.map((_, index) => index),
    labels: top.map((seller) => seller.sku),
    series: [{ label: 'Units sold', values: top.map((seller) => seller.units) }],
  };
};

/** The latest day of the range with any sale in `currency`, for the takings day to default to. */
export const latestSalesDay = (report: SalesReport, currency: string): string | undefined =>
  report.groups
    .filter((group) => group.currency === currency && group.orders > 0)
    .map((group) => group.key)
    .sort()
    .at(-1);

/** Replenishments still in progress, oldest first (the ones waiting longest come first). */
export const openReplenishments = (items: readonly Replenishment[]): Replenishment[] =>
  items
    .filter((item) => item.status === 'OPEN')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.sku.localeCompare(b.sku));

/** True when a chart has at least one non-zero value to draw. */
export const hasData = (data: ChartData): boolean =>
  data.x.length > 0 && data.series.some((series) => series.values.some((value) => value !== 0));
