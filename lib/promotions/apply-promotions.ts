import { ValidationError } from '../errors.js';
import { allocateProportionally, percentOf } from './discount-math.js';
import type { AppliedPromotion, PricedLine, PricedOrder, PricingLine } from './pricing-types.js';
import { type EligibilityContext, ineligibilityReason, lineInScope } from './promotion-eligibility.js';
import type { Promotion, SalesChannel } from './promotion-schemas.js';

/**
 * The pricing rules, pure (no I/O, so every rule is unit-tested; docs/data-model.md (Promotions)):
 *
 * 1. Eligibility: active, startsAt <= now < endsAt, store, channel, currency, usage limits.
 *    A promotion with a coupon code applies only when that code is entered; at most one code.
 * 2. Line stage (`percentage`, `fixed_amount`), per line: the best non-stackable promotion in
 *    scope (ties: the coupon, then the lower id) plus every stackable one, each computed on the
 *    line subtotal and capped at what is left of the line. Percentages round half up per line;
 *    `fixed_amount` is `amountOff` per unit, capped at the unit price.
 * 3. Order stage (`spend_threshold`), on line totals after the line stage: a promotion
 *    qualifies when its in-scope spend reaches `minSpend`; the best non-stackable one plus every
 *    stackable one apply, each capped at the in-scope total left, and allocated across its lines
 *    in proportion to their totals (leftover cents on the largest line), so line discounts
 *    always sum to the order's discount and no line goes below zero.
 * 4. A coupon that ends up giving nothing is refused (400 on `body.couponCode`) rather than
 *    silently ignored, so the till can tell the customer why.
 */
export interface PricingInput {
  lines: readonly PricingLine[];
  context: { storeId: string; channel: SalesChannel; customerId?: string; now: Date };
  /** Candidate promotions (e.g. every active one that has not ended); ineligible ones are skipped. */
  promotions: readonly Promotion[];
  /** The promotion the entered coupon code belongs to. */
  coupon?: Promotion;
  /** Uses of per-customer-limited promotions by the order's customer, by promotion id. */
  customerUses?: ReadonlyMap<string, number>;
}

const COUPON_PATH = 'body.couponCode';

export const couponError = (message: string): ValidationError =>
  new ValidationError([{ path: COUPON_PATH, message }], 'This coupon cannot be used on this order.');

const orderCurrency = (lines: readonly PricingLine[]): string => {
  const first = lines[0];
  if (!first)
    throw new ValidationError([{ path: 'body.lines', message: 'An order needs at least one line.' }]);
  lines.forEach((line, index) => {
    if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0)
      throw new Error(`Line ${index}: unitPrice must be a non-negative integer in minor units`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1)
      throw new Error(`Line ${index}: quantity must be a positive integer`);
  });
  if (lines.some((line) => line.currency !== first.currency))
    throw new ValidationError([
      { path: 'body.lines', message: 'Every line must be priced in the same currency.' },
    ]);
  return first.currency;
};

/** Best first: larger discount, then the coupon, then the lower id (deterministic). */
const byBenefit =
  (couponId: string | undefined) =>
  (a: { promotion: Promotion; amount: number }, b: { promotion: Promotion; amount: number }): number =>
    b.amount - a.amount ||
    Number(b.promotion.promotionId === couponId) - Number(a.promotion.promotionId === couponId) ||
    a.promotion.promotionId.localeCompare(b.promotion.promotionId);

const byId = (a: Promotion, b: Promotion) => a.promotionId.localeCompare(b.promotionId);

/** One non-stackable winner (if any gives something) followed by every stackable candidate. */
const combine = (
  candidates: { promotion: Promotion; amount: number }[],
  couponId: string | undefined,
): Promotion[] => {
  const [best] = candidates.filter((c) => !c.promotion.stackable && c.amount > 0).sort(byBenefit(couponId));
  const stackable = candidates
    .filter((c) => c.promotion.stackable)
    .map((c) => c.promotion)
    .sort(byId);
  return [...(best ? [best.promotion] : []), ...stackable];
};

const lineAmount = (promotion: Promotion, line: PricingLine, subtotal: number): number => {
  if (promotion.type === 'percentage') return percentOf(subtotal, promotion.percentOff ?? 0);
  if (promotion.type === 'fixed_amount')
    return Math.min(promotion.amountOff ?? 0, line.unitPrice) * line.quantity;
  return 0;
};

