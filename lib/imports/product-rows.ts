import type { Product } from '../catalog/product-schemas.js';
import {
  type Cell,
  integerCell,
  isIssue,
  jsonObjectCell,
  lowerCase,
  optionsCell,
  stableJson,
  upperCase,
} from './cells.js';
import type { ColumnSpec, CsvRow } from './csv-table.js';
import type { LineIssue } from './import-report.js';

/**
 * The product file: one row per variant; rows of the same product share its `productId`, or,
 * when that is left empty, its name and brand. Product columns may be left empty on a
 * product's later rows (they repeat the first row's); a different value is refused.
 */
export const PRODUCT_COLUMNS = [
  { name: 'productId' },
  { name: 'name', required: true },
  { name: 'brand', required: true },
  { name: 'category', required: true },
  { name: 'status' },
  { name: 'description' },
  { name: 'attributes' },
  { name: 'sku', required: true },
  { name: 'variantStatus' },
  { name: 'options' },
  { name: 'price', required: true },
  { name: 'cost', required: true },
  { name: 'currency', required: true },
  { name: 'barcode' },
] as const satisfies readonly ColumnSpec[];

export const PRODUCT_FIELDS = ['name', 'brand', 'category', 'status', 'description', 'attributes'] as const;
export type ProductField = (typeof PRODUCT_FIELDS)[number];

/** Variant fields by the column they come from (the API field name, where it differs). */
export const VARIANT_COLUMN_OF: Record<string, string> = {
  sku: 'sku',
  status: 'variantStatus',
  options: 'options',
  price: 'price',
  cost: 'cost',
  currency: 'currency',
  barcode: 'barcode',
};

export interface ProductRow {
  line: number;
  productId?: string;
  product: Partial<Record<ProductField, unknown>>;
  variant: Record<string, unknown>;
  issues: LineIssue[];
}

const MINOR_UNITS_HINT = 'Give minor units (cents), e.g. 1299 for 12.99.';

/** Normalises a row (trimmed by the reader; SKU and currency upper-case, category lower-case) into API fields. */
export const productRowOf = (row: CsvRow): ProductRow => {
  const { cells } = row;
  const issues: LineIssue[] = [...row.issues];
  const take = <T>(cell: Cell<T> | undefined): T | undefined => {
    if (cell === undefined) return undefined;
    if (isIssue(cell)) {
      issues.push(cell.issue);
      return undefined;
    }
    return cell.value;
  };
  const product: Partial<Record<ProductField, unknown>> = {
    name: cells.name,
    brand: cells.brand,
    category: lowerCase(cells.category),
    status: lowerCase(cells.status),
    description: cells.description,
    attributes: take(
      cells.attributes === undefined ? undefined : jsonObjectCell(cells.attributes, 'attributes'),
    ),
  };
  const variant: Record<string, unknown> = {
    sku: upperCase(cells.sku),
    status: lowerCase(cells.variantStatus),
    options: take(cells.options === undefined ? undefined : optionsCell(cells.options, 'options')),
    price: take(cells.price === undefined ? undefined : integerCell(cells.price, 'price', MINOR_UNITS_HINT)),
    cost: take(cells.cost === undefined ? undefined : integerCell(cells.cost, 'cost', MINOR_UNITS_HINT)),
    currency: upperCase(cells.currency),
    barcode: cells.barcode?.replace(/[\s-]/g, ''),
  };
  const defined = <T extends Record<string, unknown>>(record: T) =>
    Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
  return {
    line: row.line,
    ...(cells.productId === undefined ? {} : { productId: cells.productId }),
    product: defined(product),
    variant: defined(variant),
    issues,
  };
};

const cellText = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** A product as file rows (export): the same columns, options and attributes as JSON. */
export const productToRows = (product: Product): Record<string, string>[] =>
  product.variants.map((variant) => ({
    productId: product.productId,
    name: product.name,
    brand: product.brand,
    category: product.category,
    status: product.status,
    description: product.description,
    attributes: stableJson(product.attributes),
    sku: variant.sku,
    variantStatus: cellText(variant.status),
    options: stableJson(variant.options),
    price: String(variant.price),
    cost: String(variant.cost),
    currency: variant.currency,
    barcode: cellText(variant.barcode),
  }));
