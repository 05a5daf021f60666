import type { Principal } from '../auth/principal.js';
import type { SystemActor } from '../db/item-meta.js';
import type { PricedOrder } from '../promotions/pricing.js';
import type { ResolvedLine } from './order-catalog.js';
import type { CreateOrderInput, Order, OrderLine } from './order-schemas.js';
import { orderLevelShares } from './order-totals.js';

export interface OrderDraft {
  orderId: string;
  input: CreateOrderInput;
  resolved: readonly ResolvedLine[];
  priced: PricedOrder;
  redemption: { points: number; value: number };
  actor: Principal | SystemActor;
  now: Date;
  paymentTimeoutMinutes: number;
}

/**
 * Pure: the new order from its priced lines. Order-level reductions are spread over the
 * lines so each line knows what the customer paid for it (refunds price units from that).
 * A total of zero (fully paid with points) needs no payment and starts PAID.
 */
export const buildOrder = (draft: OrderDraft): Order => {
  const { input, priced, redemption, now } = draft;
  const at = now.toISOString();
  const total = priced.total - redemption.value;
  const shares = orderLevelShares(priced.lines, total);
  const resolvedBySku = new Map(draft.resolved.map((line) => [line.sku, line]));
  const lines: OrderLine[] = priced.lines.map((line, index) => {
    const allocatedDiscount = shares[index] ?? 0;
    const resolved = resolvedBySku.get(line.sku);
    return {
      sku: line.sku,
      productId: line.productId,
      name: resolved?.name ?? line.sku,
      options: resolved?.options ?? {},
      category: line.category,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      lineSubtotal: line.lineSubtotal,
      discount: line.discount,
      lineTotal: line.lineTotal,
      allocatedDiscount,
      netTotal: line.lineTotal - allocatedDiscount,
      refundedQuantity: 0,
    };
  });
  const paidInFull = total === 0;
  return {
    orderId: draft.orderId,
    storeId: input.storeId,
    channel: input.channel,
    ...(input.customerId ? { customerId: input.customerId } : {}),
    status: paidInFull ? 'PAID' : 'PENDING_PAYMENT',
    currency: priced.currency,
    lines,
    ...(input.couponCode ? { couponCode: input.couponCode } : {}),
    appliedPromotions: priced.appliedPromotions.map((promotion) => ({ ...promotion })),
    subtotal: priced.subtotal,
    discountTotal: priced.discountTotal,
    pointsRedeemed: redemption.points,
    pointsDiscount: redemption.value,
    total,
    amountPaid: 0,
    amountDue: total,
    amountRefunded: 0,
    refundableAmount: 0,
    pointsEarned: 0,
    expiresAt: new Date(now.getTime() + draft.paymentTimeoutMinutes * 60_000).toISOString(),
    ...(paidInFull ? { paidAt: at } : {}),
    createdBy: draft.actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
    updatedBy: draft.actor.userId,
  };
};

/** The next version of an order after a change by `actor`. */
export const advance = (
  order: Order,
  actor: Principal | SystemActor,
  now: Date,
  changes: Partial<Order>,
): Order => ({
  ...order,
  ...changes,
  version: order.version + 1,
  updatedAt: now.toISOString(),
  updatedBy: actor.userId,
});
