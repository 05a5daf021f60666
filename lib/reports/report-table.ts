import { writeFlatParquet } from '../lake/flat-parquet-writer.js';

/** A report file's column: its name and type in both the CSV header and the Parquet schema. */
export interface ReportColumn {
  name: string;
  type: 'STRING' | 'INT64';
}

export type ReportValue = string | number;

/** A daily report as rows, written as CSV and Parquet with the same columns in the same order. */
export interface ReportTable {
  report: string;
  columns: readonly ReportColumn[];
  rows: readonly Record<string, ReportValue>[];
}

/**
 * RFC 4180 fields: quoted when they hold a comma, quote or line break. A text starting with
 * `=`, `+`, `-`, `@`, TAB or CR is prefixed with `'` so a spreadsheet never runs it as a formula
 * (OWASP CSV injection); numbers are written as they are. Hand-written: a few lines, and no
 * CSV library in the tree.
 */
const csvField = (value: ReportValue, type: ReportColumn['type']): string => {
  if (type === 'INT64') return String(value);
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export const toCsv = (table: ReportTable): string =>
  [
    table.columns.map((column) => column.name).join(','),
    ...table.rows.map((row) => table.columns.map((c) => csvField(row[c.name] ?? '', c.type)).join(',')),
  ]
    .join('\r\n')
    .concat('\r\n');

/**
 * One Parquet file, deterministic: fixed row-group size, no timestamps, a fixed `createdBy`,
 * so the same rows give the same bytes on every run. Money and counts are INT64 minor units.
 */
export const toParquet = (table: ReportTable): Uint8Array =>
  new Uint8Array(
    writeFlatParquet({
      columns: table.columns.map((column) =>
        column.type === 'INT64'
          ? { name: column.name, type: 'INT64', repetition_type: 'REQUIRED' }
          : { name: column.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      ),
      data: table.columns.map((column) =>
        column.type === 'INT64'
          ? table.rows.map((row) => BigInt(Number(row[column.name] ?? 0)))
          : table.rows.map((row) => String(row[column.name] ?? '')),
      ),
      rowGroupSize: 100_000,
      createdBy: 'storefleet reports',
    }),
  );
