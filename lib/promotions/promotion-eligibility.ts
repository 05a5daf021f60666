import type { PricingLine } from './pricing-types.js';
import type { Promotion, PromotionScope, SalesChannel } from './promotion-schemas.js';

export type PromotionPhase = 'scheduled' | 'running' | 'ended';

/** Running means startsAt <= now < endsAt. */
export const phaseOf = (promotion: Pick<Promotion, 'startsAt' | 'endsAt'>, now: Date): PromotionPhase => {
  const at = now.toISOString();
  if (at < promotion.startsAt) return 'scheduled';
  return at < promotion.endsAt ? 'running' : 'ended';
};

export interface EligibilityContext {
  storeId: string;
  channel: SalesChannel;
  customerId?: string;
  currency: string;
  now: Date;
  /** Uses of each per-customer-limited promotion by this order's customer. */
  customerUses: ReadonlyMap<string, number>;
}

/**
 * Why a promotion cannot apply to this order at all (before looking at its lines), or
 * undefined when it can. The reason completes the sentence "This coupon …".
 */
export const ineligibilityReason = (
  promotion: Promotion,
  context: EligibilityContext,
): string | undefined => {
  if (promotion.status !== 'active') return 'is disabled.';
  const phase = phaseOf(promotion, context.now);
  if (phase === 'scheduled') return `is not valid until ${promotion.startsAt}.`;
  if (phase === 'ended') return 'has expired.';
  if (promotion.storeIds && !promotion.storeIds.includes(context.storeId))
    return 'does not apply at this store.';
  if (promotion.channels && !promotion.channels.includes(context.channel))
    return `does not apply to ${context.channel} sales.`;
  if (promotion.currency && promotion.currency !== context.currency)
    return `is for ${promotion.currency} orders only.`;
  if (promotion.usageLimit !== undefined && promotion.usedCount >= promotion.usageLimit)
    return 'has been used up.';
  if (promotion.perCustomerLimit !== undefined) {
    if (!context.customerId) return 'needs a customer on the order.';
    if ((context.customerUses.get(promotion.promotionId) ?? 0) >= promotion.perCustomerLimit)
      return 'has already been used the maximum number of times by this customer.';
  }
  return undefined;
};

export const lineInScope = (scope: PromotionScope, line: Pick<PricingLine, 'sku' | 'category'>): boolean => {
  if (scope.appliesTo === 'categories') return scope.categories?.includes(line.category) ?? false;
  if (scope.appliesTo === 'skus') return scope.skus?.includes(line.sku) ?? false;
  return true;
};
