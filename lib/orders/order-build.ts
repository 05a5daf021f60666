import type { Principal } from '../auth/principal.js';
import type { SystemActor } from '../db/item-meta.js';
import type { PricedOrder } from '../promotions/pricing.js';
import type { LineTaxRate } from '../tax/rates-in-force.js';
import { lineTax } from '../tax/tax-math.js';
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
  /** The store's price mode and the rate in force per product category. */
  tax: { pricesIncludeTax: boolean; rates: ReadonlyMap<string, LineTaxRate> };
}

const UNTAXED: LineTaxRate = { taxCategory: 'default', taxName: 'Tax', taxRate: 0 };

/**
 * Pure: the new order from its priced lines. Order-level reductions are spread over the
 * lines so each line knows what the customer paid for it (refunds price units from that).
 * Tax is then computed per line on that amount, after promotions and points (docs/tax.md):
 * contained in it when prices include tax, added to it when they do not.
 * A total of zero (fully paid with points) needs no payment and starts PAID.
 */
export const buildOrder = (draft: OrderDraft): Order => {
  const { input, priced, redemption, now } = draft;
  const { pricesIncludeTax } = draft.tax;
  const at = now.toISOString();
  const beforeTax = priced.total - redemption.value;
  const shares = orderLevelShares(priced.lines, beforeTax);
  const resolvedBySku = new Map(draft.resolved.map((line) => [line.sku, line]));
  const lines: OrderLine[] = priced.lines.map((line, index) => {
    const allocatedDiscount = shares[index] ?? 0;
    const resolved = resolvedBySku.get(line.sku);
    const rate = draft.tax.rates.get(line.category) ?? { ...UNTAXED, taxCategory: line.category };
    const taxable = line.lineTotal - allocatedDiscount;
    const taxAmount = lineTax(taxable, rate.taxRate, pricesIncludeTax);
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
      netTotal: pricesIncludeTax ? taxable : taxable + taxAmount,
      ...(rate.taxRateId ? { taxRateId: rate.taxRateId } : {}),
      taxCategory: rate.taxCategory,
      taxName: rate.taxName,
      taxRate: rate.taxRate,
      taxAmount,
      refundedQuantity: 0,
    };
  });
  const taxTotal = lines.reduce((sum, line) => sum + line.taxAmount, 0);
  const total = pricesIncludeTax ? beforeTax : beforeTax + taxTotal;
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
    pricesIncludeTax,
    taxTotal,
    taxRefunded: 0,
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
