import { queryProducts } from '../catalog/product-repository.js';
import type { Customer } from '../customers/customer-schemas.js';
import { supplierPriceKeys } from '../db/keys.js';
import type { Page } from '../db/query-page.js';
import { queryPage } from '../db/query-page.js';
import { stringifyCsv } from '../imports/csv.js';
import { CUSTOMER_COLUMNS, customerToRow } from '../imports/customer-rows.js';
import { PRODUCT_COLUMNS, productToRows } from '../imports/product-rows.js';
import { levelToRow, STOCK_COLUMNS } from '../imports/stock-rows.js';
import {
  SUPPLIER_PRICE_COLUMNS,
  type SupplierPriceRow,
  supplierPriceToRow,
} from '../imports/supplier-price-rows.js';
import { queryStoreLevels } from '../inventory/inventory-repository.js';

/**
 * Exports in the import format (the same columns, header and cell spelling), so that an
 * exported file imports back to the same data: export → import is a lossless round trip. Written
 * by the importer's own CSV writer, the one the import reports use (lib/imports/csv.ts).
 */
export const toCsv = (
  columns: readonly { name: string }[],
  rows: readonly Record<string, string>[],
): string =>
  stringifyCsv([
    columns.map((column) => column.name),
    ...rows.map((row) => columns.map((column) => row[column.name] ?? '')),
  ]);

const EXPORT_PAGE = 100;

/** Every page of a paged Query, one after the other. */
const allPages = async <T>(read: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
};

/** The whole catalog, by the products listing (gsi1, a Query), one row per variant. */
export const exportCatalog = async (): Promise<string> => {
  const products = await allPages((cursor) => queryProducts({ limit: EXPORT_PAGE, cursor }));
  return toCsv(PRODUCT_COLUMNS, products.flatMap(productToRows));
};

/** A store's levels (one Query on its partition), one row per SKU. */
export const exportStock = async (storeId: string): Promise<string> => {
  const levels = await allPages((cursor) => queryStoreLevels(storeId, EXPORT_PAGE, cursor));
  return toCsv(STOCK_COLUMNS, levels.map(levelToRow));
};

/** Customers as rows; the caller decides where they come from (personal data: see docs/import/). */
export const customersCsv = (customers: readonly Customer[]): string =>
  toCsv(CUSTOMER_COLUMNS, customers.map(customerToRow));

/** One supplier's price list (one Query on the supplier's partition), one row per SKU. */
export const exportSupplierPrices = async (supplierId: string): Promise<string> => {
  const prices = await allPages(async (cursor) =>
    queryPage({
      partitionValue: supplierPriceKeys.partition(supplierId),
      sortKeyPrefix: supplierPriceKeys.prefix,
      limit: EXPORT_PAGE,
      cursor,
    }),
  );
  return toCsv(
    SUPPLIER_PRICE_COLUMNS,
    prices.map((item) => supplierPriceToRow(item as unknown as SupplierPriceRow)),
  );
};
