import { createStore } from '../../lib/stores/store-service.js';
import { CreateTaxRateBody } from '../../lib/tax/tax-rate-schemas.js';
import { createTaxRate } from '../../lib/tax/tax-rate-service.js';
import { admin, storeInput, uniqueSuffix } from './fixtures.js';

/** A region of its own per test, so rates set in one test never price another's orders. */
export const newRegion = (): string => `t-${uniqueSuffix().toLowerCase()}`;

export const addRate = (
  region: string,
  category: string,
  rate: number,
  effectiveFrom: string,
  name = 'GST',
) => createTaxRate(admin, CreateTaxRateBody.parse({ region, category, rate, name, effectiveFrom }));

const LONG_AGO = '2000-07-01T00:00:00+10:00';

/**
 * A selling store in a new region with GST 10% on everything but contact lenses (0%), prices
 * tax-inclusive (AU) unless told otherwise.
 */
export const newTaxedStore = async (
  options: { pricesIncludeTax?: boolean; country?: 'AU' | 'US' | 'CA' | 'CN' | 'NZ' } = {},
): Promise<{ storeId: string; code: string; region: string }> => {
  const region = newRegion();
  await addRate(region, 'default', 1000, LONG_AGO);
  await addRate(region, 'contact-lenses', 0, LONG_AGO, 'GST-free');
  const input = storeInput({ region, channels: ['in_store', 'online'] });
  const store = await createStore(admin, {
    ...input,
    address: { ...input.address, country: options.country ?? 'AU' },
    ...(options.pricesIncludeTax === undefined ? {} : { pricesIncludeTax: options.pricesIncludeTax }),
  });
  return { storeId: store.storeId, code: store.code, region };
};
