import { ulid } from 'ulid';
import { requestHashOf, runOnce } from '../db/idempotency.js';
import { customerKeys, idempotencyKeys } from '../db/keys.js';
import { getItem } from '../db/query-page.js';
import { type GuardedWrite, transactWrite } from '../db/transact.js';
import { ConflictError } from '../errors.js';
import { pointsChangesWrites, pointsEarnedFor } from '../loyalty/points.js';
import { nextDocumentNumber } from './document-numbers.js';
import { type Actor, orderOf, readOrderFor, retryOnOrderChange } from './order-access.js';
import { advance } from './order-build.js';
import { OrderChangedError } from './order-errors.js';
import { lineStockWrites } from './order-lifecycle.js';
import { orderUpdateWrite, refundWrite } from './order-repository.js';
import type { Order, OrderDetail, Refund, RefundOrderInput } from './order-schemas.js';
import { assertCanApply } from './order-state.js';
import { pointsToReverse, redeemedPointsToReturn } from './order-totals.js';
import { planRefund } from './refund-plan.js';

const pointsBalanceOf = async (customerId: string): Promise<number> =>
  Number((await getItem(customerKeys.item(customerId)))?.pointsBalance ?? 0);

/**
 * The points side of a refund. Redeemed points come back with the units returned (their share
 * of the redemption, see redeemedPointsToReturn); on a completed order, points earned on the
 * refunded value are taken back, capped at what the customer will hold after the return, so
 * the balance never goes negative; what could not be taken back (already spent) is recorded.
 */
const pointsOfRefund = async (order: Order, nextLines: Order['lines'], amountRefundedAfter: number) => {
  if (!order.customerId) return { returned: 0, reversed: 0, notReversed: 0 };
  const returned = redeemedPointsToReturn(order.pointsRedeemed, order.lines, nextLines);
  const due = order.status === 'COMPLETED' ? pointsToReverse(order, amountRefundedAfter, pointsEarnedFor) : 0;
  if (due === 0) return { returned, reversed: 0, notReversed: 0 };
  const reversed = Math.min(due, (await pointsBalanceOf(order.customerId)) + returned);
  return { returned, reversed, notReversed: due - reversed };
};

const isInsufficientPoints = (error: unknown) =>
  error instanceof ConflictError && error.slug === 'insufficient-points';

/**
 * Refunds money and, optionally, returned units of a FULFILLED or COMPLETED order. Units go
 * back on hand (and, when damaged, straight to unavailable); refunded quantities per line and
 * the money refunded are checked against what was sold and paid, in the same transaction
 * (conditional on the order's version and on `refundableAmount >= amount`). Redeemed points
 * come back with returned units; on a completed order the points earned on the refunded value
 * are reversed.
 */
export const refundOrder = (
  actor: Actor,
  orderId: string,
  input: RefundOrderInput,
  now = new Date(),
  /** Written in the same transaction, first (an idempotency record naming the refund). */
  recordWrites: (result: Record<string, string>) => GuardedWrite[] = () => [],
): Promise<OrderDetail> =>
  retryOnOrderChange(async () => {
    const detail = await readOrderFor(actor, orderId);
    const order = orderOf(detail);
    assertCanApply(orderId, 'refund', order.status);
    const plan = planRefund(order, input);
    const amountRefunded = order.amountRefunded + plan.amount;
    const points = await pointsOfRefund(order, plan.nextLines, amountRefunded);
    // Every refundable order was paid, so it has a receipt; the refund's credit note is
    // numbered in the refund's own transaction.
    const creditNote = order.receiptNumber
      ? await nextDocumentNumber(order.storeId, 'CREDIT_NOTE')
      : undefined;
    const refund: Refund = {
      refundId: `rf_${ulid().toLowerCase()}`,
      orderId,
      amount: plan.amount,
      lines: plan.lines.map(({ sku, quantity, amount, tax }) => ({ sku, quantity, amount, tax })),
      tax: plan.tax,
      ...(creditNote ? { creditNoteNumber: creditNote.number } : {}),
      restock: input.restock,
      reason: input.reason,
      pointsReturned: points.returned,
      pointsReversed: points.reversed,
      pointsNotReversed: points.notReversed,
      createdAt: now.toISOString(),
      createdBy: actor.userId,
    };
    const next = advance(order, actor, now, {
      lines: plan.nextLines,
      amountRefunded,
      refundableAmount: order.refundableAmount - plan.amount,
      taxRefunded: order.taxRefunded + plan.tax,
      pointsEarned: order.pointsEarned - points.reversed,
    });
    const returned = new Map(plan.lines.map((line) => [line.sku, line.quantity]));
    const reference = { type: 'refund' as const, id: refund.refundId };
    try {
      await transactWrite([
        ...recordWrites({ orderId, refundId: refund.refundId }),
        orderUpdateWrite(order, next, 'refund', {
          expression: 'refundableAmount >= :amount',
          values: { ':amount': plan.amount },
        }),
        refundWrite(refund),
        ...(creditNote ? [creditNote.write] : []),
        ...lineStockWrites(order, actor, now, (line) => {
          const quantity = returned.get(line.sku);
          if (!quantity || input.restock === 'none') return null;
          return input.restock === 'unavailable'
            ? {
                deltas: { onHand: quantity, unavailable: quantity },
                reason: 'return',
                reference,
                note: 'damaged',
              }
            : { deltas: { onHand: quantity }, reason: 'return', reference };
        }),
        ...(order.customerId
          ? pointsChangesWrites(
              order.customerId,
              [
                {
                  delta: points.returned,
                  reason: 'reversed',
                  reference,
                  note: 'Redeemed points returned with the refunded units',
                },
                {
                  delta: -points.reversed,
                  reason: 'reversed',
                  reference,
                  note: 'Points earned on the refunded value taken back',
                },
              ],
              actor,
              now,
            )
          : []),
      ]);
    } catch (error) {
      // The customer spent points since we read the balance: recompute the cap.
      if (isInsufficientPoints(error))
        throw new OrderChangedError({ detail: 'Points balance changed; retry.' });
      throw error;
    }
    return { ...next, payments: detail.payments, refunds: [...detail.refunds, refund] };
  });

/**
 * refundOrder at most once per Idempotency-Key (optional): a retried refund never pays out
 * twice; the retry is answered with the order as it is now.
 */
export const refundOrderOnce = (
  actor: Actor,
  orderId: string,
  input: RefundOrderInput,
  idempotencyKey: string | undefined,
  now = new Date(),
): Promise<{ value: OrderDetail; replayed: boolean }> =>
  runOnce(
    {
      scope: idempotencyKeys.orderActionScope(orderId, 'refund'),
      idempotencyKey,
      requestHash: requestHashOf(input),
      what: 'refund',
      now,
    },
    () => readOrderFor(actor, orderId),
    (recordWrites) => refundOrder(actor, orderId, input, now, recordWrites),
  );
