import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAKE_DOC_PATH, renderLakeDoc } from '../../../lib/lake/lake-table-docs.js';
import { lakeTables } from '../../../lib/lake/lake-tables.js';

describe('the lake table declarations', () => {
  it('name each table and column once, in snake_case, each table under its own prefix', () => {
    const names = lakeTables.map((table) => table.name);
    expect(new Set(names).size).toBe(names.length);
    for (const table of lakeTables) {
      expect(table.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(table.prefix).toBe(table.format === 'json' ? 'changes/' : `curated/${table.name}/`);
      const columns = [...table.columns.map((c) => c.name), ...table.partitionKeys.map((k) => k.name)];
      expect(new Set(columns).size, table.name).toBe(columns.length);
      for (const column of columns) expect(column).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it('keep who a customer is out of the curated tables', () => {
    const curated = lakeTables.filter((table) => table.format === 'parquet');
    const columns = curated.flatMap((table) => table.columns.map((column) => column.name));
    for (const forbidden of [
      'customer_id',
      'first_name',
      'last_name',
      'name_of_customer',
      'email',
      'phone',
      'birth_date',
      'prescription',
    ])
      expect(columns).not.toContain(forbidden);
  });

  it('docs/lake-tables.md is what the declarations generate', () => {
    expect(readFileSync(LAKE_DOC_PATH, 'utf8'), 'run `npm run lake:docs`').toBe(renderLakeDoc());
  });
});
