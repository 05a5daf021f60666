import type { SystemActor } from '../db/item-meta.js';
import { logger } from '../logger.js';
import { listAllStores } from '../stores/store-repository.js';
import { cancelOrderAs } from './order-lifecycle.js';
import { paymentTimeoutMinutes } from './order-limits.js';
import { queryUnpaidOrdersCreatedBy } from './order-repository.js';
import { InvalidOrderStateError } from './order-state.js';

export const EXPIRY_ACTOR: SystemActor = { userId: 'system:expire-unpaid-orders' };

export interface ExpirySummary extends Record<string, unknown> {
  stores: number;
  candidates: number;
  expired: number;
  /** Paid, cancelled or expired by someone else between our read and our write. */
  skipped: number;
  failed: number;
}

const PARALLEL_CANCELS = 4;

const allStoreIds = async (): Promise<string[]> => {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAllStores(100, cursor);
    ids.push(...page.items.map((store) => store.storeId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
};

/**
 * Cancels every unpaid order whose time to pay has run out, store by store: a Query on the
 * store's PENDING_PAYMENT listing bounded by creation time (orders created after
 * `now − timeout` cannot have expired yet), then each order's own `expiresAt`. Each cancel
 * is the normal cancel transition, allowed only from PENDING_PAYMENT and conditional on the
 * version read: a payment that lands first wins, and two overlapping runs release stock
 * once (the second finds the order cancelled and skips it). Safe to re-run at any time.
 */
export const expireUnpaidOrders = async (
  now = new Date(),
  actor: SystemActor = EXPIRY_ACTOR,
): Promise<ExpirySummary> => {
  const summary: ExpirySummary = { stores: 0, candidates: 0, expired: 0, skipped: 0, failed: 0 };
  const createdUpTo = new Date(now.getTime() - paymentTimeoutMinutes() * 60_000).toISOString();
  const expire = async (orderId: string) => {
    try {
      await cancelOrderAs(actor, orderId, 'expired', 'expire', now);
      summary.expired++;
    } catch (error) {
      if (error instanceof InvalidOrderStateError) {
        summary.skipped++;
        return;
      }
      summary.failed++;
      logger.error('could not expire order', { orderId, error: error as Error });
    }
  };
  for (const storeId of await allStoreIds()) {
    summary.stores++;
    let cursor: string | undefined;
    do {
      const page = await queryUnpaidOrdersCreatedBy(storeId, createdUpTo, cursor);
      const due = page.items.filter((order) => Date.parse(order.expiresAt) <= now.getTime());
      summary.candidates += due.length;
      for (let i = 0; i < due.length; i += PARALLEL_CANCELS) {
        await Promise.all(due.slice(i, i + PARALLEL_CANCELS).map((order) => expire(order.orderId)));
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  if (summary.failed > 0) {
    // Fail the invocation so that EventBridge retries it; orders already expired are skipped then.
    logger.error('expiry run incomplete', { summary });
    throw new Error(`${summary.failed} of ${summary.candidates} expired orders could not be cancelled`);
  }
  return summary;
};
