import { readFlatParquet } from './flat-parquet-reader.js';
import { type FlatColumnElement, writeFlatParquet } from './flat-parquet-writer.js';
import type { LakeColumn, LakeColumnType, LakeTable } from './lake-table-types.js';

/**
 * A row of a curated table, by column name. Timestamps are ISO 8601 strings here and become
 * Parquet TIMESTAMP_MILLIS in the file; `bigint`/`int` columns hold JS integers (minor units
 * and counts stay far below 2^53). A column missing from the row is written as null.
 */
export type LakeValue = string | number | boolean | null;
export type LakeRow = Readonly<Record<string, LakeValue | undefined>>;

/** Fixed so that the same rows always give the same bytes, however many rows there are. */
const ROW_GROUP_SIZE = 100_000;
/** As hyparquet-writer wrote it: lib/lake/flat-parquet-writer.ts writes the same bytes, this included. */
const CREATED_BY = 'storefleet lake compaction (hyparquet-writer)';

const ELEMENT: Record<LakeColumnType, Omit<FlatColumnElement, 'name' | 'repetition_type'>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  bigint: { type: 'INT64' },
  int: { type: 'INT32' },
  double: { type: 'DOUBLE' },
  boolean: { type: 'BOOLEAN' },
  timestamp: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' },
  date: { type: 'INT32', converted_type: 'DATE' },
};

const invalid = (table: LakeTable, column: LakeColumn, value: unknown): Error =>
  new TypeError(`${table.name}.${column.name} (${column.type}) cannot hold ${JSON.stringify(value)}`);

/** The value as the writer wants it; a wrong type is a mapping bug, so it throws, never coerces. */
const encodeValue = (
  table: LakeTable,
  column: LakeColumn,
  value: LakeValue | undefined,
): string | number | bigint | boolean | Date | null => {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'string':
      if (typeof value === 'string') return value;
      break;
    case 'bigint':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
      break;
    case 'int':
      if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 2 ** 31) return value;
      break;
    case 'double':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      break;
    case 'timestamp':
    case 'date': {
      const instant = typeof value === 'string' ? new Date(value) : undefined;
      if (!instant || Number.isNaN(instant.getTime())) break;
      return column.type === 'date' ? Math.floor(instant.getTime() / 86_400_000) : instant;
    }
  }
  throw invalid(table, column, value);
};

/**
 * One Parquet file of a curated table: the table's columns in declaration order (the partition
 * key `dt` lives in the object key, not the file), every column optional, snappy-compressed,
 * with nothing of the run (no time, no host) in it, so a re-run gives identical bytes.
 */
export const encodeParquet = (table: LakeTable, rows: readonly LakeRow[]): Uint8Array =>
  new Uint8Array(
    writeFlatParquet({
      columns: table.columns.map((column) => ({
        name: column.name,
        ...ELEMENT[column.type],
        repetition_type: 'OPTIONAL',
      })),
      data: table.columns.map((column) => rows.map((row) => encodeValue(table, column, row[column.name]))),
      rowGroupSize: ROW_GROUP_SIZE,
      createdBy: CREATED_BY,
      kvMetadata: [{ key: 'storefleet.table', value: table.name }],
    }),
  );

const decodeValue = (column: LakeColumn, value: unknown): LakeValue => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (column.type === 'date' && typeof value === 'number')
    return new Date(value * 86_400_000).toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new TypeError(`Unexpected value in ${column.name}: ${String(value)}`);
};

/** Reads a file written by `encodeParquet` back into rows (the job's previous-day state). */
export const decodeParquet = async (table: LakeTable, bytes: Uint8Array): Promise<LakeRow[]> => {
  const objects = readFlatParquet(bytes);
  return objects.map((object) =>
    Object.fromEntries(
      table.columns.map((column) => [column.name, decodeValue(column, object[column.name])]),
    ),
  );
};
