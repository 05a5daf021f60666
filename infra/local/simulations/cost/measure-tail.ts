/**
 * Meters what the order's tail consumes that the capacity measurement does not (it meters HTTP operations): the
 * report rollups of a paid 2-line order (countOrderEvent on the Order.Paid sample event, pointed
 * at the demo data's 2-line till order) and one run of the unpaid-order expiry (its second on the demo data, after the first expired the abandoned order). Run as its own process
 * by cost-cli.ts (one local environment per process), it prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../repo-paths.js';
import { withMeteredSession } from './metered-session.js';

export interface TailUnits {
  rollup: { read: number; write: number };
  expiryRun: { read: number; write: number };
}

const sample = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8'));

const units = await withMeteredSession(async ({ meter, invoke }): Promise<TailUnits> => {
  // A seeded 2-line till order, never counted (the seed raises no events).
  const paid = sample('events/domain/Order.Paid.json') as { detail: Record<string, unknown> };
  const twoLines = {
    ...paid,
    detail: {
      ...paid.detail,
      eventId: 'cost-measurement:Order.Paid',
      orderId: 'or_demo_melb_completed',
      storeId: 'st_melb_cbd',
    },
  };
  const rollup = await meter(() => invoke('countOrderEvent', twoLines));
  const expiryEvent = sample('events/scheduled/expire-unpaid-orders.json');
  // The first run expires the demo data's abandoned order; the second is metered.
  await invoke('expireUnpaidOrders', expiryEvent);
  const expiry = await meter(() => invoke('expireUnpaidOrders', expiryEvent));
  return { rollup: rollup.units, expiryRun: expiry.units };
});
process.stdout.write(`${JSON.stringify(units)}\n`);
process.exit(0);
