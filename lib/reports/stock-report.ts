import type { Principal } from '../auth/principal.js';
import { assertStoreInScope } from '../auth/store-scope.js';
import { reportKeys } from '../db/keys.js';
import { queryStoreLevels } from '../inventory/inventory-repository.js';
import type { InventoryLevel } from '../inventory/inventory-schemas.js';
import { addDays, utcDay } from './report-days.js';
import type { StockReport, StockReportQuery } from './report-schemas.js';
import { queryRange, type ReadMeter } from './rollup-reads.js';
import { COVER_DAYS, type SkuSales, stockFigures } from './stock-figures.js';
import { variantCosts } from './unit-costs.js';

const allLevels = async (storeId: string): Promise<InventoryLevel[]> => {
  const levels: InventoryLevel[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryStoreLevels(storeId, 1000, cursor);
    levels.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return levels;
};

/**
 * A store's stock report: its levels as they are now (one Query of the store's partition), the
 * variants' costs (a BatchGet per 100 products), its SKU sales of the last 28 UTC days and each
 * SKU's last sale (one Query each). Reads grow with SKUs stocked, never with orders.
 */
export const stockReport = async (
  principal: Principal,
  query: StockReportQuery,
  meter?: ReadMeter,
  now = new Date(),
): Promise<StockReport> => {
  await assertStoreInScope(principal, query.storeId);
  const today = utcDay(now);
  const [levels, sales, lastSold] = await Promise.all([
    allLevels(query.storeId),
    queryRange(
      reportKeys.skuSalesPartition(query.storeId),
      { between: reportKeys.skuSalesRange(addDays(today, -(COVER_DAYS - 1)), today) },
      meter,
    ),
    queryRange(reportKeys.skuLastSoldPartition(query.storeId), 'whole partition', meter),
  ]);
  const costs = await variantCosts(levels.map((level) => level.productId));
  const soldLast28Days = new Map<string, SkuSales>();
  for (const item of sales) {
    const sku = String(item.sku);
    const entry = soldLast28Days.get(sku) ?? { units: 0, net: 0 };
    entry.units += Number(item.units ?? 0) - Number(item.returned ?? 0);
    entry.net += Number(item.net ?? 0);
    soldLast28Days.set(sku, entry);
  }
  return stockFigures({
    storeId: query.storeId,
    levels,
    costs,
    soldLast28Days,
    lastSoldAt: new Map(lastSold.map((item) => [String(item.sk), String(item.lastSoldAt)])),
    now,
  });
};
