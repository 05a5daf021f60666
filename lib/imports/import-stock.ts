import { tableName } from '../db/client.js';
import { ENTITY, guardKeys, importKeys, inventoryKeys } from '../db/keys.js';
import { transactWrite } from '../db/transact.js';
import { ConflictError } from '../errors.js';
import { stockChangeWrites } from '../inventory/stock-change.js';
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
import { OpeningStockRow } from './stock-rows.js';
import { type Unit, unitOutcomes } from './unit-outcomes.js';

interface StockUnit extends Unit {
  line: number;
  row?: OpeningStockRow;
  productId?: string;
}

const add = (unit: StockUnit, issue: LineIssue) =>
  unit.issues.set(unit.line, [...(unit.issues.get(unit.line) ?? []), issue]);

const parseRow = (row: CsvRow): StockUnit => {
  const unit: StockUnit = { line: row.line, issues: new Map() };
  for (const issue of row.issues) add(unit, issue);
  const onHand =
    row.cells.onHand === undefined ? undefined : integerCell(row.cells.onHand, 'onHand', 'Give units.');
  if (onHand && isIssue(onHand)) add(unit, onHand.issue);
  const result = OpeningStockRow.safeParse({
    sku: upperCase(row.cells.sku),
    onHand: onHand && !isIssue(onHand) ? onHand.value : undefined,
  });
  if (!result.success) {
    for (const { issue } of zodIssues(result.error, (path) => ({ column: String(path[0] ?? '') })))
      if (!(issue.column === 'onHand' && onHand && isIssue(onHand))) add(unit, issue);
  } else if (unit.issues.size === 0) unit.row = result.data;
  return unit;
};

/**
 * The SKU must be in the catalog (its guard names the product); the opening marker says an
 * earlier run set it; a level already holding stock is not "opening" any more.
 */
const checkAgainstTable = async (storeId: string, units: StockUnit[]): Promise<void> => {
  const keys = units.flatMap((unit) =>
    unit.row
      ? [
          guardKeys.item('SKU', unit.row.sku),
          importKeys.openingStock(storeId, unit.row.sku),
          inventoryKeys.level(storeId, unit.row.sku),
        ]
      : [],
  );
  const found = new Map((await batchGetParallel(keys)).map((item) => [`${item.pk}|${item.sk}`, item]));
  const get = (key: { pk: string; sk: string }) => found.get(`${key.pk}|${key.sk}`);
  for (const unit of units) {
    if (!unit.row) continue;
    const { sku, onHand } = unit.row;
    const productId = get(guardKeys.item('SKU', sku))?.ownerId;
    if (typeof productId !== 'string') {
      add(unit, { column: 'sku', reason: `SKU ${sku} is not in the catalog; import the products first.` });
      continue;
    }
    unit.productId = productId;
    if (get(importKeys.openingStock(storeId, sku)))
      unit.skipped = `Opening stock of ${sku} was already imported.`;
    else if (onHand === 0) unit.skipped = 'Nothing to book: 0 on hand.';
    else {
      const level = get(inventoryKeys.level(storeId, sku));
      if (Number(level?.onHand ?? 0) !== 0)
        add(unit, {
          column: 'onHand',
          reason: `${sku} already has ${String(level?.onHand)} on hand here; count it with a stocktake instead.`,
        });
    }
  }
};

/**
 * Writes one SKU's opening stock: the marker (attribute_not_exists), and the level and its
 * movement as every stock change writes them (lib/inventory/stock-change.ts), conditional on
 * nothing being on hand yet, in one transaction; so the level still equals the sum of its
 * movements and a re-run books nothing twice.
 */
const writeOpeningStock = async (context: ImportContext, storeId: string, unit: StockUnit): Promise<void> => {
  const { sku, onHand } = unit.row as OpeningStockRow;
  const now = new Date();
  await transactWrite([
    {
      write: {
        Put: {
          TableName: tableName(),
          Item: {
            ...importKeys.openingStock(storeId, sku),
            entityType: ENTITY.importJob,
            storeId,
            sku,
            onHand,
            createdAt: now.toISOString(),
            updatedBy: context.actor.userId,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new ConflictError({ detail: `Opening stock of ${sku} was already imported.` }),
    },
    ...stockChangeWrites(
      {
        storeId,
        sku,
        productId: unit.productId as string,
        deltas: { onHand },
        reason: 'cycle_count',
        note: 'Opening stock (import)',
        expectOnHand: 0,
      },
      context.actor,
      now,
    ),
  ]);
};

/** Opening stock of one store: each SKU's level and movement whole, or the line rejected. */
export const importStock = async (rows: CsvRow[], context: ImportContext): Promise<LineOutcome[]> => {
  const storeId = context.storeId as string;
  const units = rows.map(parseRow);
  const seen = new Map<string, number>();
  for (const unit of units) {
    if (!unit.row) continue;
    const line = seen.get(unit.row.sku);
    if (line !== undefined)
      add(unit, { column: 'sku', reason: `SKU ${unit.row.sku} is also on line ${line}.` });
    else seen.set(unit.row.sku, unit.line);
  }
  const outcomes: LineOutcome[] = [];
  let done = 0;
  for (const chunk of chunksOf(units, CHECK_CHUNK)) {
    await checkAgainstTable(
      storeId,
      chunk.filter((unit) => unit.issues.size === 0),
    );
    await mapPool(chunk, context.concurrency ?? DEFAULT_CONCURRENCY, async (unit) => {
      if (unit.issues.size === 0 && !unit.skipped && unit.row && !context.dryRun) {
        try {
          await writeOpeningStock(context, storeId, unit);
          unit.written = true;
        } catch (error) {
          for (const { issue } of writeIssues(error, () => ({ column: 'onHand' }))) add(unit, issue);
        }
      }
      outcomes.push(...unitOutcomes(unit, [unit.line], unit.row?.sku));
      context.onProgress?.(++done, rows.length);
    });
  }
  return outcomes;
};
