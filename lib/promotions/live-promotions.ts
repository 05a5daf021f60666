import { promotionKeys } from '../db/keys.js';
import { getItem } from '../db/query-page.js';
import { cardFromItem } from './live-promotions-card.js';
import { loadLivePromotions } from './promotion-repository.js';
import type { Promotion } from './promotion-schemas.js';

/** The live promotions pricing applies, and whether their `usedCount` was read with them. */
export interface LivePromotions {
  promotions: Promotion[];
  /** False when they came from the card, which keeps no counters: pricing reads the ones it needs. */
  counted: boolean;
}

/**
 * The live promotions from the card's item (as the caller's BatchGet returned it; the card is
 * read eventually consistent, as the gsi1 Query it replaces always was), or, where there is no
 * card yet (a stage not backfilled: docs/runbooks/pricing-cards.md), from that Query.
 */
export const livePromotionsFrom = async (
  cardItem: Record<string, unknown> | undefined,
  now: Date,
): Promise<LivePromotions> => {
  const card = cardFromItem(cardItem);
  if (!card) return { promotions: await loadLivePromotions(now), counted: true };
  const at = now.toISOString();
  return {
    // usedCount 0 stands in until pricing reads the counters of the limited ones it may apply.
    promotions: card.promotions.filter((p) => p.endsAt >= at).map((p) => ({ ...p, usedCount: 0 })),
    counted: false,
  };
};

/** The card's read on its own, for pricing outside order placement. */
export const loadPricingPromotions = async (now: Date): Promise<LivePromotions> =>
  livePromotionsFrom(await getItem(promotionKeys.liveCard(), false), now);
