import { findRateInForce } from './tax-rate-repository.js';
import { DEFAULT_TAX_CATEGORY } from './tax-rate-schemas.js';

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

const UNTAXED = (category: string): LineTaxRate => ({ taxCategory: category, taxName: 'Tax', taxRate: 0 });

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
      return [
        category,
        rate
          ? { taxRateId: rate.taxRateId, taxCategory: rate.category, taxName: rate.name, taxRate: rate.rate }
          : UNTAXED(category),
      ];
    }),
  );
};
