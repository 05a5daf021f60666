import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATHENA_MACROS, viewSql } from '../../../infra/local/lake-duckdb.js';
import { lakeTables } from '../../../lib/lake/lake-tables.js';
import { namedQueries } from '../../../lib/lake/named-queries.js';

const DUCK_TYPES = {
  string: 'VARCHAR',
  bigint: 'BIGINT',
  int: 'INTEGER',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  date: 'DATE',
} as const;

let instance: DuckDBInstance;
let connection: Awaited<ReturnType<DuckDBInstance['connect']>>;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  for (const macro of ATHENA_MACROS) await connection.run(macro);
  // An empty lake: every view still exists with its declared columns.
  for (const table of lakeTables) await connection.run(viewSql(table, '/nonexistent', false));
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe('DuckDB views of the lake tables', () => {
  it('have each table’s columns, in order and with its types, then its partition keys as strings', async () => {
    for (const table of lakeTables) {
      const reader = await connection.runAndReadAll(`DESCRIBE ${table.name}`);
      const described = reader.getRowObjectsJson().map((row) => [row.column_name, row.column_type]);
      expect(described).toEqual([
        ...table.columns.map((column) => [column.name, DUCK_TYPES[column.type]]),
        ...table.partitionKeys.map((key) => [key.name, 'VARCHAR']),
      ]);
    }
  });

  it('bind every named query (names and types the queries use exist)', async () => {
    for (const query of namedQueries) {
      const reader = await connection.runAndReadAll(query.sql);
      expect(reader.currentRowCount, query.name).toBe(0);
    }
  });

  it('run the Athena functions SQL over the changes commonly uses', async () => {
    const reader = await connection.runAndReadAll(
      `SELECT json_extract_scalar('{"order":{"total":2500}}', '$.order.total') AS total,
        CAST(from_iso8601_timestamp('2026-11-30T10:00:00Z') AS VARCHAR) AS at`,
    );
    expect(reader.getRowObjectsJson()).toEqual([{ total: '2500', at: '2026-11-30 10:00:00+00' }]);
  });
});
