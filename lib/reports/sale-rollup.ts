import type { Order, Refund } from '../orders/order-schemas.js';
import { allocate } from '../orders/order-totals.js';
import { utcDay } from './report-days.js';
import type { Counters } from './sale-figures.js';

/** Dimensions of the sales rollups: a store's day in total, by channel and by category. */
export type SalesDimension = 'total' | 'channel' | 'category';

/** Counters to ADD to one sales rollup item (store × dimension × day × value × currency). */
export interface SalesDelta {
  dimension: SalesDimension;
  value: string;
  day: string;
  currency: string;
  counters: Partial<Counters>;
}

/** Units and net to ADD to one store × day × SKU item (days of cover, top sellers). */
export interface SkuDelta {
  day: string;
  sku: string;
  productId: string;
  units: number;
  net: number;
  returned: number;
}

/** What a sale counted, kept so that its refunds reverse the same costs and categories. */
export interface SaleMemo {
  orderId: string;
  storeId: string;
  channel: string;
  currency: string;
  day: string;
  lines: {
    sku: string;
    productId: string;
    category: string;
    quantity: number;
    unitCost: number;
    netTotal: number;
  }[];
}

export interface RollupChange {
  sales: SalesDelta[];
  skus: SkuDelta[];
}

/** Adds `counters` to the total, the channel and (per line) the category of one day. */
const byDimension = (
  memo: Pick<SaleMemo, 'channel' | 'currency'>,
  day: string,
  total: Partial<Counters>,
  perCategory: Map<string, Partial<Counters>>,
): SalesDelta[] => [
  { dimension: 'total', value: 'all', day, currency: memo.currency, counters: total },
  { dimension: 'channel', value: memo.channel, day, currency: memo.currency, counters: total },
  ...[...perCategory].map(([category, counters]) => ({
    dimension: 'category' as const,
    value: category,
    day,
    currency: memo.currency,
    counters,
  })),
];

const addInto = (map: Map<string, Partial<Counters>>, key: string, counters: Partial<Counters>) => {
  const current = map.get(key) ?? {};
  for (const [name, value] of Object.entries(counters) as [keyof Counters, number][])
    current[name] = (current[name] ?? 0) + value;
  map.set(key, current);
};

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** The sale of a paid order: its memo and the counters it adds on the day it was paid. */
export const saleRollup = (
  order: Order,
  unitCostOf: (sku: string) => number,
  paidAt: string,
): { memo: SaleMemo; change: RollupChange } => {
  const day = utcDay(paidAt);
  const memo: SaleMemo = {
    orderId: order.orderId,
    storeId: order.storeId,
    channel: order.channel,
    currency: order.currency,
    day,
    lines: order.lines.map((line) => ({
      sku: line.sku,
      productId: line.productId,
      category: line.category,
      quantity: line.quantity,
      unitCost: unitCostOf(line.sku),
      netTotal: line.netTotal,
    })),
  };
  const perCategory = new Map<string, Partial<Counters>>();
  const lineCounters = order.lines.map((line) => {
    const discounts = line.discount + line.allocatedDiscount;
    const counters = {
      units: line.quantity,
      gross: line.netTotal + discounts,
      discounts,
      net: line.netTotal,
      tax: line.taxAmount,
      cost: line.quantity * unitCostOf(line.sku),
    };
    addInto(perCategory, line.category, counters);
    return counters;
  });
  // An order counts once in its day's total and channel, and once in each category it touches.
  for (const counters of perCategory.values()) counters.orders = 1;
  const total: Partial<Counters> = { orders: 1 };
  for (const name of ['units', 'gross', 'discounts', 'net', 'tax', 'cost'] as const)
    total[name] = sum(lineCounters.map((counters) => counters[name]));
  return {
    memo,
    change: {
      sales: byDimension(memo, day, total, perCategory),
      skus: memo.lines.map((line) => ({
        day,
        sku: line.sku,
        productId: line.productId,
        units: line.quantity,
        net: line.netTotal,
        returned: 0,
      })),
    },
  };
};

/**
 * A refund of a counted sale, on the day it was made. Returned lines carry their own amounts
 * and tax; money refunded without lines (or by cancelling) is spread over the sale's lines in
 * proportion to what was paid for them, so categories add up to the total. Units that came
 * back to stock (restocked returns, a cancelled paid order's units that never left) take
 * their cost back out.
 */
export const refundRollup = (memo: SaleMemo, refund: Refund, cancellation: boolean): RollupChange => {
  const day = utcDay(refund.createdAt);
  const bySku = new Map(memo.lines.map((line) => [line.sku, line]));
  const perCategory = new Map<string, Partial<Counters>>();
  const skus: SkuDelta[] = [];
  let cost = 0;
  if (refund.lines.length > 0) {
    for (const line of refund.lines) {
      const sold = bySku.get(line.sku);
      const category = sold?.category ?? 'unknown';
      const lineCost = refund.restock === 'none' ? 0 : line.quantity * (sold?.unitCost ?? 0);
      cost += lineCost;
      addInto(perCategory, category, { refunds: line.amount, refundTax: line.tax, cost: 0 - lineCost });
      if (refund.restock !== 'none')
        skus.push({
          day,
          sku: line.sku,
          productId: sold?.productId ?? '',
          units: 0,
          net: 0,
          returned: line.quantity,
        });
    }
  } else {
    const weights = memo.lines.map((line) => line.netTotal);
    const amounts = allocate(refund.amount, weights);
    const taxes = allocate(refund.tax, weights);
    memo.lines.forEach((line, index) => {
      const lineCost = cancellation ? line.quantity * line.unitCost : 0;
      cost += lineCost;
      addInto(perCategory, line.category, {
        refunds: amounts[index] ?? 0,
        refundTax: taxes[index] ?? 0,
        cost: 0 - lineCost,
      });
      if (cancellation)
        skus.push({
          day,
          sku: line.sku,
          productId: line.productId,
          units: 0,
          net: 0,
          returned: line.quantity,
        });
    });
  }
  const total = { refunds: refund.amount, refundTax: refund.tax, cost: 0 - cost };
  return { sales: byDimension(memo, day, total, perCategory), skus };
};
