import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { productSample } from '../../infra/local/import-sample.js';
import { createProduct, getProduct, listProducts } from '../../lib/catalog/product-service.js';
import { runImport } from '../../lib/imports/run-import.js';
import { admin, productInput, uniqueSuffix } from '../support/fixtures.js';
import { useOwnDynamoDbLocal } from '../support/own-dynamodb-local.js';

const importer = { userId: 'system:import' } as const;

// 5,000 rows twice: on the shared instance that volume slows every later file (see the helper).
useOwnDynamoDbLocal();

describe('product import against DynamoDB Local', () => {
  it('imports exactly the good rows of a 5,000-row file with a BOM, duplicates and bad rows, once', async () => {
    const tag = uniqueSuffix();
    const sample = productSample(5000, tag, { bom: true });
    expect(sample.lines).toHaveLength(5000);
    // A product created through the API already owns one SKU of the file.
    for (const sku of sample.takenSkus)
      await createProduct(
        admin,
        productInput({ variants: [{ sku, options: {}, price: 1, cost: 1, currency: 'AUD' }] }),
      );

    const first = await runImport('products', sample.csv, { actor: importer, dryRun: false });
    const good = sample.lines.filter((line) => line.expected === 'imported');
    expect(first.counts).toEqual({
      rows: 5000,
      imported: good.length,
      skipped: 0,
      rejected: 5000 - good.length,
      valid: 0,
    });
    const byLine = new Map(first.outcomes.map((outcome) => [outcome.line, outcome]));
    for (const expected of sample.lines) {
      const outcome = byLine.get(expected.line);
      expect(outcome?.status, `line ${expected.line}`).toBe(expected.expected);
      if (expected.column !== undefined)
        expect(
          outcome?.issues.map((issue) => issue.column),
          `line ${expected.line}`,
        ).toContain(expected.column);
    }

    // The report names each bad line's column and reason.
    const report = parse(first.report, { columns: true }) as Record<string, string>[];
    const priceFault = report.find((row) => row.column === 'price');
    expect(priceFault).toMatchObject({ status: 'rejected', reason: expect.stringContaining('12.99') });
    expect(
      report.find((row) => row.column === 'barcode' && row.reason?.includes('also on line')),
    ).toBeDefined();
    expect(
      report.find((row) => row.column === 'sku' && row.reason?.includes('already belongs')),
    ).toBeDefined();

    // An imported product reads as one created by the API: trimmed, normalised, findable by barcode.
    const anyGood = first.outcomes.find((outcome) => outcome.status === 'imported');
    const product = await getProduct(anyGood?.id ?? '');
    expect(product).toMatchObject({
      name: expect.stringMatching(/^Saline \S+ \d+$/),
      status: 'active',
      attributes: { volumeMl: 100 },
      version: 1,
      updatedBy: 'system:import',
    });
    expect(product.variants).toHaveLength(2);
    const barcode = product.variants[1]?.barcode ?? '';
    const found = await listProducts({ barcode, limit: 25 });
    expect(found.items[0]?.productId).toBe(product.productId);

    // A second run of the same file imports nothing.
    const second = await runImport('products', sample.csv, { actor: importer, dryRun: false });
    expect(second.counts).toMatchObject({ imported: 0, skipped: good.length, rejected: 5000 - good.length });
    // Two 5,000-row runs: about 15 s on a quiet machine, several times that when the suite shares it.
  }, 180_000);

  it('a dry run checks everything and writes nothing', async () => {
    const sample = productSample(18, uniqueSuffix());
    expect(sample.lines.every((line) => line.expected === 'imported')).toBe(true);
    const dry = await runImport('products', sample.csv, { actor: importer, dryRun: true });
    expect(dry.counts).toMatchObject({ rows: 18, valid: 18, imported: 0 });
    const real = await runImport('products', sample.csv, { actor: importer, dryRun: false });
    expect(real.counts).toMatchObject({ imported: 18, valid: 0 });
  });
});
