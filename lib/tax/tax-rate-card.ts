import { ENTITY, taxRateKeys } from '../db/keys.js';
import { ConflictError } from '../errors.js';
import { DEFAULT_TAX_CATEGORY, type TaxRate } from './tax-rate-schemas.js';

/** The rate a line is taxed at, as the order records it. */
export interface LineTaxRate {
  /** Absent when the region has no rate for the category (nor a default): taxed at 0. */
  taxRateId?: string;
  /** The category the rate is set for: the product's, or `default`. */
  taxCategory: string;
  taxName: string;
  /** Basis points. */
  taxRate: number;
}

export const UNTAXED = (category: string): LineTaxRate => ({
  taxCategory: category,
  taxName: 'Tax',
  taxRate: 0,
});

/** The line rate of a stored rate. */
export const lineRateOf = (rate: CardRate): LineTaxRate => ({
  taxRateId: rate.taxRateId,
  taxCategory: rate.category,
  taxName: rate.name,
  taxRate: rate.rate,
});

/** What the card keeps of a rate: enough to tax a line and record the rate on the order. */
export type CardRate = Pick<TaxRate, 'taxRateId' | 'category' | 'name' | 'rate' | 'effectiveFrom'>;

/**
 * A region's rate card: every rate that is in force or scheduled, per category, so that order
 * placement resolves any line's rate at any instant from `exactFrom` on with one read by key.
 * Rates superseded before the card was last written are dropped; `exactFrom` is the latest
 * instant from which a dropped rate no longer applies, so an order placed before it (a
 * back-dated seed, a clock behind) is taxed through the Queries instead (rates-in-force.ts).
 */
export interface TaxRateCard {
  region: string;
  rates: CardRate[];
  exactFrom?: string;
}

/**
 * In force or scheduled, per region. Bounded so the card stays a small item (about 130 bytes a
 * rate: 100 rates are 13 KB, read for 2 RCU eventually consistent); a region that needs more
 * has more categories than a store group sells.
 */
export const MAX_CARD_RATES = 100;

const cardRateOf = (rate: CardRate): CardRate => ({
  taxRateId: rate.taxRateId,
  category: rate.category,
  name: rate.name,
  rate: rate.rate,
  effectiveFrom: rate.effectiveFrom,
});

/** The newest rate of `category` in force at `at` (ISO instant), if any. */
const newestInForce = (rates: readonly CardRate[], category: string, at: string): CardRate | undefined => {
  let newest: CardRate | undefined;
  for (const rate of rates)
    if (
      rate.category === category &&
      rate.effectiveFrom <= at &&
      (!newest || rate.effectiveFrom > newest.effectiveFrom)
    )
      newest = rate;
  return newest;
};

/**
 * Drops every rate superseded at `now` (another rate of its category took effect after it and
 * by `now`), moving `exactFrom` to the instant the superseding rate took effect.
 */
export const pruneCard = (card: TaxRateCard, now: Date): TaxRateCard => {
  const at = now.toISOString();
  let exactFrom = card.exactFrom;
  const kept = card.rates.filter((rate) => {
    const current = newestInForce(card.rates, rate.category, at);
    if (!current || rate.effectiveFrom >= current.effectiveFrom) return true;
    if (!exactFrom || current.effectiveFrom > exactFrom) exactFrom = current.effectiveFrom;
    return false;
  });
  return { region: card.region, rates: kept, ...(exactFrom ? { exactFrom } : {}) };
};

/** The card with `rate` added, pruned at `now`; 409 when the region would hold too many rates. */
export const cardWithRate = (card: TaxRateCard, rate: CardRate, now: Date): TaxRateCard => {
  const next = pruneCard({ ...card, rates: [...card.rates, cardRateOf(rate)] }, now);
  if (next.rates.length > MAX_CARD_RATES)
    throw new ConflictError({
      detail: `Region ${card.region} already has ${MAX_CARD_RATES} rates in force or scheduled; a region holds at most ${MAX_CARD_RATES}.`,
      errors: [
        { path: 'body.region', message: `At most ${MAX_CARD_RATES} rates in force or scheduled per region.` },
      ],
    });
  return next;
};

/** The card's item (the version is added by rollupWrite). */
export const cardItem = (card: TaxRateCard) => ({
  ...taxRateKeys.card(card.region),
  entityType: ENTITY.taxRateCard,
  ...card,
});

/** The card as read from its item (undefined for none). */
export const cardFromItem = (item: Record<string, unknown> | undefined): TaxRateCard | undefined =>
  item && Array.isArray(item.rates) && typeof item.region === 'string'
    ? {
        region: item.region,
        rates: item.rates as CardRate[],
        ...(typeof item.exactFrom === 'string' ? { exactFrom: item.exactFrom } : {}),
      }
    : undefined;

/**
 * The rate in force at `at` for each category, as `ratesInForce` answers it (the category's
 * own rate, else the region's `default`, else untaxed at 0), or undefined when `at` is before
 * the card's `exactFrom` and only the Queries can answer.
 */
export const ratesFromCard = (
  card: TaxRateCard,
  categories: readonly string[],
  at: Date,
): Map<string, LineTaxRate> | undefined => {
  const instant = at.toISOString();
  if (card.exactFrom && instant < card.exactFrom) return undefined;
  const fallback = newestInForce(card.rates, DEFAULT_TAX_CATEGORY, instant);
  return new Map(
    [...new Set(categories)].map((category) => {
      const rate = newestInForce(card.rates, category, instant) ?? fallback;
      return [category, rate ? lineRateOf(rate) : UNTAXED(category)];
    }),
  );
};
