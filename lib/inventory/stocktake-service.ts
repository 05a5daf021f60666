import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import { assertStoreAccess } from '../auth/store-scope.js';
import type { SystemActor } from '../db/item-meta.js';
import type { Page } from '../db/query-page.js';
import { transactWrite } from '../db/transact.js';
import { NotFoundError } from '../errors.js';
import { logger } from '../logger.js';
import { findStocktake, insertStocktakeRecord, queryStocktakes } from './inventory-repository.js';
import type { PageQuery, StocktakeInput, StocktakeRecord, StocktakeResult } from './inventory-schemas.js';
import { requireProductIdsOfLines } from './sku-catalog.js';
import { InsufficientStockError, StockMismatchError, stockChangeWrites } from './stock-change.js';

type Line = StocktakeInput['lines'][number];
type Outcome =
  | { applied: StocktakeResult['applied'][number] }
  | { conflict: StocktakeResult['conflicts'][number] };

/** Lines in flight at once: enough to be quick, few enough not to throttle a small table. */
const CONCURRENCY = 8;

const mapLimited = async <T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>) => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

/** A ULID of the submit time: stocktake sort keys order by time and the id alone finds one. */
export const newStocktakeId = (now: Date): string => `stk_${ulid(now.getTime()).toLowerCase()}`;

/**
 * A cycle count. Each line is its own transaction that applies `counted − expected` to
 * on-hand only if on-hand still equals `expected` (what the counter saw on the shelf label or
 * the last read), so a sale between the count and the submit is never overwritten. Lines that
 * no longer match come back as conflicts to count again; the others still apply.
 */
export const submitStocktake = async (
  actor: Principal | SystemActor,
  storeId: string,
  input: StocktakeInput,
  options: { stocktakeId?: string; now?: Date } = {},
): Promise<StocktakeResult> => {
  if ('role' in actor) assertStoreAccess(actor, storeId);
  const now = options.now ?? new Date();
  const productIds = await requireProductIdsOfLines(input.lines);
  const stocktakeId = options.stocktakeId ?? newStocktakeId(now);
  const applyLine = async (line: Line): Promise<Outcome> => {
    const variance = line.counted - line.expected;
    try {
      await transactWrite(
        stockChangeWrites(
          {
            storeId,
            sku: line.sku,
            productId: productIds.get(line.sku) as string,
            deltas: { onHand: variance },
            reason: 'cycle_count',
            reference: { type: 'stocktake', id: stocktakeId },
            expectOnHand: line.expected,
            ...(input.note ? { note: input.note } : {}),
          },
          actor,
          now,
        ),
      );
      return { applied: { sku: line.sku, expected: line.expected, counted: line.counted, variance } };
    } catch (error) {
      if (error instanceof StockMismatchError) {
        const onHand = Number(error.extensions?.onHand ?? 0);
        return { conflict: { sku: line.sku, expected: line.expected, onHand, reason: 'on-hand-changed' } };
      }
      if (error instanceof InsufficientStockError) {
        // On-hand matched, but the count leaves fewer units than are held for orders.
        return {
          conflict: {
            sku: line.sku,
            expected: line.expected,
            onHand: line.expected,
            reason: 'below-committed',
          },
        };
      }
      throw error;
    }
  };
  const outcomes = await mapLimited(input.lines, CONCURRENCY, applyLine);
  const applied = outcomes.flatMap((outcome) => ('applied' in outcome ? [outcome.applied] : []));
  const conflicts = outcomes.flatMap((outcome) => ('conflict' in outcome ? [outcome.conflict] : []));
  const result: StocktakeResult = {
    stocktakeId,
    storeId,
    at: now.toISOString(),
    applied,
    conflicts,
    totalVariance: applied.reduce((sum, line) => sum + line.variance, 0),
  };
  // The lines are already applied and their movements are the ledger; the record is only a
  // convenience, so failing to write it must not turn a done stocktake into an error.
  await insertStocktakeRecord(result, actor, input.note).catch((error: unknown) =>
    logger.warn('stocktake record not written', { stocktakeId, error: error as Error }),
  );
  return result;
};

/** A store's stocktakes, newest first (inventory readers of the store). */
export const listStocktakes = async (
  principal: Principal,
  storeId: string,
  query: PageQuery,
): Promise<Page<StocktakeRecord>> => {
  assertStoreAccess(principal, storeId);
  return queryStocktakes(storeId, query.limit, query.cursor);
};

export const getStocktake = async (
  principal: Principal,
  storeId: string,
  stocktakeId: string,
): Promise<StocktakeRecord> => {
  assertStoreAccess(principal, storeId);
  const stocktake = await findStocktake(storeId, stocktakeId);
  if (!stocktake)
    throw new NotFoundError({ detail: `Stocktake ${stocktakeId} was not found at ${storeId}.` });
  return stocktake;
};
