import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import { newItemMeta, type SystemActor } from '../db/item-meta.js';
import type { Page } from '../db/query-page.js';
import { NotFoundError } from '../errors.js';
import { findTaxRate, insertTaxRate, queryTaxRates } from './tax-rate-repository.js';
import type { CreateTaxRateInput, ListTaxRatesQuery, TaxRate } from './tax-rate-schemas.js';

export const newTaxRateId = (): string => `tx_${ulid().toLowerCase()}`;

/**
 * Rates are never changed in place: an order records the rate it used, and a new rate (a later
 * `effectiveFrom`) replaces the old one from that instant on; a rate of 0 ends a tax.
 */
export const createTaxRate = async (
  actor: Principal | SystemActor,
  input: CreateTaxRateInput,
  options: { taxRateId?: string; now?: Date } = {},
): Promise<TaxRate> => {
  const now = options.now ?? new Date();
  const rate: TaxRate = {
    taxRateId: options.taxRateId ?? newTaxRateId(),
    ...input,
    ...newItemMeta(actor, now),
  };
  await insertTaxRate(rate, now);
  return rate;
};

export const getTaxRate = async (taxRateId: string): Promise<TaxRate> => {
  const rate = await findTaxRate(taxRateId);
  if (!rate) throw new NotFoundError({ detail: `Tax rate ${taxRateId} was not found.` });
  return rate;
};

export const listTaxRates = (query: ListTaxRatesQuery): Promise<Page<TaxRate>> => queryTaxRates(query);
