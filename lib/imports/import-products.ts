import type * as z from 'zod/mini';
import { assertCategoryAttributes } from '../catalog/category-attributes.js';
import { equivalentGtins } from '../catalog/gtin.js';
import { newProductWrites } from '../catalog/product-repository.js';
import { CreateProductBody, type CreateProductInput } from '../catalog/product-schemas.js';
import { createProduct } from '../catalog/product-service.js';
import { guardKeys, productKeys } from '../db/keys.js';
import { MAX_TRANSACTION_ITEMS, transactWrite } from '../db/transact.js';
import { AppError } from '../errors.js';
import { mapPool, stableJson, zodIssues } from './cells.js';
import type { CsvRow } from './csv-table.js';
import {
  batchGetParallel,
  CHECK_CHUNK,
  chunksOf,
  DEFAULT_CONCURRENCY,
  type ImportContext,
  writeIssues,
} from './import-context.js';
import type { LineIssue, LineOutcome } from './import-report.js';
import { PRODUCT_FIELDS, type ProductRow, productRowOf, VARIANT_COLUMN_OF } from './product-rows.js';
import { stableId } from './stable-id.js';
import { type Unit, unitOutcomes } from './unit-outcomes.js';

/** A product of the file: its rows (one per variant) and what the API would be sent. */
interface ProductUnit extends Unit {
  rows: ProductRow[];
  productId?: string;
  explicitId: boolean;
  input?: z.output<typeof CreateProductBody>;
}

const groupKey = (row: ProductRow): string => {
  if (row.productId !== undefined) return `id:${row.productId}`;
  const { name, brand } = row.product;
  if (typeof name !== 'string' || typeof brand !== 'string') return `line:${row.line}`;
  return `name:${name.toLowerCase()}\u0000${brand.toLowerCase()}`;
};

/** Product columns of a later row must be empty or repeat the product's first value. */
const groupRows = (rows: ProductRow[]): ProductUnit[] => {
  const units = new Map<string, ProductUnit>();
  for (const row of rows) {
    const key = groupKey(row);
    const unit: ProductUnit = units.get(key) ?? {
      rows: [],
      issues: new Map(),
      explicitId: row.productId !== undefined,
    };
    units.set(key, unit);
    unit.rows.push(row);
    if (row.issues.length > 0) unit.issues.set(row.line, [...row.issues]);
  }
  return [...units.values()];
};

/** The product fields of a unit, each from the first row giving it; a differing later value is an issue. */
const productFieldsOf = (unit: ProductUnit, addIssue: (line: number, issue: LineIssue) => void) => {
  const fields: Record<string, unknown> = {};
  const from = new Map<string, number>();
  for (const row of unit.rows)
    for (const field of PRODUCT_FIELDS) {
      const value = row.product[field];
      if (value === undefined) continue;
      if (!from.has(field)) {
        fields[field] = value;
        from.set(field, row.line);
      } else if (JSON.stringify(value) !== JSON.stringify(fields[field]))
        addIssue(row.line, {
          column: field,
          reason: `Differs from line ${from.get(field)}, the product's first row; leave it empty or repeat it.`,
        });
    }
  return { fields, from };
};

const addTo = (unit: Unit, line: number, issue: LineIssue) =>
  unit.issues.set(line, [...(unit.issues.get(line) ?? []), issue]);

/** Validates each product with the API's own schema, mapping its issues back to lines and columns. */
const validateUnit = (unit: ProductUnit): void => {
  const first = unit.rows[0] as ProductRow;
  const { fields, from } = productFieldsOf(unit, (line, issue) => addTo(unit, line, issue));
  const body = { ...fields, variants: unit.rows.map((row) => row.variant) };
  const result = CreateProductBody.safeParse(body);
  if (!result.success) {
    const located = zodIssues(result.error, (path) => {
      const [head, index, field, ...rest] = path.map(String);
      if (head === 'variants' && index !== undefined) {
        const row = unit.rows[Number(index)] ?? first;
        return {
          line: row.line,
          column: VARIANT_COLUMN_OF[field ?? ''] ?? 'sku',
          ...(rest.length ? { within: [field, ...rest].join('.') } : {}),
        };
      }
      const column = head ?? '';
      const tail = path.slice(1).map(String);
      return {
        line: from.get(column) ?? first.line,
        column,
        ...(tail.length ? { within: [column, ...tail].join('.') } : {}),
      };
    });
    for (const { line = first.line, issue } of located) {
      // A cell that could not be converted already has its issue; the schema's would repeat it.
      if (!(unit.issues.get(line) ?? []).some((known) => known.column === issue.column))
        addTo(unit, line, issue);
    }
    return;
  }
  unit.input = result.data;
  unit.productId = first.productId ?? stableId('pr', (result.data.variants[0] as { sku: string }).sku);
};

