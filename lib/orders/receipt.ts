import type { Store } from '../stores/store-schemas.js';
import type { OrderDetail } from './order-schemas.js';
import type { Receipt, TaxBreakdown } from './receipt-schemas.js';

/** `YYYY-MM-DD HH:mm` in the store's time zone (the sv-SE locale formats dates that way). */
export const localTime = (at: string, timeZone: string): string =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));

/** Lines grouped by tax name and rate, in order of first appearance. */
export const taxBreakdownOf = (lines: OrderDetail['lines']): TaxBreakdown[] => {
  const groups = new Map<string, TaxBreakdown>();
  for (const line of lines) {
    const key = `${line.taxName}|${line.taxRate}`;
    const group = groups.get(key) ?? {
      taxName: line.taxName,
      taxRate: line.taxRate,
      netAmount: 0,
      taxAmount: 0,
      grossAmount: 0,
    };
    group.netAmount += line.netTotal - line.taxAmount;
    group.taxAmount += line.taxAmount;
    group.grossAmount += line.netTotal;
    groups.set(key, group);
  }
  return [...groups.values()];
};

/** Pure: the receipt of a paid order (one with a receipt number) at its store. */
export const buildReceipt = (
  order: OrderDetail & { receiptNumber: string; paidAt: string },
  store: Store,
): Receipt => ({
  receiptNumber: order.receiptNumber,
  orderId: order.orderId,
  issuedAt: order.paidAt,
  issuedAtLocal: localTime(order.paidAt, store.timezone),
  store: {
    storeId: store.storeId,
    code: store.code,
    name: store.name,
    address: store.address,
    timezone: store.timezone,
  },
  channel: order.channel,
  ...(order.customerId ? { customerId: order.customerId } : {}),
  currency: order.currency,
  pricesIncludeTax: order.pricesIncludeTax,
  lines: order.lines.map((line) => ({
    sku: line.sku,
    name: line.name,
    options: line.options,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    lineSubtotal: line.lineSubtotal,
    discount: line.discount,
    allocatedDiscount: line.allocatedDiscount,
    amount: line.netTotal,
    taxName: line.taxName,
    taxRate: line.taxRate,
    taxAmount: line.taxAmount,
  })),
  promotions: order.appliedPromotions.map(({ name, couponCode, amount }) => ({
    name,
    ...(couponCode ? { couponCode } : {}),
    amount,
  })),
  subtotal: order.subtotal,
  discountTotal: order.discountTotal,
  pointsRedeemed: order.pointsRedeemed,
  pointsDiscount: order.pointsDiscount,
  taxTotal: order.taxTotal,
  total: order.total,
  taxBreakdown: taxBreakdownOf(order.lines),
  payments: order.payments.map((payment) => ({
    method: payment.method,
    amount: payment.amount,
    ...(payment.reference ? { reference: payment.reference } : {}),
    at: payment.createdAt,
  })),
  amountPaid: order.amountPaid,
  pointsEarned: order.pointsEarned,
  creditNotes: order.refunds.flatMap((refund) =>
    refund.creditNoteNumber
      ? [
          {
            creditNoteNumber: refund.creditNoteNumber,
            refundId: refund.refundId,
            amount: refund.amount,
            tax: refund.tax,
            at: refund.createdAt,
          },
        ]
      : [],
  ),
});
