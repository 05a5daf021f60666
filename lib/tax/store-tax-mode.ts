import { defaultPricesIncludeTax } from './tax-math.js';

/** A store's price mode: its own setting, or its country's custom when it has none. */
export const pricesIncludeTaxOf = (store: {
  pricesIncludeTax?: boolean | undefined;
  address: { country: string };
}): boolean => store.pricesIncludeTax ?? defaultPricesIncludeTax(store.address.country);
