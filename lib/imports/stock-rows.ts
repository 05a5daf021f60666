import { Sku } from '../catalog/product-schemas.js';
import type { InventoryLevel } from '../inventory/inventory-schemas.js';
import { Quantity } from '../inventory/inventory-schemas.js';
import * as z from '../zod.js';
import type { ColumnSpec } from './csv-table.js';

/** The opening-stock file of one store: one row per SKU, its units on hand. */
export const STOCK_COLUMNS = [
  { name: 'sku', required: true },
  { name: 'onHand', required: true },
] as const satisfies readonly ColumnSpec[];

/** A row as the inventory API's own field schemas check it (SKU as in paths, a quantity as in bodies). */
export const OpeningStockRow = z.strictObject({ sku: Sku, onHand: Quantity });
export type OpeningStockRow = z.output<typeof OpeningStockRow>;

export const levelToRow = (level: Pick<InventoryLevel, 'sku' | 'onHand'>): Record<string, string> => ({
  sku: level.sku,
  onHand: String(level.onHand),
});
