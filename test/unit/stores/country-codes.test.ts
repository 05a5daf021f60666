import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CountryCode, ISO_3166_ALPHA_2 } from '../../../lib/stores/country-codes.js';
import { Address } from '../../../lib/stores/store-schemas.js';
import { CreateSupplierBody } from '../../../lib/suppliers/supplier-schemas.js';

const regionName = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const address = (country: unknown) => ({ line1: '1 George St', city: 'Sydney', postcode: '2000', country });

describe('ISO 3166-1 alpha-2 country codes', () => {
  it('are the 249 assigned codes, each once, each a country or territory ICU can name', () => {
    expect(ISO_3166_ALPHA_2).toHaveLength(249);
    expect(new Set(ISO_3166_ALPHA_2).size).toBe(249);
    for (const code of ISO_3166_ALPHA_2) expect(regionName.of(code), code).not.toBe(code);
  });

  it('accept every assigned code, and nothing else of two letters', () => {
    const assigned = new Set<string>(ISO_3166_ALPHA_2);
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{2}$/), (code) => {
        expect(CountryCode.safeParse(code).success).toBe(assigned.has(code));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuse reserved, user-assigned and mis-cased codes that look like countries', () => {
    for (const code of ['EU', 'UK', 'XK', 'ZZ', 'AA', 'QO', 'UN', 'EZ', 'au', 'Au', 'AUS', '', ' AU']) {
      expect(CountryCode.safeParse(code).success, code).toBe(false);
    }
  });

  it('guard every address: stores and suppliers, naming the field', () => {
    expect(Address.safeParse(address('NZ')).success).toBe(true);
    const store = Address.safeParse(address('UK'));
    expect(store.success).toBe(false);
    expect(store.error?.issues[0]?.path).toEqual(['country']);
    expect(store.error?.issues[0]?.message).toMatch(/ISO 3166-1 alpha-2/);
    const supplier = CreateSupplierBody.safeParse({
      name: 'Optics',
      currency: 'AUD',
      address: address('XK'),
    });
    expect(supplier.error?.issues[0]?.path).toEqual(['address', 'country']);
  });
});
