import { tableName } from '../db/client.js';
import { newItemMeta } from '../db/item-meta.js';
import { ENTITY, guardKeys, supplierKeys, supplierPriceKeys } from '../db/keys.js';
import { transactWrite } from '../db/transact.js';
import { staleOrMissing } from '../db/versioned-write.js';
import { ConflictError } from '../errors.js';
import { integerCell, isIssue, mapPool, upperCase, zodIssues } from './cells.js';
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
import { SupplierPriceRow } from './supplier-price-rows.js';
import { type Unit, unitOutcomes } from './unit-outcomes.js';

interface PriceUnit extends Unit {
  line: number;
  row?: SupplierPriceRow;
  productId?: string;
  /** The stored price this line replaces (a newer price list). */
  current?: Record<string, unknown>;
}

const add = (unit: PriceUnit, issue: LineIssue) =>
  unit.issues.set(unit.line, [...(unit.issues.get(unit.line) ?? []), issue]);

const parseRow = (row: CsvRow): PriceUnit => {
  const unit: PriceUnit = { line: row.line, issues: new Map() };
  for (const issue of row.issues) add(unit, issue);
  const cost =
    row.cells.unitCost === undefined
      ? undefined
      : integerCell(row.cells.unitCost, 'unitCost', 'Give minor units (cents), e.g. 1299 for 12.99.');
  if (cost && isIssue(cost)) add(unit, cost.issue);
  const result = SupplierPriceRow.safeParse({
    supplierId: row.cells.supplierId,
    sku: upperCase(row.cells.sku),
    unitCost: cost && !isIssue(cost) ? cost.value : undefined,
    currency: upperCase(row.cells.currency),
    supplierSku: row.cells.supplierSku,
  });
  if (!result.success) {
    for (const { issue } of zodIssues(result.error, (path) => ({ column: String(path[0] ?? '') })))
      if (!(issue.column === 'unitCost' && cost && isIssue(cost))) add(unit, issue);
  } else if (unit.issues.size === 0) unit.row = result.data;
  return unit;
};

const PRICE_FIELDS = ['unitCost', 'currency', 'supplierSku'] as const;

/** The supplier must exist and invoice in the line's currency; the SKU must be in the catalog. */
const checkAgainstTable = async (units: PriceUnit[]): Promise<void> => {
  const keys = units.flatMap((unit) =>
    unit.row
      ? [
          supplierKeys.item(unit.row.supplierId),
          guardKeys.item('SKU', unit.row.sku),
          supplierPriceKeys.item(unit.row.supplierId, unit.row.sku),
        ]
      : [],
  );
  const found = new Map((await batchGetParallel(keys)).map((item) => [`${item.pk}|${item.sk}`, item]));
  const get = (key: { pk: string; sk: string }) => found.get(`${key.pk}|${key.sk}`);
  for (const unit of units) {
    if (!unit.row) continue;
    const { supplierId, sku, currency } = unit.row;
    const supplier = get(supplierKeys.item(supplierId));
    if (!supplier) add(unit, { column: 'supplierId', reason: `Supplier ${supplierId} does not exist.` });
    else if (supplier.currency !== currency)
      add(unit, {
        column: 'currency',
        reason: `Supplier ${supplierId} invoices in ${String(supplier.currency)}.`,
      });
    const productId = get(guardKeys.item('SKU', sku))?.ownerId;
    if (typeof productId !== 'string')
      add(unit, { column: 'sku', reason: `SKU ${sku} is not in the catalog; import the products first.` });
    else unit.productId = productId;
    const current = get(supplierPriceKeys.item(supplierId, sku));
    if (current) {
      unit.current = current;
      if (PRICE_FIELDS.every((field) => current[field] === unit.row?.[field]))
        unit.skipped = `Already imported: ${sku} at ${String(current.unitCost)} from ${supplierId}.`;
    }
  }
};

/**
 * One price: created (must not exist) or, from a newer price list, replaced at the version
 * read, so two imports racing on the same price cannot both win silently.
 */
const writePrice = async (context: ImportContext, unit: PriceUnit): Promise<void> => {
  const row = unit.row as SupplierPriceRow;
  const now = new Date();
  const meta = newItemMeta(context.actor, now);
  const current = unit.current;
  const version = current ? Number(current.version) : 0;
  const item = {
    ...supplierPriceKeys.item(row.supplierId, row.sku),
    entityType: ENTITY.supplierPrice,
    ...row,
    productId: unit.productId,
    ...meta,
    ...(current ? { createdAt: current.createdAt, version: version + 1 } : {}),
  };
  await transactWrite([
    {
      write: {
        Put: {
          TableName: tableName(),
          Item: item,
          ...(current
            ? {
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': version },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
      onConditionFailed: current
        ? staleOrMissing(`The price of ${row.sku} from ${row.supplierId}`, version)
        : () =>
            new ConflictError({ detail: `The price of ${row.sku} from ${row.supplierId} was just written.` }),
    },
  ]);
};

/**
 * Supplier price lists: each line sets what a supplier charges for a SKU. A line equal to the
 * stored price is skipped; a different one (a newer list) replaces it. Replenishment prices its
 * purchase orders from here (lib/replenishment/plan-replenishment.ts).
 */
export const importSupplierPrices = async (
  rows: CsvRow[],
  context: ImportContext,
): Promise<LineOutcome[]> => {
  const units = rows.map(parseRow);
  const seen = new Map<string, number>();
  for (const unit of units) {
    if (!unit.row) continue;
    const key = `${unit.row.supplierId}\u0000${unit.row.sku}`;
    const line = seen.get(key);
    if (line !== undefined)
      add(unit, {
        column: 'sku',
        reason: `${unit.row.sku} from ${unit.row.supplierId} is also on line ${line}.`,
      });
    else seen.set(key, unit.line);
  }
  const outcomes: LineOutcome[] = [];
  let done = 0;
  for (const chunk of chunksOf(units, CHECK_CHUNK)) {
    await checkAgainstTable(chunk.filter((unit) => unit.issues.size === 0));
    await mapPool(chunk, context.concurrency ?? DEFAULT_CONCURRENCY, async (unit) => {
      if (unit.issues.size === 0 && !unit.skipped && unit.row && !context.dryRun) {
        try {
          await writePrice(context, unit);
          unit.written = true;
        } catch (error) {
          for (const { issue } of writeIssues(error, () => ({ column: 'unitCost' }))) add(unit, issue);
        }
      }
      outcomes.push(...unitOutcomes(unit, [unit.line], unit.row?.sku));
      context.onProgress?.(++done, rows.length);
    });
  }
  return outcomes;
};
