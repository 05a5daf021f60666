import { canAccessStore } from '../auth/store-scope.js';
import { findStore } from '../stores/store-repository.js';
import { type ColumnSpec, type CsvRow, ImportFileError, readCsv } from './csv-table.js';
import { CUSTOMER_COLUMNS } from './customer-rows.js';
import type { ImportContext } from './import-context.js';
import { importCustomers } from './import-customers.js';
import { importProducts } from './import-products.js';
import { countOutcomes, type ImportCounts, type LineOutcome, reportCsv } from './import-report.js';
import { importStock } from './import-stock.js';
import { importSupplierPrices } from './import-supplier-prices.js';
import { PRODUCT_COLUMNS } from './product-rows.js';
import { STOCK_COLUMNS } from './stock-rows.js';
import { SUPPLIER_PRICE_COLUMNS } from './supplier-price-rows.js';

export const IMPORT_KINDS = ['products', 'stock', 'customers', 'supplier-prices'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

interface KindDefinition {
  columns: readonly ColumnSpec[];
  /** Whether the kind needs `storeId` (a stock file is for one store). */
  needsStore: boolean;
  run: (rows: CsvRow[], context: ImportContext) => Promise<LineOutcome[]>;
}

const KINDS: Record<ImportKind, KindDefinition> = {
  products: { columns: PRODUCT_COLUMNS, needsStore: false, run: importProducts },
  stock: { columns: STOCK_COLUMNS, needsStore: true, run: importStock },
  customers: { columns: CUSTOMER_COLUMNS, needsStore: false, run: importCustomers },
  'supplier-prices': { columns: SUPPLIER_PRICE_COLUMNS, needsStore: false, run: importSupplierPrices },
};

export const columnsOf = (kind: ImportKind): readonly ColumnSpec[] => KINDS[kind].columns;
export const kindNeedsStore = (kind: ImportKind): boolean => KINDS[kind].needsStore;

export interface ImportResult {
  counts: ImportCounts;
  outcomes: LineOutcome[];
  /** The result report (CSV). */
  report: string;
}

/**
 * Imports one file of one kind: reads it (a broken file throws ImportFileError and writes
 * nothing), then decides every line, writing each unit whole or not at all.
 */
export const runImport = async (
  kind: ImportKind,
  file: string | Uint8Array,
  context: ImportContext,
): Promise<ImportResult> => {
  const definition = KINDS[kind];
  if (definition.needsStore) {
    if (context.storeId === undefined)
      throw new ImportFileError(`A ${kind} import is for one store: give its id.`);
    if ('role' in context.actor && !canAccessStore(context.actor, context.storeId))
      throw new ImportFileError(`Store ${context.storeId} is not one of yours.`);
    if (!(await findStore(context.storeId)))
      throw new ImportFileError(`Store ${context.storeId} does not exist.`);
  }
  const outcomes = await definition.run(readCsv(file, definition.columns), context);
  outcomes.sort((a, b) => a.line - b.line);
  return { counts: countOutcomes(outcomes), outcomes, report: reportCsv(outcomes) };
};
