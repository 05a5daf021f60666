import { describe, expect, it } from 'vitest';
import { exportSupplierPrices } from '../../lib/exports/csv-export.js';
import { runImport } from '../../lib/imports/run-import.js';
import { createSupplier } from '../../lib/suppliers/supplier-service.js';
import { admin } from '../support/fixtures.js';
import { newProduct } from '../support/stock-fixtures.js';

const importer = { userId: 'system:import' } as const;

describe('supplier price list import against DynamoDB Local', () => {
  it('checks supplier, currency and SKU, refuses duplicates, skips a re-run and takes a newer price', async () => {
    const supplier = await createSupplier(admin, { name: 'Lens Co', currency: 'AUD' });
    const nzd = await createSupplier(admin, { name: 'Kiwi Optics', currency: 'NZD' });
    const { skus } = await newProduct(2);
    const [a, b] = skus as [string, string];
    const id = supplier.supplierId;
    const file = [
      'supplierId,sku,unitCost,currency,supplierSku',
      `${id},${a.toLowerCase()},1850,aud,LC-100`,
      `${id},${b},19.5,AUD,`,
      `${id},${a},1700,AUD,`,
      `sup_nope,${a},100,AUD,`,
      `${nzd.supplierId},${a},100,AUD,`,
      `${id},NOT-A-SKU,100,AUD,`,
      `${nzd.supplierId},${b},2100,NZD,KO-7`,
    ].join('\n');
    const first = await runImport('supplier-prices', file, { actor: importer, dryRun: false });
    expect(first.outcomes.map((o) => [o.line, o.status, o.issues[0]?.column ?? ''])).toEqual([
      [2, 'imported', ''],
      [3, 'rejected', 'unitCost'],
      [4, 'rejected', 'sku'],
      [5, 'rejected', 'supplierId'],
      [6, 'rejected', 'currency'],
      [7, 'rejected', 'sku'],
      [8, 'imported', ''],
    ]);
    const again = await runImport('supplier-prices', file, { actor: importer, dryRun: false });
    expect(again.counts).toMatchObject({ imported: 0, skipped: 2, rejected: 5 });

    const newer = `supplierId,sku,unitCost,currency\n${id},${a},1790,AUD\n`;
    const update = await runImport('supplier-prices', newer, { actor: importer, dryRun: false });
    expect(update.counts).toMatchObject({ imported: 1 });
    const exported = await exportSupplierPrices(id);
    expect(exported).toBe(`supplierId,sku,unitCost,currency,supplierSku\n${id},${a},1790,AUD,\n`);
    // Export → import of the list is a no-op: every line is already there.
    expect(
      (await runImport('supplier-prices', exported, { actor: importer, dryRun: false })).counts,
    ).toMatchObject({
      skipped: 1,
      imported: 0,
    });
  });
});
