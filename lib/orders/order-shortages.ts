import { inventoryKeys } from '../db/keys.js';
import { batchGetItems } from '../db/query-page.js';
import { InsufficientStockError } from '../inventory/stock-change.js';

/**
 * A cancelled transaction reports only its first failed condition (lib/db/transact.ts), but a
 * till wants every short SKU at once. After a stock failure, one BatchGet of all the lines'
 * levels lists each line whose available quantity is below what was asked. Advisory: the
 * transaction already decided; if stock moved in between, the original shortage is kept.
 */
export const withAllShortages = async (
  error: InsufficientStockError,
  storeId: string,
  lines: readonly { sku: string; quantity: number }[],
): Promise<InsufficientStockError> => {
  // One line: the failed condition already named the only SKU there is.
  if (lines.length === 1) return error;
  const levels = await batchGetItems(lines.map((line) => inventoryKeys.level(storeId, line.sku)));
  const availableBySku = new Map(levels.map((level) => [String(level.sku), Number(level.available ?? 0)]));
  const shortages = lines
    .map((line) => ({
      storeId,
      sku: line.sku,
      requested: line.quantity,
      available: availableBySku.get(line.sku) ?? 0,
    }))
    .filter((shortage) => shortage.available < shortage.requested);
  const reported = new Set(shortages.map((shortage) => shortage.sku));
  for (const original of error.shortages) if (!reported.has(original.sku)) shortages.push(original);
  return new InsufficientStockError(shortages);
};
