import { ENTITY, promotionKeys } from '../db/keys.js';
import { approximateBytes, ROLLUP_MAX_BYTES } from '../db/rollup-item.js';
import { ConflictError } from '../errors.js';
import type { Promotion } from './promotion-schemas.js';

/** A promotion as the card keeps it: everything pricing reads but the usage counter, which sales move. */
export type CardPromotion = Omit<Promotion, 'usedCount'>;

/**
 * Every live promotion (active and not ended: running or scheduled) in one item, read by order
 * placement with its other keys instead of a Query of gsi1. Rewritten with every change to a
 * promotion (promotion-repository.ts); promotions that ended are dropped whenever it is.
 */
export interface LivePromotionsCard {
  promotions: CardPromotion[];
}

/**
 * Live at once, across the group. Bounded so the card stays one item well under DynamoDB's
 * 400 KB (a promotion is 0.4–1 KB; one with a long SKU list more, hence the byte bound too).
 * Every order reads the card (0.5 RCU per 4 KB, eventually consistent), as it read every live
 * promotion through gsi1 before: ended promotions drop out of it at the next change.
 */
export const MAX_LIVE_PROMOTIONS = 200;

export const isLive = (promotion: Pick<Promotion, 'status' | 'endsAt'>, now: Date): boolean =>
  promotion.status === 'active' && promotion.endsAt >= now.toISOString();

const cardPromotionOf = (promotion: Promotion | CardPromotion): CardPromotion => {
  const { usedCount: _counter, ...rest } = promotion as Promotion;
  return rest;
};

export const cardOf = (promotions: readonly Promotion[], now: Date): LivePromotionsCard => ({
  promotions: promotions.filter((promotion) => isLive(promotion, now)).map(cardPromotionOf),
});

const tooMany = (detail: string) =>
  new ConflictError({
    detail,
    errors: [{ path: 'body.status', message: 'Disable or end another live promotion first.' }],
  });

/**
 * The card with `promotion` as it now is (in, if live; out, if not), ended promotions dropped;
 * undefined when nothing changes (a promotion that was not live and still is not). 409 when
 * the group would have more live promotions than the card holds.
 */
export const cardWithPromotion = (
  card: LivePromotionsCard,
  promotion: Promotion,
  now: Date,
): LivePromotionsCard | undefined => {
  const others = card.promotions.filter((p) => p.promotionId !== promotion.promotionId);
  const live = isLive(promotion, now);
  if (!live && others.length === card.promotions.length) return undefined;
  const promotions = [...others.filter((p) => isLive(p, now)), ...(live ? [cardPromotionOf(promotion)] : [])];
  if (live && promotions.length > MAX_LIVE_PROMOTIONS)
    throw tooMany(
      `The group already has ${MAX_LIVE_PROMOTIONS} live promotions, the most it may have at once.`,
    );
  if (live && approximateBytes(promotions) > ROLLUP_MAX_BYTES)
    throw tooMany(
      'The live promotions together would exceed what one item may hold; end or shorten one first.',
    );
  return { promotions };
};

export const cardItem = (card: LivePromotionsCard) => ({
  ...promotionKeys.liveCard(),
  entityType: ENTITY.livePromotionsCard,
  promotions: card.promotions,
});

export const cardFromItem = (item: Record<string, unknown> | undefined): LivePromotionsCard | undefined =>
  item && Array.isArray(item.promotions) ? { promotions: item.promotions as CardPromotion[] } : undefined;
