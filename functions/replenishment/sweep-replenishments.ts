import { publishStockHealth } from '../../lib/replenishment/stock-health-events.js';
import { sweepReplenishments } from '../../lib/replenishment/sweep.js';
import { scheduledHandler } from '../../lib/runtime/scheduled-handler.js';

// Named as in the app definition: its metrics' `job` dimension is what the alarms watch.
export const handler = scheduledHandler('sweepReplenishments', async () => {
  const now = new Date();
  const result = await sweepReplenishments({
    now,
    publish: (summaries) => publishStockHealth(summaries, now),
  });
  return { ...result };
});