/** Whether the stored product is what these rows would create (an earlier run of the same rows). */
const sameProduct = (input: CreateProductInput, stored: Record<string, unknown>): boolean =>
  Object.entries(input).every(([field, value]) => stableJson(value) === stableJson(stored[field]));

const canonicalGtin = (code: string): string => code.replace(/^0+/, '').padStart(14, '0');

/** SKUs and barcodes that appear in two products of the file: the later product is refused. */
const markFileDuplicates = (units: ProductUnit[]): void => {
  const skus = new Map<string, number>();
  const barcodes = new Map<string, number>();
  for (const unit of units)
    for (const row of unit.rows) {
      const { sku, barcode } = row.variant;
      if (typeof sku === 'string') {
        const seen = skus.get(sku);
        if (seen !== undefined && !unit.rows.some((r) => r.line === seen))
          addTo(unit, row.line, { column: 'sku', reason: `SKU ${sku} is also on line ${seen}.` });
        else if (seen === undefined) skus.set(sku, row.line);
      }
      if (typeof barcode === 'string' && /^\d+$/.test(barcode)) {
        const key = barcode.length === 8 ? barcode : canonicalGtin(barcode);
        const seen = barcodes.get(key);
        if (seen !== undefined && !unit.rows.some((r) => r.line === seen))
          addTo(unit, row.line, { column: 'barcode', reason: `Barcode ${barcode} is also on line ${seen}.` });
        else if (seen === undefined) barcodes.set(key, row.line);
      }
    }
};

/**
 * Against the table: SKU and barcode guards (every spelling of a GTIN) and explicit product
 * ids, in BatchGets of a chunk of products. A product whose SKUs all belong to its own id was
 * imported before: skipped. The transaction that writes a product claims the same guards, so
 * a race between this check and the write still cannot make a duplicate.
 */
const checkAgainstTable = async (units: ProductUnit[]): Promise<void> => {
  const keys = units.flatMap((unit) => [
    ...(unit.productId ? [productKeys.item(unit.productId)] : []),
    ...(unit.input?.variants ?? []).flatMap((variant) => [
      guardKeys.item('SKU', variant.sku),
      ...(variant.barcode
        ? equivalentGtins(variant.barcode).map((code) => guardKeys.item('BARCODE', code))
        : []),
    ]),
  ]);
  const found = new Map((await batchGetParallel(keys)).map((item) => [`${item.pk}`, item]));
  for (const unit of units) {
    if (!unit.input || !unit.productId) continue;
    const productId = unit.productId;
    const ownerOf = (kind: 'SKU' | 'BARCODE', value: string) =>
      found.get(guardKeys.item(kind, value).pk)?.ownerId as string | undefined;
    const variantsOwned = unit.input.variants.map((variant) => ownerOf('SKU', variant.sku));
    const stored = found.get(productKeys.item(productId).pk);
    if (variantsOwned.every((owner) => owner === productId)) {
      if (stored && sameProduct(unit.input, stored)) unit.skipped = `Already imported as ${productId}.`;
      else
        addTo(unit, unit.rows[0]?.line ?? 0, {
          column: 'sku',
          reason: `Product ${productId} already has these SKUs, with other details; change it through the API.`,
        });
      continue;
    }
    unit.input.variants.forEach((variant, index) => {
      const line = unit.rows[index]?.line ?? 0;
      const owner = variantsOwned[index];
      if (owner === productId)
        addTo(unit, line, {
          column: 'sku',
          reason: `Product ${productId} already exists with other variants; change it through the API.`,
        });
      else if (owner !== undefined)
        addTo(unit, line, {
          column: 'sku',
          reason: `SKU ${variant.sku} already belongs to product ${owner}.`,
        });
      const barcodeOwner = variant.barcode
        ? equivalentGtins(variant.barcode)
            .map((code) => ownerOf('BARCODE', code))
            .find((candidate) => candidate !== undefined)
        : undefined;
      if (barcodeOwner !== undefined && barcodeOwner !== productId)
        addTo(unit, line, {
          column: 'barcode',
          reason: `Barcode ${variant.barcode} already belongs to product ${barcodeOwner}.`,
        });
    });
    if (stored && unit.issues.size === 0)
      addTo(unit, unit.rows[0]?.line ?? 0, {
        column: 'productId',
        reason: `Product ${productId} already exists with other SKUs.`,
      });
  }
};

