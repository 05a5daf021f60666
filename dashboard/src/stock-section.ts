/**
 * One store's stock: value at cost, top sellers (chart), and the lists a manager acts on: at or
 * below the reorder point, out of stock, open replenishments, days of cover, slow movers.
 */
import type { Api } from './api-client.js';
import { openReplenishments, topSellerBars } from './chart-data.js';
import { renderChart } from './chart-view.js';
import { byId, dataTable, el } from './dom.js';
import { formatMoney } from './money.js';
import type { Store } from './report-types.js';

const number = (value: number) => new Intl.NumberFormat().format(value);

export const renderStock = async (api: Api, storeId: string, stores: readonly Store[]): Promise<void> => {
  const [report, replenishments] = await Promise.all([api.stock(storeId), api.replenishments(storeId)]);
  const name = (id: string) => stores.find((store) => store.storeId === id)?.name ?? id;
  const { currency } = report;
  byId('stock-title').textContent = `Stock at ${name(storeId)}`;
  byId('stock-kpis').replaceChildren(
    el(
      'dl',
      { class: 'kpis', 'aria-label': `Stock at ${name(storeId)}` },
      ...(
        [
          ['Stock value at cost', formatMoney(report.stockValue, currency)],
          ['Units', number(report.units)],
          ['SKUs', number(report.skus)],
          ['At or below reorder point', number(report.atOrBelowReorderPoint.length)],
          ['Out of stock', number(report.outOfStock.length)],
        ] as const
      ).map(([term, value]) => el('div', { 'data-kpi': term }, el('dt', {}, term), el('dd', {}, value))),
    ),
  );
  renderChart(byId('chart-top-sellers'), {
    id: 'top-sellers',
    title: 'Top sellers, last 28 days (units)',
    data: topSellerBars(report),
    format: number,
    xTitle: 'SKU',
    empty: 'Nothing sold in the last 28 days.',
  });
  byId('low-stock').replaceChildren(
    dataTable(
      'At or below the reorder point',
      ['SKU', 'Product', 'Available', 'Reorder point'],
      report.atOrBelowReorderPoint.map((row) => [row.sku, row.productId, row.available, row.reorderPoint]),
      'every SKU is above its reorder point.',
    ),
  );
  byId('out-of-stock').replaceChildren(
    dataTable(
      'Out of stock',
      ['SKU', 'Product'],
      report.outOfStock.map((row) => [row.sku, row.productId]),
      'none.',
    ),
  );
  byId('replenishments').replaceChildren(
    dataTable(
      'Open replenishments',
      ['SKU', 'Planned', 'Transfers', 'Purchase order', 'Not covered', 'Since'],
      openReplenishments(replenishments).map((item) => [
        item.sku,
        item.plannedFrom.quantity,
        item.transfers
          .map((t) => `${t.quantity} from ${name(t.fromStoreId)} (${t.status ?? 'planned'})`)
          .join(', ') || '–',
        item.purchaseOrder
          ? `${item.purchaseOrder.quantity} on ${item.purchaseOrder.purchaseOrderId} (${item.purchaseOrder.status ?? 'planned'})`
          : '–',
        item.unplanned,
        item.createdAt.slice(0, 10),
      ]),
      'none open.',
    ),
  );
  byId('days-of-cover').replaceChildren(
    dataTable(
      'Days of cover (from the last 28 days’ sales)',
      ['SKU', 'Available', 'Sold in 28 days', 'Days of cover'],
      report.daysOfCover.map((row) => [
        row.sku,
        row.available,
        row.soldLast28Days,
        row.daysOfCover === null ? 'no recent sales' : number(Math.round(row.daysOfCover)),
      ]),
      'no stock.',
    ),
  );
  byId('slow-movers').replaceChildren(
    dataTable(
      'Slow movers (no sale in 30 days)',
      ['SKU', 'Product', 'Available', 'Last sold'],
      report.slowMovers.map((row) => [
        row.sku,
        row.productId,
        row.available,
        row.lastSoldAt?.slice(0, 10) ?? 'never',
      ]),
      'none.',
    ),
  );
};
