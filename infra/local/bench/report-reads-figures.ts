/**
 * Part of `npm run bench` (section `report-reads`, report-reads-bench.ts): a report's DynamoDB reads for few and many orders, measured in one
 * run (DynamoDB's own consumed capacity). Sales are counted into a fresh store's rollups through
 * the consumer's own write path (saleRollup → marker + ADD transaction), one at a time: every
 * order updates the same day's items, as a busy store's do. The report must read the same.
 * Runs in-process against the runtime's table, after startLocalRuntime set the environment.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../lib/auth/principal.js';
import { transactWrite } from '../../../lib/db/transact.js';
import type { Order } from '../../../lib/orders/order-schemas.js';
import { utcDay } from '../../../lib/reports/report-days.js';
import { newReadMeter, type ReadMeter } from '../../../lib/reports/rollup-reads.js';
import {
  appliedMarkerWrite,
  saleMemoWrite,
  salesWrite,
  skuSalesWrite,
} from '../../../lib/reports/rollup-writes.js';
import { saleRollup } from '../../../lib/reports/sale-rollup.js';
import { salesReport } from '../../../lib/reports/sales-report.js';
import { stockReport } from '../../../lib/reports/stock-report.js';
import type { BenchFigure } from './bench-figure.js';

const FINANCE: Principal = { userId: 'bench-finance', role: 'finance', storeIds: 'all' };
const SKUS = ['BENCH-A', 'BENCH-B', 'BENCH-C'];

const syntheticOrder = (storeId: string, i: number): Order => {
  const sku = SKUS[i % SKUS.length] as string;
  return {
    orderId: `or_bench_${randomUUID()}`,
    storeId,
    channel: i % 2 === 0 ? 'in_store' : 'online',
    currency: 'AUD',
    lines: [
      {
        sku,
        productId: `pr_${sku}`,
        category: i % 3 === 0 ? 'contact-lenses' : 'accessories',
        quantity: 1,
        discount: 0,
        allocatedDiscount: 0,
        netTotal: 1000,
        taxAmount: 91,
      },
    ],
  } as unknown as Order;
};

const countSales = async (storeId: string, count: number, now: Date) => {
  for (let i = 0; i < count; i++) {
    const order = syntheticOrder(storeId, i);
    const { memo, change } = saleRollup(order, () => 400, now.toISOString());
    await transactWrite([
      appliedMarkerWrite(`bench-${order.orderId}`, 'sales', now),
      saleMemoWrite(memo),
      ...change.sales.map((delta) => salesWrite(storeId, delta)),
      ...change.skus.map((delta) => skuSalesWrite(storeId, delta)),
    ]);
  }
};

const readsOf = async (storeId: string, now: Date): Promise<{ sales: ReadMeter; stock: ReadMeter }> => {
  const day = utcDay(now);
  const sales = newReadMeter();
  await salesReport(FINANCE, { from: day, to: day, groupBy: 'category', storeId }, sales);
  const stock = newReadMeter();
  await stockReport(FINANCE, { storeId }, stock, now);
  return { sales, stock };
};

/** The read units of the sales (by category) and stock reports after `few` and after `many` orders. */
export const reportReadFigures = async (
  baseUrl: string,
  adminToken: string,
  few: number,
  many: number,
): Promise<BenchFigure[]> => {
  const created = await fetch(`${baseUrl}/stores`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      code: `BENCH-${randomUUID().slice(0, 6).toUpperCase()}`,
      name: 'Bench store',
      address: { line1: '1 Bench St', city: 'Sydney', postcode: '2000', country: 'AU' },
      region: 'bench',
      channels: ['in_store', 'online'],
      timezone: 'Australia/Sydney',
    }),
  });
  const { storeId } = (await created.json()) as { storeId: string };
  const now = new Date();
  await countSales(storeId, few, now);
  const before = await readsOf(storeId, now);
  await countSales(storeId, many - few, now);
  const after = await readsOf(storeId, now);
  const figure = (name: string, a: ReadMeter, b: ReadMeter): BenchFigure => ({
    section: 'report-reads',
    name: `${name} after ${many} orders`,
    unit: 'RCU',
    value: b.capacityUnits,
    baseline: a.capacityUnits,
    baselineName: `the same report after ${few} orders`,
    ratio: b.capacityUnits / Math.max(a.capacityUnits, Number.EPSILON),
    target: 'flat (1.00×)',
    detail: `${a.queries} → ${b.queries} Queries; same store and day`,
  });
  return [
    figure('GET /reports/sales', before.sales, after.sales),
    figure('GET /reports/stock', before.stock, after.stock),
  ];
};
