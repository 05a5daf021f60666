import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewSql } from '../../../infra/local/lake-duckdb.js';
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
});
