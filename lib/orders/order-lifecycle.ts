import { ulid } from 'ulid';
import { roleHasPermission } from '../auth/roles.js';
import { requestHashOf, runOnce } from '../db/idempotency.js';
import { idempotencyKeys } from '../db/keys.js';
import { type GuardedWrite, transactWrite } from '../db/transact.js';
import { ForbiddenError } from '../errors.js';
import { mergeStockChanges, type StockChange, stockChangeWrites } from '../inventory/stock-change.js';
import { pointsChangeWrites, pointsEarnedFor } from '../loyalty/points.js';
import { promotionUsageReleaseWrites } from '../promotions/pricing.js';
import { taxOfMoney } from '../tax/tax-math.js';
import { nextDocumentNumber } from './document-numbers.js';
import { type Actor, isPrincipal, orderOf, readOrderFor, retryOnOrderChange } from './order-access.js';
import { advance } from './order-build.js';
import { PaymentExceedsDueError } from './order-errors.js';
import { orderUpdateWrite, paymentWrite, refundWrite } from './order-repository.js';
import type {
  FulfilOrderInput,
  Order,
  OrderDetail,
  Payment,
  RecordPaymentInput,
  Refund,
} from './order-schemas.js';
import { assertCanApply } from './order-state.js';

/** One stock change per line of the order (lines name each SKU once), as writes. */
export const lineStockWrites = (
  order: Order,
  actor: Actor,
  now: Date,
  change: (
    line: Order['lines'][number],
  ) => Pick<StockChange, 'deltas' | 'reason' | 'reference' | 'note'> | null,
): GuardedWrite[] =>
  mergeStockChanges(
    order.lines.flatMap((line) => {
      const spec = change(line);
      return spec ? [{ storeId: order.storeId, sku: line.sku, productId: line.productId, ...spec }] : [];
    }),
  ).flatMap((stockChange) => stockChangeWrites(stockChange, actor, now));

const orderReference = (order: Order) => ({ type: 'order' as const, id: order.orderId });

/**
 * Records a payment. The order's `amountDue` goes down by the amount in the same transaction
 * as the payment item, conditional on the version read (and on `amountDue >= amount`), so
 * concurrent payments can never double-count or overpay: the loser re-reads and either fits
 * in what is still due or gets 409 payment-exceeds-due. The payment that clears the balance
 * moves the order to PAID.
 */
export const recordPayment = (
  actor: Actor,
  orderId: string,
  input: RecordPaymentInput,
  now = new Date(),
  /** Written in the same transaction, first (an idempotency record naming the payment). */
  recordWrites: (result: Record<string, string>) => GuardedWrite[] = () => [],
): Promise<OrderDetail> =>
  retryOnOrderChange(async () => {
    const detail = await readOrderFor(actor, orderId);
    const order = orderOf(detail);
    assertCanApply(orderId, 'pay', order.status);
    if (input.amount > order.amountDue)
      throw new PaymentExceedsDueError(orderId, input.amount, order.amountDue);
    const payment: Payment = {
      paymentId: `pa_${ulid().toLowerCase()}`,
      orderId,
      method: input.method,
      amount: input.amount,
      ...(input.reference ? { reference: input.reference } : {}),
      createdAt: now.toISOString(),
      createdBy: actor.userId,
    };
    const amountDue = order.amountDue - input.amount;
    // The payment that makes the order PAID issues its receipt number, in the same transaction.
    const receipt = amountDue === 0 ? await nextDocumentNumber(order.storeId, 'RECEIPT') : undefined;
    const next = advance(order, actor, now, {
      amountPaid: order.amountPaid + input.amount,
      amountDue,
      refundableAmount: order.refundableAmount + input.amount,
      ...(receipt
        ? { status: 'PAID' as const, paidAt: now.toISOString(), receiptNumber: receipt.number }
        : {}),
    });
    await transactWrite([
      ...recordWrites({ orderId, paymentId: payment.paymentId }),
      ...(receipt ? [receipt.write] : []),
      orderUpdateWrite(order, next, 'pay', {
        expression: 'amountDue >= :amount',
        values: { ':amount': input.amount },
      }),
      paymentWrite(payment),
    ]);
    return { ...next, payments: [...detail.payments, payment], refunds: detail.refunds };
  });

/**
 * recordPayment at most once per Idempotency-Key (optional): a till that retries after a
 * timeout never records the payment twice; the retry is answered with the order as it is now.
 */
export const recordPaymentOnce = (
  actor: Actor,
  orderId: string,
  input: RecordPaymentInput,
  idempotencyKey: string | undefined,
  now = new Date(),
): Promise<{ value: OrderDetail; replayed: boolean }> =>
  runOnce(
    {
      scope: idempotencyKeys.orderActionScope(orderId, 'pay'),
      idempotencyKey,
      requestHash: requestHashOf(input),
      what: 'payment',
      now,
    },
    () => readOrderFor(actor, orderId),
    (recordWrites) => recordPayment(actor, orderId, input, now, recordWrites),
  );

