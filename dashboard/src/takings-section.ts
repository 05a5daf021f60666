/** Takings of one day: payments and refunds by method (chart), and each store's cash-up (table). */
import type { Api } from './api-client.js';
import { takingsByMethod, takingsCurrencies } from './chart-data.js';
import { renderChart } from './chart-view.js';
import { byId, dataTable } from './dom.js';
import { formatMoney, formatMoneyTick } from './money.js';
import type { MethodTotal, Store } from './report-types.js';

const methodList = (totals: readonly MethodTotal[], currency: string) =>
  totals
    .map(({ method, amount, count }) => `${method} ${formatMoney(amount, currency)} (${count})`)
    .join(', ') || '–';

export const renderTakings = async (
  api: Api,
  date: string,
  preferredCurrency: string | undefined,
  stores: readonly Store[],
): Promise<void> => {
  const report = await api.takings(date);
  const currencies = takingsCurrencies(report);
  const currency =
    preferredCurrency && currencies.includes(preferredCurrency) ? preferredCurrency : currencies[0];
  const name = (storeId: string) => stores.find((store) => store.storeId === storeId)?.name ?? storeId;
  byId('takings-title').textContent = `Takings on ${report.date}`;
  if (!currency) {
    byId('chart-takings-by-method').replaceChildren();
    byId('takings-table').replaceChildren(dataTable(`Takings on ${report.date}`, [], [], 'no payments.'));
    return;
  }
  renderChart(byId('chart-takings-by-method'), {
    id: 'takings-by-method',
    title: `Payments and refunds by method on ${report.date} (${currency})`,
    data: takingsByMethod(report, currency),
    format: (value) => formatMoney(value, currency),
    tick: (value) => formatMoneyTick(value, currency),
    xTitle: 'Method',
    empty: 'No payments that day.',
  });
  byId('takings-table').replaceChildren(
    dataTable(
      `Cash-up per store on ${report.date}`,
      ['Store', 'Currency', 'Payments', 'Refunds', 'Net', 'Transactions'],
      report.stores.map((store) => [
        name(store.storeId),
        store.currency,
        methodList(store.payments, store.currency),
        methodList(store.refunds, store.currency),
        formatMoney(store.net, store.currency),
        store.count,
      ]),
      'no payments.',
    ),
  );
};
