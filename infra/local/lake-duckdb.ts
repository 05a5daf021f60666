/**
 * DuckDB over the local lake, for `npm run query` and the tests: the lake's objects are copied
 * through the S3 API into a temporary folder (s3rver's own files are not S3 objects), and each
 * table of `lakeTables` becomes a view of the same name and columns, cast to the declared
 * types, over its files, so SQL written for Athena runs here within the common dialect.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';
import { getObjectBytes, listKeys } from '../../lib/lake/compact-changes-read.js';
import type { LakeColumnType, LakeTable } from '../../lib/lake/lake-table-types.js';
import { lakeTables } from '../../lib/lake/lake-tables.js';

const DUCKDB_TYPE: Record<LakeColumnType, string> = {
  string: 'VARCHAR',
  bigint: 'BIGINT',
  int: 'INTEGER',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  date: 'DATE',
};

/**
 * Presto/Trino functions Athena SQL commonly uses that DuckDB spells differently, as macros, so
 * the same query text runs in both.
 */
export const ATHENA_MACROS = [
  // Athena works in UTC; so do the lake's timestamps, whatever the machine's zone.
  "SET TimeZone = 'UTC'",
  'CREATE MACRO json_extract_scalar(json, path) AS json_extract_string(json, path)',
  'CREATE MACRO from_iso8601_timestamp(text) AS CAST(text AS TIMESTAMPTZ)',
];

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The object keys' partition folders, one `*` per partition key, then the files. */
const filesGlob = (root: string, table: LakeTable): string =>
  join(
    root,
    table.prefix,
    ...table.partitionKeys.map((key) => `${key.name}=*`),
    table.format === 'json' ? '*.gz' : '*.parquet',
  );

/** The view of one table: its columns cast to their declared types, then its partition keys (strings, as in Athena). */
export const viewSql = (table: LakeTable, root: string, hasFiles: boolean): string => {
  const columns = table.columns.map(
    (column) => `CAST(${ident(column.name)} AS ${DUCKDB_TYPE[column.type]}) AS ${ident(column.name)}`,
  );
  const partitions = table.partitionKeys.map(
    (key) => `CAST(${ident(key.name)} AS VARCHAR) AS ${ident(key.name)}`,
  );
  const select = [...columns, ...partitions].join(', ');
  if (!hasFiles) {
    const empty = [
      ...table.columns.map((column) => `CAST(NULL AS ${DUCKDB_TYPE[column.type]}) AS ${ident(column.name)}`),
      ...table.partitionKeys.map((key) => `CAST(NULL AS VARCHAR) AS ${ident(key.name)}`),
    ].join(', ');
    return `CREATE VIEW ${ident(table.name)} AS SELECT ${empty} WHERE false`;
  }
  const glob = literal(filesGlob(root, table));
  const source =
    table.format === 'parquet'
      ? `read_parquet(${glob}, hive_partitioning = true, hive_types_autocast = false, union_by_name = true)`
      : `read_json(${glob}, format = 'newline_delimited', hive_partitioning = true, hive_types_autocast = false, columns = {${table.columns
          .map(
            (column) => `${literal(column.name)}: ${literal(column.type === 'string' ? 'JSON' : 'VARCHAR')}`,
          )
          .join(', ')}})`;
  // JSON columns read nested objects as JSON text; a string value reads as a JSON string, unquoted by ->>.
  const jsonSelect =
    table.format === 'json'
      ? [
          ...table.columns.map((column) =>
            column.type === 'string'
              ? `CASE json_type(${ident(column.name)}) WHEN 'NULL' THEN NULL WHEN 'VARCHAR' THEN ${ident(column.name)} ->> '$' ELSE CAST(${ident(column.name)} AS VARCHAR) END AS ${ident(column.name)}`
              : `CAST(${ident(column.name)} AS ${DUCKDB_TYPE[column.type]}) AS ${ident(column.name)}`,
          ),
          ...partitions,
        ].join(', ')
      : select;
  return `CREATE VIEW ${ident(table.name)} AS SELECT ${jsonSelect} FROM ${source}`;
};

export interface QueryResult {
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

export interface LakeDuckDb {
  /** Runs SQL; values as JSON (BIGINT as number when exact, timestamps as text). */
  query(sql: string): Promise<QueryResult>;
  /** Objects copied per table. */
  objects: Readonly<Record<string, number>>;
  close(): Promise<void>;
}

export interface OpenLakeOptions {
  s3: S3Client;
  bucket: string;
  tables?: readonly LakeTable[];
}

const toValue = (value: unknown): string | number | boolean | null => {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') {
    // BIGINTs come back as strings from getRowsJson; keep them numbers while exact.
    return /^-?\d{1,15}$/.test(value) ? Number(value) : value;
  }
  return JSON.stringify(value);
};

export const openLakeDuckDb = async (options: OpenLakeOptions): Promise<LakeDuckDb> => {
  const tables = options.tables ?? lakeTables;
  const root = await mkdtemp(join(tmpdir(), 'storefleet-lake-'));
  const objects: Record<string, number> = {};
  try {
    for (const table of tables) {
      const keys = await listKeys(options.s3, options.bucket, table.prefix);
      for (const key of keys) {
        const file = join(root, key);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, await getObjectBytes(options.s3, options.bucket, key));
      }
      objects[table.name] = keys.length;
    }
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    for (const macro of ATHENA_MACROS) await connection.run(macro);
    for (const table of tables) await connection.run(viewSql(table, root, (objects[table.name] ?? 0) > 0));
    return {
      objects,
      query: async (sql) => {
        const reader = await connection.runAndReadAll(sql);
        const types = reader.columnTypes();
        return {
          columns: reader.columnNames(),
          rows: reader.getRowsJson().map((row) =>
            row.map((value, index) => {
              const type = String(types[index] ?? '');
              if (typeof value === 'string' && !/INT|DECIMAL|HUGEINT/.test(type)) return value;
              return toValue(value);
            }),
          ),
        };
      },
      close: async () => {
        connection.closeSync();
        instance.closeSync();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
};