/** PAID → FULFILLED: the committed units leave the store (on hand and committed both drop). */
export const fulfilOrder = (
  actor: Actor,
  orderId: string,
  input: FulfilOrderInput,
  now = new Date(),
): Promise<OrderDetail> =>
  retryOnOrderChange(async () => {
    const detail = await readOrderFor(actor, orderId);
    const order = orderOf(detail);
    assertCanApply(orderId, 'fulfil', order.status);
    const next = advance(order, actor, now, {
      status: 'FULFILLED',
      fulfilledAt: now.toISOString(),
      ...(input.carrier || input.trackingNumber ? { fulfilment: { ...input } } : {}),
    });
    await transactWrite([
      orderUpdateWrite(order, next, 'fulfil'),
      ...lineStockWrites(order, actor, now, (line) => ({
        deltas: { onHand: -line.quantity, committed: -line.quantity },
        reason: 'sale',
        reference: orderReference(order),
      })),
    ]);
    return { ...next, payments: detail.payments, refunds: detail.refunds };
  });

/** FULFILLED → COMPLETED: the customer earns points on what they kept (total less refunds). */
export const completeOrder = (actor: Actor, orderId: string, now = new Date()): Promise<OrderDetail> =>
  retryOnOrderChange(async () => {
    const detail = await readOrderFor(actor, orderId);
    const order = orderOf(detail);
    assertCanApply(orderId, 'complete', order.status);
    const earned = order.customerId ? pointsEarnedFor(Math.max(0, order.total - order.amountRefunded)) : 0;
    const next = advance(order, actor, now, {
      status: 'COMPLETED',
      completedAt: now.toISOString(),
      pointsEarned: earned,
    });
    await transactWrite([
      orderUpdateWrite(order, next, 'complete'),
      ...(order.customerId && earned > 0
        ? pointsChangeWrites(
            {
              customerId: order.customerId,
              delta: earned,
              reason: 'earned',
              reference: orderReference(order),
            },
            actor,
            now,
          )
        : []),
    ]);
    return { ...next, payments: detail.payments, refunds: detail.refunds };
  });

/**
 * Cancelling an order with money paid refunds it, so it needs what a refund needs
 * (`orders:refund`): otherwise cancel would be a way round the refund permission. Checked on
 * the order as read inside the retry, so a payment landing meanwhile is seen.
 */
const assertMayCancel = (actor: Actor, order: Order): void => {
  if (order.amountPaid === 0 || !isPrincipal(actor) || roleHasPermission(actor.role, 'orders:refund')) return;
  throw new ForbiddenError({
    detail: `Order ${order.orderId} has payments; cancelling it refunds them, which needs orders:refund (a manager or admin).`,
  });
};

/**
 * PENDING_PAYMENT or PAID → CANCELLED, undoing everything placing the order did: committed
 * stock is released, promotion usage given back, redeemed points returned; money paid is
 * recorded as a refund. `expire` is the expiry job's variant, allowed only while unpaid.
 * Conditional on the version read, so two cancels (or two expiry runs) release stock once.
 */
export const cancelOrderAs = (
  actor: Actor,
  orderId: string,
  reason: string,
  action: 'cancel' | 'expire',
  now = new Date(),
): Promise<OrderDetail> =>
  retryOnOrderChange(async () => {
    const detail = await readOrderFor(actor, orderId);
    const order = orderOf(detail);
    assertCanApply(orderId, action, order.status);
    assertMayCancel(actor, order);
    const at = now.toISOString();
    const refunding = order.amountPaid > 0;
    // A paid order had a receipt: its refund gets a credit note, numbered in this transaction.
    const creditNote =
      refunding && order.receiptNumber ? await nextDocumentNumber(order.storeId, 'CREDIT_NOTE') : undefined;
    const tax = refunding
      ? taxOfMoney(
          order,
          order.refundableAmount,
          order.amountRefunded + order.refundableAmount === order.total,
        )
      : 0;
    const refund: Refund | undefined = refunding
      ? {
          refundId: `rf_${ulid().toLowerCase()}`,
          orderId,
          amount: order.refundableAmount,
          lines: [],
          tax,
          ...(creditNote ? { creditNoteNumber: creditNote.number } : {}),
          restock: 'none',
          reason: `Order cancelled: ${reason}`,
          pointsReturned: order.customerId ? order.pointsRedeemed : 0,
          pointsReversed: 0,
          pointsNotReversed: 0,
          createdAt: at,
          createdBy: actor.userId,
        }
      : undefined;
    const next = advance(order, actor, now, {
      status: 'CANCELLED',
      cancelledAt: at,
      cancelReason: reason,
      amountDue: 0,
      amountRefunded: order.amountRefunded + (refund?.amount ?? 0),
      refundableAmount: order.refundableAmount - (refund?.amount ?? 0),
      taxRefunded: order.taxRefunded + tax,
    });
    await transactWrite([
      orderUpdateWrite(order, next, action),
      ...(creditNote ? [creditNote.write] : []),
      ...lineStockWrites(order, actor, now, (line) => ({
        deltas: { committed: -line.quantity },
        reason: 'release',
        reference: orderReference(order),
        note: reason,
      })),
      ...promotionUsageReleaseWrites(order.appliedPromotions, order.customerId, now),
      ...(order.customerId && order.pointsRedeemed > 0
        ? pointsChangeWrites(
            {
              customerId: order.customerId,
              delta: order.pointsRedeemed,
              reason: 'reversed',
              reference: orderReference(order),
              note: 'Order cancelled: redeemed points returned',
            },
            actor,
            now,
          )
        : []),
      ...(refund ? [refundWrite(refund)] : []),
    ]);
    return {
      ...next,
      payments: detail.payments,
      refunds: refund ? [...detail.refunds, refund] : detail.refunds,
    };
  });

export const cancelOrder = (actor: Actor, orderId: string, reason: string, now = new Date()) =>
  cancelOrderAs(actor, orderId, reason, 'cancel', now);
