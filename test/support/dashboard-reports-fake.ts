/**
 * STAND-IN FOR PART C'S REPORTS ROUTES — used by test/e2e/dashboard.test.ts ONLY while the app
 * definition has no `GET /reports/*` routes (before the reports branch is merged). Once they
 * exist the test uses the live API and never loads this; the lead deletes this file at merge.
 *
 * It answers the three report shapes of the plan from real data read through the running API
 * (orders with their payments and refunds, stock levels, products), with simple semantics of its
 * own: the browser test asserts that the page draws what the API answered, and checks against
 * the orders it placed only facts every definition agrees on (payment amounts, categories, SKUs).
 */
import type {
  Figures,
  MethodTotal,
  SalesReport,
  StockReport,
  StoreTakings,
  TakingsReport,
} from '../../dashboard/src/report-types.js';

interface Line {
  sku: string;
  productId: string;
  category: string;
  quantity: number;
  lineSubtotal: number;
  netTotal: number;
  taxAmount: number;
  discount: number;
  allocatedDiscount: number;
}
interface OrderDetail {
  orderId: string;
  storeId: string;
  channel: string;
  status: string;
  currency: string;
  lines: Line[];
  subtotal: number;
  discountTotal: number;
  pointsDiscount: number;
  taxTotal: number;
  total: number;
  amountRefunded: number;
  paidAt?: string;
  payments: { method: string; amount: number; createdAt: string }[];
  refunds: { amount: number; createdAt: string }[];
}
interface Level {
  sku: string;
  productId: string;
  onHand: number;
  available: number;
  reorderRule?: { reorderPoint: number };
}

export type Get = <T>(path: string) => Promise<T>;

const emptyFigures = (currency: string): Figures => ({
  currency,
  orders: 0,
  units: 0,
  gross: 0,
  discounts: 0,
  net: 0,
  refunds: 0,
  cost: 0,
  margin: 0,
  averageBasket: 0,
});

