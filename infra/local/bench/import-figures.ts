/**
 * `npm run bench`'s import figures (section `import`, import-bench.ts): a product CSV (two variants per product, planted faults)
 * imported through lib/imports/ into the running local table, in rows per minute (target
 * ≥ 10,000 against DynamoDB Local), against a baseline measured in the same run: a bare
 * BatchWrite of the same items (product items with their SKU and barcode guards), with the
 * same concurrency. The ratio says what validation, duplicate checks and transactions cost.
 * Imported after the local environment is applied (lib/ reads it at load).
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../../lib/db/client.js';
import { ENTITY, guardKeys, productKeys } from '../../../lib/db/keys.js';
import { mapPool } from '../../../lib/imports/cells.js';
import { DEFAULT_CONCURRENCY } from '../../../lib/imports/import-context.js';
import { runImport } from '../../../lib/imports/run-import.js';
import { productSample } from '../import-sample.js';
import type { BenchFigure } from './bench-figure.js';

export const IMPORT_TARGET_ROWS_PER_MINUTE = 10_000;

/** The items an import of `sample` writes, as plain puts (no conditions, no transactions). */
const baselineItems = (tag: string, rows: number): Record<string, unknown>[] => {
  const items: Record<string, unknown>[] = [];
  for (let p = 0; p * 2 < rows; p++) {
    const productId = `pr_bench_${tag}_${p}`;
    const product = { productId, name: `Saline ${tag} ${p}`, status: 'active', category: 'solutions' };
    items.push({
      ...productKeys.item(productId),
      ...productKeys.listings(product),
      entityType: ENTITY.product,
      ...product,
    });
    for (const v of [0, 1]) {
      const sku = `BASE-${tag}-${p}-${v}`;
      items.push({
        ...guardKeys.item('SKU', sku),
        entityType: ENTITY.uniqueGuard,
        kind: 'SKU',
        value: sku,
        ownerId: productId,
      });
      const code = `${tag}-${p}-${v}`;
      items.push({
        ...guardKeys.item('BARCODE', code),
        entityType: ENTITY.uniqueGuard,
        kind: 'BARCODE',
        value: code,
        ownerId: productId,
      });
    }
  }
  return items;
};

const batchWriteAll = async (items: Record<string, unknown>[]): Promise<void> => {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  await mapPool(batches, DEFAULT_CONCURRENCY, async (batch) => {
    let pending = batch.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const result = await documentClient.send(
        new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }),
      );
      pending = (result.UnprocessedItems?.[tableName()] ?? []) as typeof pending;
    }
  });
};

/** The import's figures: rows per minute against the bare BatchWrite, and a re-run that skips every row. */
export const importFigures = async (rows: number): Promise<BenchFigure[]> => {
  const tag = `B${Date.now().toString(36).toUpperCase()}`;
  const sample = productSample(rows, tag, { bom: true });
  const t0 = performance.now();
  const result = await runImport('products', sample.csv, {
    actor: { userId: 'system:bench' },
    dryRun: false,
  });
  const importSeconds = (performance.now() - t0) / 1000;
  const items = baselineItems(tag, rows);
  const t1 = performance.now();
  await batchWriteAll(items);
  const baselineSeconds = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  const rerun = await runImport('products', sample.csv, { actor: { userId: 'system:bench' }, dryRun: false });
  const rerunSeconds = (performance.now() - t2) / 1000;
  const perMinute = (seconds: number) => Math.round((rows / seconds) * 60);
  const rate = perMinute(importSeconds);
  const baseline = perMinute(baselineSeconds);
  const baselineName = `bare BatchWrite of the same ${items.length} items, no checks`;
  return [
    {
      section: 'import',
      name: `product CSV import (${rows} rows)`,
      unit: 'rows/min',
      value: rate,
      baseline,
      baselineName,
      ratio: rate / baseline,
      target: `≥ ${IMPORT_TARGET_ROWS_PER_MINUTE} rows/min`,
      pass: rate >= IMPORT_TARGET_ROWS_PER_MINUTE,
      detail: `${result.counts.imported} imported, ${result.counts.rejected} rejected; ${DEFAULT_CONCURRENCY} in flight`,
    },
    {
      section: 'import',
      name: 'the same CSV again (all skipped)',
      unit: 'rows/min',
      value: perMinute(rerunSeconds),
      baseline,
      baselineName,
      ratio: perMinute(rerunSeconds) / baseline,
      detail: `${rerun.counts.skipped} skipped, ${rerun.counts.imported} imported`,
    },
  ];
};
