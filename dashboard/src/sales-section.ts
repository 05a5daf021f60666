/** Sales: key figures, net by day per store, net/cost/margin by day, and bars by category and channel. */
import type { Api } from './api-client.js';
import {
  currenciesByOrders,
  dailyMeasures,
  groupBars,
  latestSalesDay,
  salesByDayPerStore,
  totalsIn,
} from './chart-data.js';
import { renderChart } from './chart-view.js';
import { daysBetween } from './dates.js';
import { byId, el } from './dom.js';
import { formatMoney, formatMoneyTick, formatPercent, marginRate } from './money.js';
import type { Figures, Store } from './report-types.js';
import type { ViewState } from './view-state.js';

export interface SalesOutcome {
  currencies: string[];
  currency: string | undefined;
  latestDay: string | undefined;
  /** Store ids by net sales in the currency, most first. */
  storesBySales: string[];
}

const CHANNEL_NAMES: Record<string, string> = {
  in_store: 'In store',
  online: 'Online',
  marketplace: 'Marketplace',
};

const kpis = (figures: Figures | undefined, currency: string) => {
  const money = (value: number | undefined) => formatMoney(value ?? 0, currency);
  const items: [string, string][] = [
    ['Orders', String(figures?.orders ?? 0)],
    ['Units', String(figures?.units ?? 0)],
    ['Gross', money(figures?.gross)],
    ['Discounts', money(figures?.discounts)],
    ['Net sales', money(figures?.net)],
    ['Refunds', money(figures?.refunds)],
    ['Cost', money(figures?.cost)],
    ['Margin', money(figures?.margin)],
    ['Margin %', formatPercent(figures ? marginRate(figures.margin, figures.net) : undefined)],
    ['Average basket', money(figures?.averageBasket)],
  ];
  return el(
    'dl',
    { class: 'kpis', 'aria-label': `Sales totals in ${currency}` },
    ...items.map(([term, value]) => el('div', { 'data-kpi': term }, el('dt', {}, term), el('dd', {}, value))),
  );
};

export const renderSales = async (
  api: Api,
  state: ViewState,
  stores: readonly Store[],
): Promise<SalesOutcome> => {
  const range = { from: state.from, to: state.to };
  const [overall, byCategory, byChannel, storeReports] = await Promise.all([
    api.sales({ ...range, groupBy: 'day' }),
    api.sales({ ...range, groupBy: 'category' }),
    api.sales({ ...range, groupBy: 'channel' }),
    Promise.all(
      stores.map(async (store) => ({
        store,
        report: await api.sales({ ...range, groupBy: 'day', storeId: store.storeId }),
      })),
    ),
  ]);
  const currencies = currenciesByOrders(overall.totals);
  const currency = state.currency && currencies.includes(state.currency) ? state.currency : currencies[0];
  if (!currency) {
    byId('kpis').replaceChildren(el('p', { class: 'empty' }, 'No sales in this period.'));
    for (const id of ['sales-by-day', 'margin-by-day', 'sales-by-category', 'sales-by-channel'])
      byId(`chart-${id}`).replaceChildren();
    return { currencies, currency, latestDay: undefined, storesBySales: [] };
  }
  const money = (value: number) => formatMoney(value, currency);
  const tick = (value: number) => formatMoneyTick(value, currency);
  const days = daysBetween(state.from, state.to);

  byId('kpis').replaceChildren(kpis(totalsIn(overall, currency), currency));
  renderChart(byId('chart-sales-by-day'), {
    id: 'sales-by-day',
    title: `Net sales by day per store (${currency})`,
    data: salesByDayPerStore(
      days,
      storeReports.map(({ store, report }) => ({ label: store.name, report })),
      currency,
    ),
    format: money,
    tick,
    xTitle: 'Day',
    empty: 'No sales in this period.',
  });
  renderChart(byId('chart-margin-by-day'), {
    id: 'margin-by-day',
    title: `Net sales, cost and margin by day (${currency})`,
    data: dailyMeasures(days, overall, currency, [
      { label: 'Net sales', measure: 'net' },
      { label: 'Cost', measure: 'cost' },
      { label: 'Margin', measure: 'margin' },
    ]),
    format: money,
    tick,
    xTitle: 'Day',
    empty: 'No sales in this period.',
  });
  const netAndMargin = [
    { label: 'Net sales', measure: 'net' as const },
    { label: 'Margin', measure: 'margin' as const },
  ];
  renderChart(byId('chart-sales-by-category'), {
    id: 'sales-by-category',
    title: `Sales by category (${currency})`,
    data: groupBars(byCategory, currency, netAndMargin),
    format: money,
    tick,
    xTitle: 'Category',
    empty: 'No sales in this period.',
  });
  renderChart(byId('chart-sales-by-channel'), {
    id: 'sales-by-channel',
    title: `Sales by channel (${currency})`,
    data: groupBars(byChannel, currency, netAndMargin, (key) => CHANNEL_NAMES[key] ?? key),
    format: money,
    tick,
    xTitle: 'Channel',
    empty: 'No sales in this period.',
  });

  const storesBySales = storeReports
    .map(({ store, report }) => ({ storeId: store.storeId, net: totalsIn(report, currency)?.net ?? 0 }))
    .filter(({ net }) => net > 0)
    .sort((a, b) => b.net - a.net)
    .map(({ storeId }) => storeId);
  return { currencies, currency, latestDay: latestSalesDay(overall, currency), storesBySales };
};
