import { type Happening, linesOf, num, pick, previousStatus, type Translator } from './item-change.js';

const ORDER_FIELDS = [
  'orderId',
  'storeId',
  'customerId',
  'channel',
  'status',
  'currency',
  'subtotal',
  'discountTotal',
  'taxTotal',
  'total',
  'amountPaid',
  'amountDue',
  'amountRefunded',
  'receiptNumber',
  'cancelReason',
] as const;

const STATUS_EVENT: Record<string, string> = {
  PAID: 'Order.Paid',
  FULFILLED: 'Order.Fulfilled',
  COMPLETED: 'Order.Completed',
  CANCELLED: 'Order.Cancelled',
};

/**
 * The expiry job cancels with the reason `expired` as a system actor (lib/orders/order-expiry.ts);
 * a person's cancel is always by a user id, so a clerk typing "expired" is still a cancel.
 */
const isExpiry = (item: Record<string, unknown>): boolean =>
  item.cancelReason === 'expired' && String(item.updatedBy ?? '').startsWith('system:');

/**
 * An order's change. INSERT is `Order.Placed` (plus its status's event if it was placed past
 * PENDING_PAYMENT); a status change is that status's event (`Order.Expired` for the expiry
 * job's cancel); a rise in `amountRefunded` is `Order.Refunded`, also when a paid order is
 * cancelled (refunds are separate items, but the order carries the totals consumers need).
 * Partial payments keep the status and publish nothing until the order is paid in full.
 */
export const translateOrder: Translator = (change) => {
  const order = change.new;
  const body = {
    ...pick(order, ORDER_FIELDS),
    ...previousStatus(change),
    lines: linesOf(order, ['sku', 'productId', 'quantity', 'netTotal']),
  };
  const happenings: Happening[] = [];
  if (!change.old) happenings.push({ detailType: 'Order.Placed', body });
  if (change.old?.status !== order.status) {
    const status = String(order.status);
    const detailType = status === 'CANCELLED' && isExpiry(order) ? 'Order.Expired' : STATUS_EVENT[status];
    if (detailType) happenings.push({ detailType, body });
  }
  const refunded = num(order.amountRefunded) - num(change.old?.amountRefunded);
  if (refunded > 0)
    happenings.push({
      detailType: 'Order.Refunded',
      body: { ...body, refundAmount: refunded, taxRefunded: num(order.taxRefunded) },
    });
  return happenings;
};
