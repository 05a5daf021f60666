import { queryReorderWatch } from '../inventory/inventory-repository.js';
import type { InventoryLevel } from '../inventory/inventory-schemas.js';
import { logger } from '../logger.js';
import { listAllStores } from '../stores/store-repository.js';
import type { Store } from '../stores/store-schemas.js';
import { planReplenishment } from './plan-replenishment.js';
import { findGuards } from './replenishment-repository.js';

/** The detail of one `Inventory.StockHealth` event: one per store and sweep. */
export interface StockHealthSummary {
  storeId: string;
  /** The day swept (UTC), part of the event's stable id. */
  sweptOn: string;
  belowReorderPoint: number;
  outOfStock: number;
  plannedNow: number;
  alreadyOpen: number;
  /** Below the point, but nothing could be planned (notify_only, no donor and no supplier). */
  notPlanned: number;
  failed: number;
}

export interface SweepResult {
  stores: number;
  belowReorderPoint: number;
  plannedNow: number;
  failed: number;
  summaries: StockHealthSummary[];
}

const PAGE = 100;

const allPages = async <T>(
  read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
) => {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
};

/**
 * The daily sweep: for every store, the levels at or below their reorder point (the reorder
 * watch, gsi4 `reorderGap <= 0`, a key condition), plans what events missed (a level with no
 * open replenishment) and summarises the store's stock health. The plan's event id is
 * `sweep:<day>:<store>:<sku>`, so a retried run on the same day plans nothing twice. Summaries
 * go to `publish` (the EventBridge publisher, joined by the caller) and are returned.
 */
export const sweepReplenishments = async (
  options: { now?: Date; publish?: (summaries: StockHealthSummary[]) => Promise<void> } = {},
): Promise<SweepResult> => {
  const now = options.now ?? new Date();
  const sweptOn = now.toISOString().slice(0, 10);
  const stores = await allPages<Store>((cursor) => listAllStores(PAGE, cursor));
  const summaries: StockHealthSummary[] = [];
  for (const store of stores) summaries.push(await sweepStore(store.storeId, sweptOn, now));
  await options.publish?.(summaries);
  const total = (field: keyof StockHealthSummary) =>
    summaries.reduce((sum, s) => sum + (typeof s[field] === 'number' ? (s[field] as number) : 0), 0);
  return {
    stores: summaries.length,
    belowReorderPoint: total('belowReorderPoint'),
    plannedNow: total('plannedNow'),
    failed: total('failed'),
    summaries,
  };
};

const sweepStore = async (storeId: string, sweptOn: string, now: Date): Promise<StockHealthSummary> => {
  const low = await allPages<InventoryLevel>((cursor) => queryReorderWatch(storeId, true, PAGE, cursor));
  const guarded = new Set(
    (
      await findGuards(
        storeId,
        low.map((level) => level.sku),
      )
    ).map((g) => String(g.sku)),
  );
  const summary: StockHealthSummary = {
    storeId,
    sweptOn,
    belowReorderPoint: low.length,
    outOfStock: low.filter((level) => level.available <= 0).length,
    plannedNow: 0,
    alreadyOpen: 0,
    notPlanned: 0,
    failed: 0,
  };
  for (const level of low) {
    if (guarded.has(level.sku)) {
      summary.alreadyOpen++;
      continue;
    }
    try {
      const outcome = await planReplenishment(
        { eventId: `sweep:${sweptOn}:${storeId}:${level.sku}`, storeId, sku: level.sku },
        { source: 'sweep', now },
      );
      if (outcome.outcome === 'planned') summary.plannedNow++;
      else if (outcome.reason === 'already-open' || outcome.reason === 'duplicate-event')
        summary.alreadyOpen++;
      else summary.notPlanned++;
    } catch (error) {
      // One level that cannot be planned must not stop the sweep of the others; it is counted and alarmed.
      summary.failed++;
      logger.error('replenishment sweep failed for a level', { storeId, sku: level.sku, error });
    }
  }
  return summary;
};
