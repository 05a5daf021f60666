import { tableName } from '../db/client.js';
import { ENTITY, promotionKeys } from '../db/keys.js';
import type { GuardedWrite } from '../db/transact.js';
import { ConflictError, defineProblem, documentProblem, ValidationError } from '../errors.js';
import * as z from '../zod.js';
import { applyPromotions, couponError } from './apply-promotions.js';
import { type LivePromotions, loadPricingPromotions } from './live-promotions.js';
import type { AppliedPromotion, PricedOrder, PricingContext, PricingLine } from './pricing-types.js';
import { findCouponOwner, findUsageCounts } from './promotion-repository.js';
import type { Promotion } from './promotion-schemas.js';

export type {
  AppliedPromotion,
  PricedLine,
  PricedOrder,
  PricingContext,
  PricingLine,
  PromotionLimits,
} from './pricing-types.js';

/** A promotion's limit was reached between pricing an order and writing it. */
export class PromotionExhaustedError extends ConflictError {
  static override readonly problem = defineProblem({
    slug: 'promotion-exhausted',
    status: 409,
    title: 'Promotion no longer available',
  });
}

/** What `PromotionExhaustedError` means, for the problem catalog and the OpenAPI document only. */
export const promotionExhaustedErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(PromotionExhaustedError, {
    description:
      'A limited promotion ran out between pricing and placing the order (`promotionId`): price it again.',
    extensions: { promotionId: z.string() },
  }))();

export const normaliseCouponCode = (code: string): string => code.trim().toUpperCase();

/**
 * Prices an order: takes the live promotions (the card of live promotions, read by the caller
 * with its other keys or here: live-promotions.ts), finds the coupon among them (its guard is
 * read only to say why a code that is not live fails), reads the usage counters the limited
 * promotions that could apply need (one BatchGet, only when there are such promotions: the card
 * keeps no counters, and this customer's uses of per-customer-limited ones), then applies the
 * pure rules of apply-promotions.ts.
 * An unknown, expired, out-of-scope or exhausted coupon → 400 on `body.couponCode`.
 */
export const priceOrder = async (
  lines: PricingLine[],
  context: PricingContext,
  /** The live promotions, if the caller read them already (placement does, with its other keys). */
  livePromotions: Promise<LivePromotions> = loadPricingPromotions(context.now),
): Promise<PricedOrder> => {
  const live = await livePromotions;
  let coupon: Promotion | undefined;
  if (context.couponCode !== undefined) {
    const code = normaliseCouponCode(context.couponCode);
    coupon = live.promotions.find((promotion) => promotion.couponCode === code);
    if (!coupon) {
      if (!(await findCouponOwner(code))) throw couponError('Unknown coupon code.');
      throw couponError('This coupon has expired or is disabled.');
    }
  }
  const couldApply = (p: Promotion) => p.couponCode === undefined || p === coupon;
  const limited = live.counted
    ? []
    : live.promotions.filter((p) => p.usageLimit !== undefined && couldApply(p)).map((p) => p.promotionId);
  const perCustomer = live.promotions
    .filter((p) => p.perCustomerLimit !== undefined && couldApply(p))
    .map((p) => p.promotionId);
  const counts = await findUsageCounts(limited, perCustomer, context.customerId);
  const counted = (p: Promotion): Promotion =>
    counts.used.has(p.promotionId) ? { ...p, usedCount: counts.used.get(p.promotionId) ?? 0 } : p;
  return applyPromotions({
    lines,
    context: {
      storeId: context.storeId,
      channel: context.channel,
      now: context.now,
      ...(context.customerId ? { customerId: context.customerId } : {}),
    },
    promotions: live.promotions.map(counted),
    ...(coupon ? { coupon: counted(coupon) } : {}),
    customerUses: counts.customerUses,
  });
};

const exhausted = (applied: AppliedPromotion, detail: string) => () =>
  new PromotionExhaustedError({
    detail: `${applied.name}: ${detail} Price the order again.`,
    extensions: { promotionId: applied.promotionId },
  });

/**
 * Writes that consume one use of each applied promotion that has limits (as recorded in
 * `applied[].limits` at pricing time): an atomic ADD on the promotion's `usedCount`,
 * conditional on its live `usageLimit`, and, for per-customer limits, an ADD on the
 * customer's usage item conditional on that limit. Concurrent orders therefore cannot use a
 * promotion more often than allowed: the losers get 409 `promotion-exhausted`.
 * Returns [] when nothing limited applies.
 */
export const promotionUsageWrites = (
  applied: AppliedPromotion[],
  customerId: string | undefined,
  now: Date,
): GuardedWrite[] =>
  applied.flatMap((promotion): GuardedWrite[] => {
    const { limits } = promotion;
    if (!limits) return [];
    const total: GuardedWrite = {
      write: {
        Update: {
          TableName: tableName(),
          Key: promotionKeys.item(promotion.promotionId),
          UpdateExpression: 'ADD usedCount :one',
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(usageLimit) OR usedCount < usageLimit)',
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
      onConditionFailed: exhausted(promotion, 'its usage limit has been reached.'),
    };
    if (limits.perCustomerLimit === undefined) return [total];
    if (!customerId)
      throw new ValidationError([
        {
          path: 'body.customerId',
          message: `${promotion.name} is limited per customer and needs a customer.`,
        },
      ]);
    const perCustomer: GuardedWrite = {
      write: {
        Update: {
          TableName: tableName(),
          Key: promotionKeys.usage(promotion.promotionId, customerId),
          UpdateExpression:
            'ADD usedCount :one SET entityType = :type, promotionId = :promotionId, customerId = :customerId, ' +
            'createdAt = if_not_exists(createdAt, :now), updatedAt = :now',
          ConditionExpression: 'attribute_not_exists(usedCount) OR usedCount < :limit',
          ExpressionAttributeValues: {
            ':one': 1,
            ':limit': limits.perCustomerLimit,
            ':type': ENTITY.promotionUsage,
            ':promotionId': promotion.promotionId,
            ':customerId': customerId,
            ':now': now.toISOString(),
          },
        },
      },
      onConditionFailed: exhausted(promotion, 'this customer has used it the maximum number of times.'),
    };
    return [total, perCustomer];
  });

/**
 * Gives back what `promotionUsageWrites` took for the same `applied` and customer (a pure
 * function of them, so the order's stored `appliedPromotions` release exactly what its sale
 * consumed). Run it once: in the same transaction as the order's conditional status change.
 * The only condition is that the items exist, so a cancel is never blocked by a limit.
 */
export const promotionUsageReleaseWrites = (
  applied: AppliedPromotion[],
  customerId: string | undefined,
  now: Date,
): GuardedWrite[] =>
  applied.flatMap((promotion): GuardedWrite[] => {
    const { limits } = promotion;
    if (!limits) return [];
    const writes: GuardedWrite[] = [
      {
        write: {
          Update: {
            TableName: tableName(),
            Key: promotionKeys.item(promotion.promotionId),
            UpdateExpression: 'ADD usedCount :minusOne',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':minusOne': -1 },
          },
        },
      },
    ];
    if (limits.perCustomerLimit !== undefined && customerId)
      writes.push({
        write: {
          Update: {
            TableName: tableName(),
            Key: promotionKeys.usage(promotion.promotionId, customerId),
            UpdateExpression: 'ADD usedCount :minusOne SET updatedAt = :now',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':minusOne': -1, ':now': now.toISOString() },
          },
        },
      });
    return writes;
  });
