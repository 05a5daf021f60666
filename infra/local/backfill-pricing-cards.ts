import { ensureLivePromotionsCard } from '../../lib/promotions/promotion-repository.js';
import { ensureTaxRateCard, queryTaxRates } from '../../lib/tax/tax-rate-repository.js';

export interface PricingCardsBackfill {
  /** Regions that have rates, and how many of them got a card now. */
  regions: number;
  taxCardsWritten: number;
  promotionsCardWritten: boolean;
}

/** Every region with a rate, from gsi2's one listing partition (a Query, never a Scan). */
const regionsWithRates = async (): Promise<string[]> => {
  const regions = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await queryTaxRates({ limit: 100, cursor });
    for (const rate of page.items) regions.add(rate.region);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return [...regions].sort();
};

/**
 * Writes the rollups order placement reads (docs/runbooks/pricing-cards.md) where they are
 * missing: a rate card for every region with a rate and the live promotions card, each built
 * from the items it summarises and written only if still absent (`attribute_not_exists`), so
 * it is safe beside live admin changes and safe to re-run. With `rebuild`, every card is
 * rewritten from its items (conditional on the version read): run it once after the deploy,
 * with pricing changes paused, in case old code changed a rate or promotion without its card.
 */
export const backfillPricingCards = async (
  options: { rebuild?: boolean; now?: Date } = {},
): Promise<PricingCardsBackfill> => {
  const now = options.now ?? new Date();
  const regions = await regionsWithRates();
  let taxCardsWritten = 0;
  for (const region of regions) if (await ensureTaxRateCard(region, now, options)) taxCardsWritten++;
  const promotionsCardWritten = await ensureLivePromotionsCard(now, options);
  return { regions: regions.length, taxCardsWritten, promotionsCardWritten };
};