export const applyPromotions = (input: PricingInput): PricedOrder => {
  const currency = orderCurrency(input.lines);
  const eligibility: EligibilityContext = {
    ...input.context,
    currency,
    customerUses: input.customerUses ?? new Map(),
  };
  const { coupon } = input;
  if (coupon) {
    const reason = ineligibilityReason(coupon, eligibility);
    if (reason) throw couponError(`This coupon ${reason}`);
  }
  const automatic = input.promotions.filter(
    (p) => p.couponCode === undefined && ineligibilityReason(p, eligibility) === undefined,
  );
  const eligible = coupon ? [...automatic, coupon] : automatic;
  const couponId = coupon?.promotionId;

  const lines = input.lines.map((line) => {
    const lineSubtotal = line.unitPrice * line.quantity;
    return { ...line, lineSubtotal, discount: 0, lineTotal: lineSubtotal };
  });
  const applied = new Map<string, AppliedPromotion>();
  const record = (promotion: Promotion, line: PricedLine, amount: number) => {
    if (amount <= 0) return;
    line.discount += amount;
    line.lineTotal -= amount;
    const entry = applied.get(promotion.promotionId) ?? toApplied(promotion);
    entry.amount += amount;
    applied.set(promotion.promotionId, entry);
  };

  // Line stage.
  const lineLevel = eligible.filter((p) => p.type !== 'spend_threshold');
  for (const line of lines) {
    const candidates = lineLevel
      .filter((promotion) => lineInScope(promotion.scope, line))
      .map((promotion) => ({ promotion, amount: lineAmount(promotion, line, line.lineSubtotal) }));
    for (const promotion of combine(candidates, couponId)) {
      record(promotion, line, Math.min(lineAmount(promotion, line, line.lineSubtotal), line.lineTotal));
    }
  }

  // Order stage: qualification and the best choice use the totals after the line stage.
  const inScopeLines = (promotion: Promotion) => lines.filter((line) => lineInScope(promotion.scope, line));
  const spendOf = (promotion: Promotion) =>
    inScopeLines(promotion).reduce((sum, line) => sum + line.lineTotal, 0);
  const spends = eligible
    .filter((p) => p.type === 'spend_threshold')
    .map((promotion) => ({ promotion, spend: spendOf(promotion) }));
  const thresholds = spends
    .filter(({ promotion, spend }) => spend > 0 && spend >= (promotion.minSpend ?? 0))
    .map(({ promotion, spend }) => ({ promotion, amount: Math.min(promotion.amountOff ?? 0, spend) }));
  for (const promotion of combine(thresholds, couponId)) {
    const targets = inScopeLines(promotion);
    const amount = Math.min(promotion.amountOff ?? 0, spendOf(promotion));
    const shares = allocateProportionally(
      amount,
      targets.map((line) => line.lineTotal),
    );
    targets.forEach((line, index) => {
      record(promotion, line, shares[index] ?? 0);
    });
  }

  if (coupon && !applied.has(coupon.promotionId)) {
    const spend = spends.find((s) => s.promotion === coupon)?.spend ?? 0;
    throw couponError(whyCouponGaveNothing(coupon, input.lines, spend));
  }

  const subtotal = lines.reduce((sum, line) => sum + line.lineSubtotal, 0);
  const discountTotal = lines.reduce((sum, line) => sum + line.discount, 0);
  return {
    currency,
    lines,
    subtotal,
    discountTotal,
    total: subtotal - discountTotal,
    appliedPromotions: [...applied.values()],
  };
};

const toApplied = (promotion: Promotion): AppliedPromotion => {
  const limited = promotion.usageLimit !== undefined || promotion.perCustomerLimit !== undefined;
  return {
    promotionId: promotion.promotionId,
    name: promotion.name,
    ...(promotion.couponCode ? { couponCode: promotion.couponCode } : {}),
    amount: 0,
    ...(limited
      ? {
          limits: {
            ...(promotion.usageLimit !== undefined ? { usageLimit: promotion.usageLimit } : {}),
            ...(promotion.perCustomerLimit !== undefined
              ? { perCustomerLimit: promotion.perCustomerLimit }
              : {}),
          },
        }
      : {}),
  };
};

const whyCouponGaveNothing = (coupon: Promotion, lines: readonly PricingLine[], spend: number): string => {
  if (!lines.some((line) => lineInScope(coupon.scope, line)))
    return 'This coupon does not apply to any item in this order.';
  if (coupon.type === 'spend_threshold' && spend < (coupon.minSpend ?? 0))
    return `This coupon needs a spend of at least ${coupon.minSpend} on eligible items; this order has ${spend} (minor units).`;
  return 'This coupon gives no further discount: a better offer already applies to these items.';
};
