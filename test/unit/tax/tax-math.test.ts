import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPricesIncludeTax, lineTax, taxOfMoney, taxOfUnits } from '../../../lib/tax/tax-math.js';

describe('lineTax', () => {
  it('takes tax out of a tax-inclusive amount, rounding half up once per line (docs/tax.md)', () => {
    expect(lineTax(9000, 1000, true)).toBe(818); // GST 10%: 9000 / 11 = 818.18
    expect(lineTax(5500, 1000, true)).toBe(500); // exact
    expect(lineTax(11, 1000, true)).toBe(1); // 1.0
    expect(lineTax(5, 1000, true)).toBe(0); // 0.4545 → 0
    expect(lineTax(6, 1000, true)).toBe(1); // 0.5454 → 1
    expect(lineTax(1130, 1300, true)).toBe(130); // VAT 13%: 1130 × 13 / 113
    expect(lineTax(2650, 600, true)).toBe(150); // VAT 6%: 2650 × 6 / 106
  });

  it('adds tax to a tax-exclusive amount, half up', () => {
    expect(lineTax(9000, 1300, false)).toBe(1170); // VAT 13%
    expect(lineTax(1250, 900, false)).toBe(113); // 112.5 → 113 (half up)
    expect(lineTax(1249, 900, false)).toBe(112); // 112.41
    expect(lineTax(4500, 1000, false)).toBe(450);
  });

  it('is zero for a zero rate or amount, and never more than the amount', () => {
    expect(lineTax(0, 1000, true)).toBe(0);
    expect(lineTax(9000, 0, false)).toBe(0);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, rate) => {
          const inclusive = lineTax(amount, rate, true);
          const exclusive = lineTax(amount, rate, false);
          expect(Number.isSafeInteger(inclusive) && inclusive >= 0 && inclusive <= amount).toBe(true);
          expect(Number.isSafeInteger(exclusive) && exclusive >= 0 && exclusive <= amount).toBe(true);
          // The tax of the gross price (net + tax) at the same rate is the same tax, within a cent.
          expect(Math.abs(lineTax(amount + exclusive, rate, true) - exclusive)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('taxOfUnits', () => {
  it('returns exactly the line’s tax when every unit comes back, in any split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
        (quantity, taxAmount, chunks) => {
          let refunded = 0;
          let returned = 0;
          for (const chunk of chunks) {
            const take = Math.min(chunk, quantity - refunded);
            if (take === 0) break;
            const tax = taxOfUnits({ quantity, taxAmount }, refunded, take);
            expect(tax).toBeGreaterThanOrEqual(0);
            returned += tax;
            refunded += take;
          }
          if (refunded < quantity)
            returned += taxOfUnits({ quantity, taxAmount }, refunded, quantity - refunded);
          expect(returned).toBe(taxAmount);
        },
      ),
    );
  });

  it('gives each unit its floor share: 3 units carrying 818 tax return 272, 273, 273', () => {
    const line = { quantity: 3, taxAmount: 818 };
    expect([taxOfUnits(line, 0, 1), taxOfUnits(line, 1, 1), taxOfUnits(line, 2, 1)]).toEqual([272, 273, 273]);
  });
});

describe('taxOfMoney', () => {
  const order = { total: 11_000, taxTotal: 1000, taxRefunded: 0 };
  it('returns the refund’s share of the order’s tax, half up, capped at what is left', () => {
    expect(taxOfMoney(order, 550, false)).toBe(50);
    expect(taxOfMoney(order, 555, false)).toBe(50); // 50.45
    expect(taxOfMoney(order, 561, false)).toBe(51); // 51.0
    expect(taxOfMoney({ ...order, taxRefunded: 990 }, 5500, false)).toBe(10);
  });
  it('returns all the tax left when the refund returns everything still paid', () => {
    expect(taxOfMoney({ ...order, taxRefunded: 333 }, 7000, true)).toBe(667);
    expect(taxOfMoney({ total: 0, taxTotal: 0, taxRefunded: 0 }, 0, false)).toBe(0);
  });
});

describe('defaultPricesIncludeTax', () => {
  it('includes tax in shelf prices (AU GST, CN VAT) except where sales tax is added at the till', () => {
    expect(defaultPricesIncludeTax('AU')).toBe(true);
    expect(defaultPricesIncludeTax('CN')).toBe(true);
    expect(defaultPricesIncludeTax('US')).toBe(false);
  });
});
