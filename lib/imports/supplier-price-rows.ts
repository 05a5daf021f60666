import { MinorUnits, Sku } from '../catalog/product-schemas.js';
import { ResourceId, singleLineText } from '../http/common-schemas.js';
import { Currency } from '../suppliers/supplier-schemas.js';
import * as z from '../zod.js';
import type { ColumnSpec } from './csv-table.js';

/** A supplier price list: what each supplier charges for a SKU, in the supplier's currency. */
export const SUPPLIER_PRICE_COLUMNS = [
  { name: 'supplierId', required: true },
  { name: 'sku', required: true },
  { name: 'unitCost', required: true },
  { name: 'currency', required: true },
  { name: 'supplierSku' },
] as const satisfies readonly ColumnSpec[];

/** Checked with the API's own field schemas (supplier id, SKU, minor units, currency). */
export const SupplierPriceRow = z.strictObject({
  supplierId: ResourceId,
  sku: Sku,
  unitCost: MinorUnits,
  currency: Currency,
  supplierSku: z.optional(singleLineText({ max: 64 })),
});
export type SupplierPriceRow = z.output<typeof SupplierPriceRow>;

export const supplierPriceToRow = (price: SupplierPriceRow): Record<string, string> => ({
  supplierId: price.supplierId,
  sku: price.sku,
  unitCost: String(price.unitCost),
  currency: price.currency,
  supplierSku: price.supplierSku ?? '',
});
