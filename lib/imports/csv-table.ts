import { type CsvRecord, parseCsvRecords } from './csv.js';
import type { LineIssue } from './import-report.js';

/** One data row of an import file: its line in the file (the header is line 1) and its cells by column. */
export interface CsvRow {
  line: number;
  /** Trimmed cell values by canonical column name; empty cells are left out. */
  cells: Partial<Record<string, string>>;
  /** Faults of the row as a whole (more cells than the header has columns). */
  issues: LineIssue[];
}

export interface ColumnSpec {
  name: string;
  required?: boolean;
}

/** The file itself cannot be imported (not CSV, missing or unknown columns): nothing is written. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}

/** Largest file one import reads (the Lambda's memory holds it whole, with its report). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The refusal of a file over MAX_IMPORT_BYTES, whether its size is known before reading it or after. */
export const fileTooLargeError = (): ImportFileError =>
  new ImportFileError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it.`);

/**
 * Reads a UTF-8 CSV file with a header row, with or without a byte-order mark (dropped;
 * lib/imports/csv.ts reads files exactly as csv-parse did). Header names match the kind's columns case-insensitively; a missing required
 * column, an unknown or a repeated one refuses the whole file, so a typo in the header never
 * imports half the data. A row with more cells than the header is kept, and reported by the
 * kind as a bad row, not as a broken file.
 */
export const readCsv = (input: string | Uint8Array, columns: readonly ColumnSpec[]): CsvRow[] => {
  if (input.length > MAX_IMPORT_BYTES) throw fileTooLargeError();
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(typeof input === 'string' ? Buffer.from(input) : input);
  } catch (error) {
    throw new ImportFileError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...data] = records;
  if (!header) throw new ImportFileError('The file is empty: it needs a header row naming the columns.');
  const byLowerName = new Map(columns.map((column) => [column.name.toLowerCase(), column.name]));
  const names = header.record.map((raw) => {
    const name = byLowerName.get(raw.trim().toLowerCase());
    if (!name)
      throw new ImportFileError(
        `Unknown column "${raw.trim()}" in the header; the columns are ${columns.map((c) => c.name).join(', ')}.`,
      );
    return name;
  });
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) throw new ImportFileError(`Column "${repeated}" appears twice in the header.`);
  const missing = columns.filter((column) => column.required && !names.includes(column.name));
  if (missing.length > 0)
    throw new ImportFileError(
      `The header lacks required column(s) ${missing.map((c) => c.name).join(', ')}.`,
    );
  return data.map(({ record, lines }) => {
    const cells: Partial<Record<string, string>> = {};
    const issues: LineIssue[] = [];
    record.forEach((raw, index) => {
      const name = names[index];
      const value = raw.trim();
      if (name !== undefined && value !== '') cells[name] = value;
      if (name === undefined && value !== '' && issues.length === 0)
        issues.push({
          column: '',
          reason: `The row has ${record.length} cells, more than the ${names.length} columns of the header.`,
        });
    });
    return { line: lines, cells, issues };
  });
};
