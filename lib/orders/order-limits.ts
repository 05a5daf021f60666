import { MAX_TRANSACTION_ITEMS } from '../db/limits.js';

/**
 * Placing an order is one transaction: the order, its idempotency record, two writes per line
 * (stock level + movement), two for a points redemption and a few for promotion usage.
 * Keeping 20 writes for those leaves room for 40 lines within DynamoDB's 100-item limit.
 */
const WRITES_PER_LINE = 2;
const RESERVED_WRITES = 20;
export const MAX_ORDER_LINES = Math.floor((MAX_TRANSACTION_ITEMS - RESERVED_WRITES) / WRITES_PER_LINE);

/** How long an order may wait for payment before the expiry job cancels it. */
export const paymentTimeoutMinutes = (): number => {
  const value = Number(process.env.ORDER_PAYMENT_TIMEOUT_MINUTES ?? 30);
  return Number.isFinite(value) && value > 0 ? value : 30;
};
