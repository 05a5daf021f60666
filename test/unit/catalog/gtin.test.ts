import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  equivalentGtins,
  gtinCheckDigit,
  hasValidCheckDigit,
  isGtinShape,
} from '../../../lib/catalog/gtin.js';
import { Barcode } from '../../../lib/catalog/product-schemas.js';

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
const gtinBody = fc.constantFrom(7, 11, 12, 13).chain((length) => digits(length, length));
const withCheckDigit = (body: string) => `${body}${gtinCheckDigit(body)}`;

describe('GTIN check digits', () => {
  it('accepts published GTINs of every length', () => {
    for (const code of ['96385074', '036000291452', '4006381333931', '10012345678902', '9300601234561']) {
      expect(isGtinShape(code) && hasValidCheckDigit(code)).toBe(true);
      expect(Barcode.safeParse(code).success).toBe(true);
    }
  });

  it('accepts any body with its check digit, and catches every single wrong digit', () => {
    fc.assert(
      fc.property(gtinBody, fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, shift) => {
        const code = withCheckDigit(body);
        expect(Barcode.safeParse(code).success).toBe(true);
        const index = at % code.length;
        const wrong = `${code.slice(0, index)}${(Number(code[index]) + shift) % 10}${code.slice(index + 1)}`;
        const result = Barcode.safeParse(wrong);
        expect(result.success).toBe(false);
        expect(result.error?.issues[0]?.message).toMatch(/check digit/);
      }),
    );
  });

  it('refuses lengths that are not GTINs, and anything but digits', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(1, 7, 9, 10, 11, 15, 20).chain((length) => digits(length, length)),
          fc.string().filter((text) => !/^\d+$/.test(text)),
        ),
        (code) => {
          const result = Barcode.safeParse(code);
          expect(result.success).toBe(false);
          expect(result.error?.issues.map((issue) => issue.message)).toEqual([
            'Use a GTIN of 8, 12, 13 or 14 digits (EAN-8, UPC-A, EAN-13, GTIN-14).',
          ]);
        },
      ),
    );
  });

  it('spells a UPC-A the ways a scanner or label may, and a GTIN-8 only as itself', () => {
    expect(equivalentGtins('036000291452')).toEqual(['036000291452', '0036000291452', '00036000291452']);
    expect(equivalentGtins('00036000291452')).toEqual(['00036000291452', '036000291452', '0036000291452']);
    expect(equivalentGtins('4006381333931')).toEqual(['4006381333931', '04006381333931']);
    expect(equivalentGtins('96385074')).toEqual(['96385074']);
    fc.assert(
      fc.property(
        gtinBody.filter((body) => body.length >= 11),
        (body) => {
          const code = withCheckDigit(body);
          for (const form of equivalentGtins(code)) expect(hasValidCheckDigit(form)).toBe(true);
        },
      ),
    );
  });
});
