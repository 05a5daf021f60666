import { MinorUnits } from '../catalog/product-schemas.js';
import { ContentionError } from '../db/contention.js';
import { ConflictError, defineProblem, documentProblem } from '../errors.js';
import * as z from '../zod.js';

/** A payment larger than what is still due (409: depends on the order's current balance). */
export class PaymentExceedsDueError extends ConflictError {
  static override readonly problem = defineProblem({
    slug: 'payment-exceeds-due',
    status: 409,
    title: 'Payment exceeds the amount due',
  });
  constructor(orderId: string, amount: number, amountDue: number) {
    super({
      detail: `Order ${orderId} has ${amountDue} due; a payment of ${amount} would overpay it.`,
      extensions: { amountDue },
    });
  }
}

/** What `PaymentExceedsDueError` means, for the problem catalog and the OpenAPI document only. */
export const paymentExceedsDueErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(PaymentExceedsDueError, {
    description: 'The payment is larger than what is still due (`amountDue`).',
    extensions: {
      amountDue: MinorUnits.clone().register(z.globalRegistry, { description: 'Still due, minor units.' }),
    },
  }))();

/** A refund of more money than is paid and not yet refunded. */
export class RefundExceedsPaidError extends ConflictError {
  static override readonly problem = defineProblem({
    slug: 'refund-exceeds-paid',
    status: 409,
    title: 'Refund exceeds what was paid',
  });
  constructor(orderId: string, amount: number, refundable: number) {
    super({
      detail: `Order ${orderId} has ${refundable} left to refund; ${amount} was asked.`,
      extensions: { refundableAmount: refundable },
    });
  }
}

/** What `RefundExceedsPaidError` means, for the problem catalog and the OpenAPI document only. */
export const refundExceedsPaidErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(RefundExceedsPaidError, {
    description: 'The refund is more money than was paid and not yet refunded (`refundableAmount`).',
    extensions: {
      refundableAmount: MinorUnits.clone().register(z.globalRegistry, {
        description: 'Left to refund, minor units.',
      }),
    },
  }))();

/** A refund of more units of a line than were sold and not yet refunded. */
export class RefundExceedsSoldError extends ConflictError {
  static override readonly problem = defineProblem({
    slug: 'refund-exceeds-sold',
    status: 409,
    title: 'Refund exceeds the quantity sold',
  });
  constructor(excess: { sku: string; requested: number; refundable: number }[]) {
    super({
      detail: excess
        .map((e) => `${e.sku}: ${e.requested} requested, ${e.refundable} left to refund`)
        .join('; '),
      extensions: { lines: excess },
    });
  }
}

/** What `RefundExceedsSoldError` means, for the problem catalog and the OpenAPI document only. */
export const refundExceedsSoldErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(RefundExceedsSoldError, {
    description:
      'The refund returns more units of a line than were sold and not yet refunded; `lines` lists each.',
    extensions: {
      lines: z.array(
        z.object({
          sku: z.string(),
          requested: z.number().check(z.int()),
          refundable: z.number().check(z.int()),
        }),
      ),
    },
  }))();

export class StoreClosedError extends ConflictError {
  static override readonly problem = defineProblem({
    slug: 'store-closed',
    status: 409,
    title: 'The store is closed',
  });
}

/** What `StoreClosedError` means, for the problem catalog and the OpenAPI document only. */
export const storeClosedErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(StoreClosedError, {
    description: 'The store is not active and takes no orders.',
  }))();

/**
 * The order changed between our read and our conditional write (another payment, refund or
 * transition landed first). Services re-read and retry under the shared contention policy
 * (lib/db/contention.ts); callers see 503 + Retry-After only if that keeps happening.
 */
export class OrderChangedError extends ContentionError {}
