import { ContentionError } from '../db/contention.js';
import { ConflictError } from '../errors.js';

/** A payment larger than what is still due (409: depends on the order's current balance). */
export class PaymentExceedsDueError extends ConflictError {
  override readonly slug = 'payment-exceeds-due';
  override readonly title = 'Payment exceeds the amount due';
  constructor(orderId: string, amount: number, amountDue: number) {
    super({
      detail: `Order ${orderId} has ${amountDue} due; a payment of ${amount} would overpay it.`,
      extensions: { amountDue },
    });
  }
}

/** A refund of more money than is paid and not yet refunded. */
export class RefundExceedsPaidError extends ConflictError {
  override readonly slug = 'refund-exceeds-paid';
  override readonly title = 'Refund exceeds what was paid';
  constructor(orderId: string, amount: number, refundable: number) {
    super({
      detail: `Order ${orderId} has ${refundable} left to refund; ${amount} was asked.`,
      extensions: { refundableAmount: refundable },
    });
  }
}

/** A refund of more units of a line than were sold and not yet refunded. */
export class RefundExceedsSoldError extends ConflictError {
  override readonly slug = 'refund-exceeds-sold';
  override readonly title = 'Refund exceeds the quantity sold';
  constructor(excess: { sku: string; requested: number; refundable: number }[]) {
    super({
      detail: excess
        .map((e) => `${e.sku}: ${e.requested} requested, ${e.refundable} left to refund`)
        .join('; '),
      extensions: { lines: excess },
    });
  }
}

export class StoreClosedError extends ConflictError {
  override readonly slug = 'store-closed';
  override readonly title = 'The store is closed';
}

/**
 * The order changed between our read and our conditional write (another payment, refund or
 * transition landed first). Services re-read and retry under the shared contention policy
 * (lib/db/contention.ts); callers see 503 + Retry-After only if that keeps happening.
 */
export class OrderChangedError extends ContentionError {}
