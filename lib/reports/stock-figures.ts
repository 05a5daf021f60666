import type { InventoryLevel } from '../inventory/inventory-schemas.js';
import type { StockReport } from './report-schemas.js';
import type { VariantCost } from './unit-costs.js';

/** Days of sales behind days of cover and top sellers; a SKU unsold this long is a slow mover. */
export const COVER_DAYS = 28;
export const SLOW_MOVER_DAYS = 30;
/** Lists are the most urgent first and bounded, so a store of thousands of SKUs answers in one page. */
export const LIST_LIMIT = 100;
export const TOP_SELLERS = 10;

export interface SkuSales {
  units: number;
  net: number;
}

const bySku = <T extends { sku: string }>(a: T, b: T) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);

/** The currency most costed SKUs are in (ties: alphabetical); the stock value is in it. */
const mainCurrency = (levels: readonly InventoryLevel[], costs: ReadonlyMap<string, VariantCost>): string => {
  const counts = new Map<string, number>();
  for (const level of levels) {
    const currency = costs.get(level.sku)?.currency;
    if (currency) counts.set(currency, (counts.get(currency) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
};

/**
 * The stock report of a store from its levels (as they are now), the variants' costs, its
 * sales of the last 28 days per SKU (net of units returned) and each SKU's last sale. Pure.
 */
export const stockFigures = (input: {
  storeId: string;
  levels: readonly InventoryLevel[];
  costs: ReadonlyMap<string, VariantCost>;
  soldLast28Days: ReadonlyMap<string, SkuSales>;
  lastSoldAt: ReadonlyMap<string, string>;
  now: Date;
}): StockReport => {
  const { levels, costs } = input;
  const currency = mainCurrency(levels, costs);
  const slowSince = new Date(input.now.getTime() - SLOW_MOVER_DAYS * 86_400_000).toISOString();
  const onHand = (level: InventoryLevel) => Math.max(0, level.onHand);
  const stockValue = levels.reduce((total, level) => {
    const cost = costs.get(level.sku);
    return cost && cost.currency === currency ? total + onHand(level) * cost.cost : total;
  }, 0);
  const low = levels
    .filter((level) => level.reorderRule && level.available <= level.reorderRule.reorderPoint)
    .map((level) => ({
      sku: level.sku,
      productId: level.productId,
      available: level.available,
      reorderPoint: level.reorderRule?.reorderPoint ?? 0,
    }))
    .sort((a, b) => a.available - a.reorderPoint - (b.available - b.reorderPoint) || bySku(a, b));
  const cover = levels
    .map((level) => ({ level, sold: input.soldLast28Days.get(level.sku)?.units ?? 0 }))
    .filter(({ sold }) => sold > 0)
    .map(({ level, sold }) => ({
      sku: level.sku,
      available: level.available,
      soldLast28Days: sold,
      daysOfCover: Math.round((Math.max(0, level.available) / (sold / COVER_DAYS)) * 10) / 10,
    }))
    .sort((a, b) => a.daysOfCover - b.daysOfCover || bySku(a, b));
  const slow = levels
    .filter((level) => level.available > 0)
    .map((level) => ({ level, lastSoldAt: input.lastSoldAt.get(level.sku) }))
    .filter(({ lastSoldAt }) => lastSoldAt === undefined || lastSoldAt < slowSince)
    .map(({ level, lastSoldAt }) => ({
      sku: level.sku,
      productId: level.productId,
      available: level.available,
      ...(lastSoldAt ? { lastSoldAt } : {}),
    }))
    .sort((a, b) => (a.lastSoldAt ?? '').localeCompare(b.lastSoldAt ?? '') || bySku(a, b));
  const productOf = new Map(levels.map((level) => [level.sku, level.productId]));
  const top = [...input.soldLast28Days]
    .filter(([, sales]) => sales.units > 0)
    .map(([sku, sales]) => ({
      sku,
      productId: productOf.get(sku) ?? costs.get(sku)?.productId ?? '',
      units: sales.units,
      net: sales.net,
    }))
    .sort((a, b) => b.units - a.units || b.net - a.net || bySku(a, b));
  return {
    storeId: input.storeId,
    currency,
    stockValue,
    units: levels.reduce((total, level) => total + onHand(level), 0),
    skus: levels.length,
    atOrBelowReorderPoint: low.slice(0, LIST_LIMIT),
    outOfStock: levels
      .filter((level) => level.available <= 0)
      .map((level) => ({ sku: level.sku, productId: level.productId }))
      .sort(bySku)
      .slice(0, LIST_LIMIT),
    daysOfCover: cover.slice(0, LIST_LIMIT),
    slowMovers: slow.slice(0, LIST_LIMIT),
    topSellers: top.slice(0, TOP_SELLERS),
  };
};