/** `body.variants[2].sku` → the line of the third variant, column sku. */
const columnOfWritePath = (unit: ProductUnit) => (path: string) => {
  const variant = /^variants\[(\d+)\]\.(\w+)/.exec(path);
  if (variant) {
    const row = unit.rows[Number(variant[1])];
    return { ...(row ? { line: row.line } : {}), column: VARIANT_COLUMN_OF[variant[2] ?? ''] ?? 'sku' };
  }
  return { column: path.split(/[.[]/)[0] ?? '' };
};

/** Items a product's creation writes: the product, a guard per SKU and per barcode. */
const itemsOf = (unit: ProductUnit): number =>
  1 + (unit.input?.variants ?? []).reduce((sum, variant) => sum + (variant.barcode ? 2 : 1), 0);

/** Products packed into transactions of at most MAX_TRANSACTION_ITEMS items. */
const packsOf = (units: ProductUnit[]): ProductUnit[][] => {
  const packs: ProductUnit[][] = [];
  let pack: ProductUnit[] = [];
  let items = 0;
  for (const unit of units) {
    if (items + itemsOf(unit) > MAX_TRANSACTION_ITEMS && pack.length > 0) {
      packs.push(pack);
      pack = [];
      items = 0;
    }
    pack.push(unit);
    items += itemsOf(unit);
  }
  if (pack.length > 0) packs.push(pack);
  return packs;
};

/** One product on its own, through the catalog service: a refusal becomes issues of its lines. */
const writeOne = async (context: ImportContext, unit: ProductUnit): Promise<void> => {
  try {
    await createProduct(context.actor, unit.input as CreateProductInput, {
      productId: unit.productId as string,
    });
    unit.written = true;
  } catch (error) {
    for (const { line, issue } of writeIssues(error, columnOfWritePath(unit)))
      addTo(unit, line ?? unit.rows[0]?.line ?? 0, issue);
  }
};

/**
 * Several whole products in one transaction (the writes the catalog service makes for each:
 * item, SKU and barcode guards), so a file costs a transaction per ~20 products, not per
 * product. The checks above make a refusal rare (a race with another writer); then each
 * product of the pack is written on its own, so the refusal lands on the product at fault.
 */
const writePack = async (context: ImportContext, pack: ProductUnit[]): Promise<void> => {
  if (pack.length > 1) {
    try {
      const now = new Date();
      await transactWrite(
        pack.flatMap((unit) => {
          const input = unit.input as CreateProductInput;
          assertCategoryAttributes(input.category, input.attributes);
          return newProductWrites(unit.productId as string, input, context.actor, now).writes;
        }),
      );
      for (const unit of pack) unit.written = true;
      return;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  for (const unit of pack) await writeOne(context, unit);
};

/**
 * Imports the products of a file: each product (all its variant rows) is written whole by the
 * catalog service the API uses (product item, SKU and barcode guards in one transaction), or
 * not at all, with every line's outcome for the report.
 */
export const importProducts = async (rows: CsvRow[], context: ImportContext): Promise<LineOutcome[]> => {
  const units = groupRows(rows.map(productRowOf));
  for (const unit of units) validateUnit(unit);
  markFileDuplicates(units);
  let done = 0;
  const outcomes: LineOutcome[] = [];
  for (const chunk of chunksOf(units, CHECK_CHUNK)) {
    await checkAgainstTable(chunk.filter((unit) => unit.issues.size === 0));
    const ready = chunk.filter(
      (unit) => unit.issues.size === 0 && !unit.skipped && unit.input && unit.productId,
    );
    if (!context.dryRun)
      await mapPool(packsOf(ready), context.concurrency ?? DEFAULT_CONCURRENCY, (pack) =>
        writePack(context, pack),
      );
    for (const unit of chunk) {
      outcomes.push(
        ...unitOutcomes(
          unit,
          unit.rows.map((row) => row.line),
          unit.productId,
        ),
      );
      done += unit.rows.length;
    }
    context.onProgress?.(done, rows.length);
  }
  return outcomes;
};
