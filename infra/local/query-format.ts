/** Printing `npm run query` results: an aligned text table for people, or CSV (RFC 4180) for tools. */
import type { QueryResult } from './lake-duckdb.js';

const cell = (value: string | number | boolean | null): string => (value === null ? '' : String(value));

export const formatCsv = (result: QueryResult): string => {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = [result.columns, ...result.rows.map((row) => row.map(cell))].map((fields) =>
    fields.map(quote).join(','),
  );
  return `${lines.join('\r\n')}\r\n`;
};

/** Columns padded to their widest value; numbers right-aligned; NULL shown as such. */
export const formatTable = (result: QueryResult): string => {
  const shown = result.rows.map((row) => row.map((value) => (value === null ? 'NULL' : String(value))));
  const widths = result.columns.map((column, index) =>
    Math.max(column.length, ...shown.map((row) => (row[index] ?? '').length)),
  );
  const numeric = result.columns.map(
    (_, index) =>
      result.rows.length > 0 &&
      result.rows.every((row) => row[index] === null || typeof row[index] === 'number'),
  );
  const line = (fields: readonly string[]) =>
    fields
      .map((field, index) =>
        numeric[index] ? field.padStart(widths[index] ?? 0) : field.padEnd(widths[index] ?? 0),
      )
      .join(' | ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  const count = `(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`;
  return `${[line(result.columns), rule, ...shown.map(line), count].join('\n')}\n`;
};
