import { type ColumnSpec, type CsvRow, ImportFileError, readCsv } from './csv-table.js';
import type { ImportContext } from './import-context.js';
import { importProducts } from './import-products.js';
import { countOutcomes, type ImportCounts, type LineOutcome, reportCsv } from './import-report.js';
import { PRODUCT_COLUMNS } from './product-rows.js';

export const IMPORT_KINDS = ['products'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

interface KindDefinition {
  columns: readonly ColumnSpec[];
  /** Whether the kind needs `storeId` (a stock file is for one store). */
  needsStore: boolean;
  run: (rows: CsvRow[], context: ImportContext) => Promise<LineOutcome[]>;
}

const KINDS: Record<ImportKind, KindDefinition> = {
  products: { columns: PRODUCT_COLUMNS, needsStore: false, run: importProducts },
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
  if (definition.needsStore && context.storeId === undefined)
    throw new ImportFileError(`A ${kind} import is for one store: give its id.`);
  const outcomes = await definition.run(readCsv(file, definition.columns), context);
  outcomes.sort((a, b) => a.line - b.line);
  return { counts: countOutcomes(outcomes), outcomes, report: reportCsv(outcomes) };
};
