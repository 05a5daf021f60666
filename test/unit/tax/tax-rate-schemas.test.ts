import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreateTaxRateBody, ListTaxRatesQuery } from '../../../lib/tax/tax-rate-schemas.js';

const good = {
  region: 'nsw',
  category: 'default',
  name: 'GST',
  rate: 1000,
  effectiveFrom: '2000-07-01T00:00:00+10:00',
};
const pathsOf = (input: unknown) => {
  const result = CreateTaxRateBody.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('CreateTaxRateBody', () => {
  it('accepts a rate and stores its instant in UTC', () => {
    expect(CreateTaxRateBody.parse(good).effectiveFrom).toBe('2000-06-30T14:00:00.000Z');
    expect(CreateTaxRateBody.parse({ ...good, rate: 0 }).rate).toBe(0);
    expect(CreateTaxRateBody.parse({ ...good, rate: 10_000 }).rate).toBe(10_000);
  });

  it('refuses any rate that is not a whole number of basis points from 0 to 10000', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 10_001 }),
          fc.integer({ max: -1 }),
          fc.double({ noInteger: true }),
          fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1e30),
          fc.string(),
          fc.boolean(),
          fc.constant(null),
        ),
        (rate) => {
          expect(new Set(pathsOf({ ...good, rate }))).toEqual(new Set(['rate']));
        },
      ),
    );
  });

  it('refuses instants without a time or an offset, and unknown fields', () => {
    for (const effectiveFrom of ['2000-07-01', '2000-07-01T00:00:00', 'yesterday', '', 20000701])
      expect(pathsOf({ ...good, effectiveFrom })).toEqual(['effectiveFrom']);
    expect(pathsOf({ ...good, storeId: 'st_x' })).toEqual(['']);
    for (const region of ['NSW', 'n', 'nsw#vic', ''])
      expect(pathsOf({ ...good, region })).toEqual(['region']);
    for (const category of ['Lens Care', 'lens-care#x', ''])
      expect(pathsOf({ ...good, category })).toEqual(['category']);
  });
});

describe('ListTaxRatesQuery', () => {
  it('needs a region to filter by category', () => {
    expect(ListTaxRatesQuery.safeParse({ category: 'default' }).success).toBe(false);
    expect(ListTaxRatesQuery.parse({ region: 'nsw', category: 'default' })).toMatchObject({ limit: 25 });
  });
});
