import { describe, expect, it } from 'vitest';
import { ratesInForce } from '../../lib/tax/rates-in-force.js';
import { findRateInForce } from '../../lib/tax/tax-rate-repository.js';
import { ListTaxRatesQuery } from '../../lib/tax/tax-rate-schemas.js';
import { getTaxRate, listTaxRates } from '../../lib/tax/tax-rate-service.js';
import { addRate, newRegion } from '../support/tax-fixtures.js';

describe('tax rates', () => {
  it('stores a rate under its region, category and instant (normalised to UTC) and finds it by id', async () => {
    const region = newRegion();
    const rate = await addRate(region, 'default', 1000, '2000-07-01T00:00:00+10:00');
    expect(rate).toMatchObject({
      taxRateId: expect.stringMatching(/^tx_/),
      region,
      category: 'default',
      rate: 1000,
      effectiveFrom: '2000-06-30T14:00:00.000Z',
      version: 1,
      updatedBy: 'test-admin',
    });
    expect(await getTaxRate(rate.taxRateId)).toEqual(rate);
    await expect(getTaxRate('tx_missing')).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a second rate for the same region, category and instant (409 naming effectiveFrom)', async () => {
    const region = newRegion();
    await addRate(region, 'lens-care', 1000, '2030-01-01T00:00:00Z');
    await expect(addRate(region, 'lens-care', 900, '2030-01-01T11:00:00+11:00')).rejects.toMatchObject({
      status: 409,
      errors: [{ path: 'body.effectiveFrom' }],
    });
    const page = await listTaxRates(ListTaxRatesQuery.parse({ region }));
    expect(page.items.map((rate) => rate.rate)).toEqual([1000]);
  });

  it('lists rates by region, then region and category, paged', async () => {
    const region = newRegion();
    const other = newRegion();
    await addRate(region, 'default', 1000, '2000-01-01T00:00:00Z');
    await addRate(region, 'lens-care', 500, '2001-01-01T00:00:00Z');
    await addRate(region, 'lens-care', 600, '2002-01-01T00:00:00Z');
    await addRate(other, 'default', 1300, '2000-01-01T00:00:00Z');
    const all = await listTaxRates(ListTaxRatesQuery.parse({ region }));
    expect(all.items.map((rate) => [rate.category, rate.rate])).toEqual([
      ['default', 1000],
      ['lens-care', 500],
      ['lens-care', 600],
    ]);
    const care = await listTaxRates(ListTaxRatesQuery.parse({ region, category: 'lens-care', limit: '1' }));
    expect(care.items.map((rate) => rate.rate)).toEqual([500]);
    const next = await listTaxRates(
      ListTaxRatesQuery.parse({ region, category: 'lens-care', limit: '1', cursor: care.nextCursor }),
    );
    expect(next.items.map((rate) => rate.rate)).toEqual([600]);
    const everything = await listTaxRates(ListTaxRatesQuery.parse({ limit: '100' }));
    expect(everything.items.filter((rate) => rate.region === other)).toHaveLength(1);
  });

  it('finds the rate in force at an instant: the newest that has started, never a future one', async () => {
    const region = newRegion();
    await addRate(region, 'default', 1600, '2018-05-01T00:00:00+08:00', 'VAT');
    await addRate(region, 'default', 1300, '2019-04-01T00:00:00+08:00', 'VAT');
    await addRate(region, 'default', 1100, '2999-01-01T00:00:00Z', 'VAT');
    const at = (iso: string) => findRateInForce(region, 'default', new Date(iso));
    expect(await at('2018-04-30T15:59:59Z')).toBeUndefined();
    expect((await at('2018-04-30T16:00:00Z'))?.rate).toBe(1600);
    expect((await at('2019-03-31T15:59:59.999Z'))?.rate).toBe(1600);
    expect((await at('2019-03-31T16:00:00Z'))?.rate).toBe(1300);
    expect((await at('2030-01-01T00:00:00Z'))?.rate).toBe(1300);
  });

  it('gives each category its own rate, else the region’s default, else 0', async () => {
    const region = newRegion();
    const gst = await addRate(region, 'default', 1000, '2000-07-01T00:00:00Z');
    const free = await addRate(region, 'contact-lenses', 0, '2000-07-01T00:00:00Z', 'GST-free');
    const now = new Date();
    const rates = await ratesInForce(region, ['contact-lenses', 'lens-care', 'lens-care'], now);
    expect(Object.fromEntries(rates)).toEqual({
      'contact-lenses': {
        taxRateId: free.taxRateId,
        taxCategory: 'contact-lenses',
        taxName: 'GST-free',
        taxRate: 0,
      },
      'lens-care': { taxRateId: gst.taxRateId, taxCategory: 'default', taxName: 'GST', taxRate: 1000 },
    });
    const untaxed = await ratesInForce(newRegion(), ['lens-care'], now);
    expect(untaxed.get('lens-care')).toEqual({ taxCategory: 'lens-care', taxName: 'Tax', taxRate: 0 });
  });
});
