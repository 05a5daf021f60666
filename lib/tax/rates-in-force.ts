import { type LineTaxRate, lineRateOf, ratesFromCard, type TaxRateCard, UNTAXED } from './tax-rate-card.js';
import { findRateInForce } from './tax-rate-repository.js';
import { DEFAULT_TAX_CATEGORY } from './tax-rate-schemas.js';

export type { LineTaxRate } from './tax-rate-card.js';

/**
 * The rate in force at `at` for each product category of an order in the store's region: per
 * category one Query on its key (newest `effectiveFrom <= at`), falling back to the region's
 * `default` rate (one more Query, run alongside). Never a Scan.
 */
export const ratesInForce = async (
  region: string,
  categories: readonly string[],
  at: Date,
): Promise<Map<string, LineTaxRate>> => {
  const distinct = [...new Set(categories)];
  const [fallback, ...own] = await Promise.all([
    findRateInForce(region, DEFAULT_TAX_CATEGORY, at),
    ...distinct.map((category) => findRateInForce(region, category, at)),
  ]);
  return new Map(
    distinct.map((category, index) => {
      const rate = own[index] ?? fallback;
      return [category, rate ? lineRateOf(rate) : UNTAXED(category)];
    }),
  );
};

/**
 * The same answer from the region's rate card when it has one that covers `at` (no read at
 * all: the card came with the caller's BatchGet), else from the Queries: a region without a
 * card (no rate yet, or a stage not backfilled: docs/runbooks/pricing-cards.md) or an order
 * placed before the card's `exactFrom`.
 */
export const ratesInForceFrom = (
  card: TaxRateCard | undefined,
  region: string,
  categories: readonly string[],
  at: Date,
): Promise<Map<string, LineTaxRate>> => {
  const fromCard = card && card.region === region ? ratesFromCard(card, categories, at) : undefined;
  return fromCard ? Promise.resolve(fromCard) : ratesInForce(region, categories, at);
};