export const createReportsFake = async (get: Get, storeIds: readonly string[]) => {
  const orders: OrderDetail[] = [];
  const levels = new Map<string, Level[]>();
  for (const storeId of storeIds) {
    const page = await get<{ items: { orderId: string }[] }>(`/stores/${storeId}/orders?limit=100`);
    for (const { orderId } of page.items) orders.push(await get<OrderDetail>(`/orders/${orderId}`));
    levels.set(storeId, (await get<{ items: Level[] }>(`/stores/${storeId}/inventory?limit=100`)).items);
  }
  const costs = new Map<string, number>();
  const productIds = new Set(orders.flatMap((order) => order.lines.map((line) => line.productId)));
  for (const level of [...levels.values()].flat()) productIds.add(level.productId);
  for (const productId of productIds) {
    const product = await get<{ variants: { sku: string; cost?: number }[] }>(`/products/${productId}`);
    for (const variant of product.variants) costs.set(variant.sku, variant.cost ?? 0);
  }
  const sold = orders.filter((order) => order.status !== 'CANCELLED' && order.paidAt);

  const sales = (query: URLSearchParams): SalesReport => {
    const from = query.get('from') ?? '';
    const to = query.get('to') ?? '';
    const groupBy = (query.get('groupBy') ?? 'day') as SalesReport['groupBy'];
    const storeId = query.get('storeId');
    const groups = new Map<string, Figures & { key: string }>();
    const totals = new Map<string, Figures>();
    const basket = new Map<Figures, Set<string>>();
    const add = (figures: Figures, order: OrderDetail, line: Line) => {
      const net = line.netTotal - line.taxAmount;
      const cost = line.quantity * (costs.get(line.sku) ?? 0);
      const refunds =
        order.total === 0 ? 0 : Math.round((order.amountRefunded * line.netTotal) / order.total);
      const orders = basket.get(figures) ?? new Set<string>();
      orders.add(order.orderId);
      basket.set(figures, orders);
      figures.orders = orders.size;
      figures.units += line.quantity;
      figures.gross += line.lineSubtotal;
      figures.discounts += line.discount + line.allocatedDiscount;
      figures.net += net;
      figures.refunds += refunds;
      figures.cost += cost;
      figures.margin = figures.net - figures.refunds - figures.cost;
      figures.averageBasket = Math.round(figures.net / figures.orders);
    };
    for (const order of sold) {
      const day = (order.paidAt ?? '').slice(0, 10);
      if (day < from || day > to || (storeId && order.storeId !== storeId)) continue;
      for (const line of order.lines) {
        const key = {
          day,
          store: order.storeId,
          region: 'all',
          category: line.category,
          channel: order.channel,
        }[groupBy];
        const id = `${key}|${order.currency}`;
        const group = groups.get(id) ?? { ...emptyFigures(order.currency), key };
        groups.set(id, group);
        add(group, order, line);
        const total = totals.get(order.currency) ?? emptyFigures(order.currency);
        totals.set(order.currency, total);
        add(total, order, line);
      }
    }
    return { from, to, groupBy, totals: [...totals.values()], groups: [...groups.values()] };
  };

  const takings = (query: URLSearchParams): TakingsReport => {
    const date = query.get('date') ?? '';
    const byStore = new Map<string, StoreTakings>();
    const bump = (list: MethodTotal[], method: string, amount: number) => {
      const entry = list.find((item) => item.method === method);
      if (entry) {
        entry.amount += amount;
        entry.count += 1;
      } else list.push({ method, amount, count: 1 });
    };
    for (const order of orders) {
      const store = byStore.get(order.storeId) ?? {
        storeId: order.storeId,
        currency: order.currency,
        payments: [],
        refunds: [],
        net: 0,
        count: 0,
      };
      for (const payment of order.payments.filter((p) => p.createdAt.startsWith(date))) {
        bump(store.payments, payment.method, payment.amount);
        store.net += payment.amount;
        store.count += 1;
      }
      const method = order.payments[0]?.method ?? 'other';
      for (const refund of order.refunds.filter((r) => r.createdAt.startsWith(date))) {
        bump(store.refunds, method, refund.amount);
        store.net -= refund.amount;
        store.count += 1;
      }
      if (store.count > 0) byStore.set(order.storeId, store);
    }
    return { date, stores: [...byStore.values()] };
  };

  const stock = (query: URLSearchParams): StockReport => {
    const storeId = query.get('storeId') ?? '';
    const stocked = levels.get(storeId) ?? [];
    const unitsSold = new Map<string, { units: number; net: number; productId: string }>();
    for (const order of sold.filter((o) => o.storeId === storeId))
      for (const line of order.lines) {
        const entry = unitsSold.get(line.sku) ?? { units: 0, net: 0, productId: line.productId };
        entry.units += line.quantity;
        entry.net += line.netTotal - line.taxAmount;
        unitsSold.set(line.sku, entry);
      }
    return {
      storeId,
      currency: sold[0]?.currency ?? 'AUD',
      stockValue: stocked.reduce((sum, level) => sum + level.onHand * (costs.get(level.sku) ?? 0), 0),
      units: stocked.reduce((sum, level) => sum + level.onHand, 0),
      skus: stocked.length,
      atOrBelowReorderPoint: stocked
        .filter((level) => level.reorderRule && level.available <= level.reorderRule.reorderPoint)
        .map((level) => ({
          sku: level.sku,
          productId: level.productId,
          available: level.available,
          reorderPoint: level.reorderRule?.reorderPoint ?? 0,
        })),
      outOfStock: stocked
        .filter((level) => level.available <= 0)
        .map((level) => ({ sku: level.sku, productId: level.productId })),
      daysOfCover: stocked.map((level) => {
        const soldLast28Days = unitsSold.get(level.sku)?.units ?? 0;
        return {
          sku: level.sku,
          available: level.available,
          soldLast28Days,
          daysOfCover: soldLast28Days === 0 ? null : (level.available * 28) / soldLast28Days,
        };
      }),
      slowMovers: stocked
        .filter((level) => !unitsSold.has(level.sku) && level.available > 0)
        .map((level) => ({ sku: level.sku, productId: level.productId, available: level.available })),
      topSellers: [...unitsSold.entries()]
        .sort(([a, x], [b, y]) => y.units - x.units || a.localeCompare(b))
        .map(([sku, entry]) => ({ sku, productId: entry.productId, units: entry.units, net: entry.net })),
    };
  };

  /** The answer of `GET /reports/<name>?…`, as the live route would give it (status 200). */
  return (path: string, query: URLSearchParams): unknown => {
    if (path === '/reports/sales') return sales(query);
    if (path === '/reports/takings') return takings(query);
    if (path === '/reports/stock') return stock(query);
    throw new Error(`The reports fake has no ${path}`);
  };
};
