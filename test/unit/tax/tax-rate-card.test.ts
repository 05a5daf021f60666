import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CardRate,
  cardWithRate,
  MAX_CARD_RATES,
  pruneCard,
  ratesFromCard,
  type TaxRateCard,
} from '../../../lib/tax/tax-rate-card.js';

const rate = (
  category: string,
  effectiveFrom: string,
  value = 1000,
  id = `tx_${category}_${effectiveFrom}`,
): CardRate => ({
  taxRateId: id,
  category,
  name: 'GST',
  rate: value,
  effectiveFrom,
});
const card = (...rates: CardRate[]): TaxRateCard => ({ region: 'nsw', rates });
const at = (iso: string) => new Date(iso);

/** What the Queries answer (rates-in-force.ts), over every rate ever created. */
const reference = (rates: readonly CardRate[], category: string, instant: string) => {
  const newest = (c: string) =>
    rates
      .filter((r) => r.category === c && r.effectiveFrom <= instant)
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  return (newest(category) ?? newest('default'))?.taxRateId;
};

describe('the region’s rate card', () => {
  it('answers the rate in force per category, else the default, else untaxed', () => {
    const rates = card(
      rate('default', '2020-01-01T00:00:00.000Z', 1000),
      rate('default', '2030-01-01T00:00:00.000Z', 1200),
      rate('contact-lenses', '2020-01-01T00:00:00.000Z', 0),
    );
    const now = ratesFromCard(rates, ['contact-lenses', 'lens-care'], at('2026-06-01T00:00:00Z'));
    expect(now?.get('contact-lenses')).toMatchObject({ taxCategory: 'contact-lenses', taxRate: 0 });
    expect(now?.get('lens-care')).toMatchObject({ taxCategory: 'default', taxRate: 1000 });
    const later = ratesFromCard(rates, ['lens-care'], at('2030-01-01T00:00:00Z'));
    expect(later?.get('lens-care')).toMatchObject({ taxRate: 1200 });
    const before = ratesFromCard(rates, ['lens-care'], at('2019-01-01T00:00:00Z'));
    expect(before?.get('lens-care')).toEqual({ taxCategory: 'lens-care', taxName: 'Tax', taxRate: 0 });
  });

  it('drops superseded rates, keeps scheduled ones, and says from when it is exact', () => {
    const pruned = pruneCard(
      card(
        rate('default', '2020-01-01T00:00:00.000Z'),
        rate('default', '2024-01-01T00:00:00.000Z'),
        rate('default', '2030-01-01T00:00:00.000Z'),
        rate('lens-care', '2021-01-01T00:00:00.000Z'),
      ),
      at('2026-01-01T00:00:00Z'),
    );
    expect(pruned.rates.map((r) => `${r.category} ${r.effectiveFrom.slice(0, 4)}`)).toEqual([
      'default 2024',
      'default 2030',
      'lens-care 2021',
    ]);
    expect(pruned.exactFrom).toBe('2024-01-01T00:00:00.000Z');
    // Before exactFrom only the Queries know (a dropped rate applied then).
    expect(ratesFromCard(pruned, ['default'], at('2023-06-01T00:00:00Z'))).toBeUndefined();
  });

  it('answers as the Queries over every rate, at any instant from exactFrom, however it was pruned', () => {
    const instant = fc
      .integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(
        // Distinct per category and instant, as the table's key makes them.
        fc.uniqueArray(fc.record({ category: fc.constantFrom('default', 'a', 'b'), from: instant }), {
          maxLength: 12,
          selector: (r) => `${r.category}#${r.from}`,
        }),
        fc.array(instant, { minLength: 1, maxLength: 4 }),
        instant,
        (created, pruneTimes, orderAt) => {
          const rates = created.map((r, index) => rate(r.category, r.from, index, `tx_${index}`));
          let current = card();
          // Each rate arrives with a write that prunes at that write's time.
          rates.forEach((r, index) => {
            current = cardWithRate(current, r, at(pruneTimes[index % pruneTimes.length] ?? orderAt));
          });
          const answer = ratesFromCard(current, ['a', 'b'], at(orderAt));
          if (current.exactFrom && orderAt < current.exactFrom) return answer === undefined;
          return ['a', 'b'].every(
            (category) => answer?.get(category)?.taxRateId === reference(rates, category, orderAt),
          );
        },
      ),
    );
  });

  it('refuses a rate beyond the bound with 409 on body.region', () => {
    const full = card(
      ...Array.from({ length: MAX_CARD_RATES }, (_, i) => rate(`c${i}`, '2030-01-01T00:00:00.000Z')),
    );
    expect(() =>
      cardWithRate(full, rate('extra', '2030-01-01T00:00:00.000Z'), at('2026-01-01T00:00:00Z')),
    ).toThrow(
      expect.objectContaining({ status: 409, errors: [expect.objectContaining({ path: 'body.region' })] }),
    );
    // A rate that supersedes one in force makes room for itself.
    const inForce = card(
      ...Array.from({ length: MAX_CARD_RATES }, (_, i) => rate(`c${i}`, '2020-01-01T00:00:00.000Z')),
    );
    const next = cardWithRate(inForce, rate('c0', '2025-01-01T00:00:00.000Z'), at('2026-01-01T00:00:00Z'));
    expect(next.rates).toHaveLength(MAX_CARD_RATES);
  });
});
