import { ConflictError, UnprocessableEntityError } from '../errors.js';

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
 * transition landed first). Services re-read and retry; callers see it only if that keeps
 * happening.
 */
export class OrderChangedError extends ConflictError {
  override readonly slug = 'order-changed';
  override readonly title = 'The order changed while this request ran';
}

/** The Idempotency-Key was used before with another request body (422). */
export class IdempotencyKeyReusedError extends UnprocessableEntityError {
  override readonly slug = 'idempotency-key-reused';
  override readonly title = 'Idempotency-Key reused with a different request';
}

export interface IdempotencyRecord {
  storeId: string;
  idempotencyKey: string;
  requestHash: string;
  orderId: string;
  createdAt: string;
  ttl: number;
}

/**
 * Internal signal: the idempotency record already exists, so this request is a retry (or a
 * misuse) of an earlier one. Caught by the order placement, never answered as is.
 */
export class IdempotencyRecordExists extends ConflictError {
  override readonly slug = 'idempotency-record-exists';
  constructor(readonly record: IdempotencyRecord) {
    super({ detail: 'This Idempotency-Key was already used.' });
  }
}
