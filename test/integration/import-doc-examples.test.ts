import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../lib/imports/run-import.js';
import { newStore } from '../support/stock-fixtures.js';

const example = (name: string) => readFileSync(new URL(`../../docs/import/${name}`, import.meta.url), 'utf8');
const importer = { userId: 'system:import' } as const;

describe('the examples in docs/import/', () => {
  it('import as documented: products, then a store opening stock, then customers, with nothing rejected', async () => {
    const products = await runImport('products', example('products.csv'), { actor: importer, dryRun: false });
    expect(products.counts).toMatchObject({ rows: 4, imported: 4, rejected: 0 });
    const storeId = await newStore();
    const stock = await runImport('stock', example('stock.csv'), { actor: importer, dryRun: false, storeId });
    expect(stock.counts).toMatchObject({ rows: 3, imported: 3, rejected: 0 });
    const customers = await runImport('customers', example('customers.csv'), {
      actor: importer,
      dryRun: false,
    });
    expect(customers.counts).toMatchObject({ rows: 2, imported: 2, rejected: 0 });
  });
});
