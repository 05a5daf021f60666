import type { FunctionName } from '../../infra/app-definition.js';
import { type StockHealthSummary, sweepReplenishments } from '../../lib/replenishment/sweep.js';
import { scheduledHandler } from '../../lib/runtime/scheduled-handler.js';

/**
 * The seam for `Inventory.StockHealth`: the lead joins the domain-events publisher here (one
 * event per summary). Until then the summaries are returned in the job's summary and logged.
 */
export const publishStockHealth: { publish?: (summaries: StockHealthSummary[]) => Promise<void> } = {};

// Named as in the app definition: its metrics' `job` dimension is what the alarms watch.
export const handler = scheduledHandler('sweepReplenishments' satisfies FunctionName, async () => {
  const result = await sweepReplenishments(
    publishStockHealth.publish ? { publish: publishStockHealth.publish } : {},
  );
  return { ...result };
});
