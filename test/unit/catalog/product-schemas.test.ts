import { describe, expect, it } from 'vitest';
import { assertCategoryAttributes } from '../../../lib/catalog/category-attributes.js';
import { CreateProductBody, MAX_VARIANTS } from '../../../lib/catalog/product-schemas.js';
import { ValidationError } from '../../../lib/errors.js';

const variant = (sku: string, power: string, barcode?: string) => ({
  sku,
  options: { power },
  price: 4999,
  cost: 2100,
  currency: 'AUD',
  ...(barcode ? { barcode } : {}),
});

const product = (variants: unknown[]) => ({
  name: 'Acuvue Oasys',
  category: 'contact-lenses',
  brand: 'Acuvue',
  attributes: { baseCurve: 8.4, diameter: 14, replacementSchedule: 'two_weekly' },
  variants,
});

const paths = (input: unknown) => {
  const result = CreateProductBody.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('product schema', () => {
  it('accepts a product and defaults status to draft', () => {
    const parsed = CreateProductBody.parse(product([variant('A-1', '-1.00')]));
    expect(parsed.status).toBe('draft');
    expect(parsed.description).toBe('');
  });

  it('flags every variant that repeats a SKU, barcode or option set', () => {
    expect(paths(product([variant('A-1', '-1.00'), variant('A-1', '-1.25')]))).toEqual([
      'variants.0.sku',
      'variants.1.sku',
    ]);
    expect(
      paths(product([variant('A-1', '-1.00', '9300000000001'), variant('A-2', '-1.25', '9300000000001')])),
    ).toEqual(['variants.0.barcode', 'variants.1.barcode']);
    expect(paths(product([variant('A-1', '-1.00'), variant('A-2', '-1.00')]))).toEqual([
      'variants.0.options',
      'variants.1.options',
    ]);
  });

  it('keeps money in integer minor units and SKUs upper-case', () => {
    expect(paths(product([{ ...variant('A-1', '-1'), price: 49.99 }]))).toEqual(['variants.0.price']);
    expect(paths(product([{ ...variant('a-1', '-1') }]))).toEqual(['variants.0.sku']);
  });

  it('bounds the variant count so one transaction can hold a product and its guards', () => {
    const many = Array.from({ length: MAX_VARIANTS + 1 }, (_, i) => variant(`S-${i}`, String(i)));
    expect(paths(product(many))).toEqual(['variants']);
    expect(1 + 2 * MAX_VARIANTS).toBeLessThanOrEqual(100);
  });
});

describe('category attributes', () => {
  it('types known attributes of contact lenses and leaves others free-form', () => {
    expect(() =>
      assertCategoryAttributes('contact-lenses', {
        baseCurve: 8.6,
        diameter: 14.2,
        replacementSchedule: 'daily',
        uvBlocking: true,
      }),
    ).not.toThrow();
    expect(() => assertCategoryAttributes('sunglasses', { anything: 'goes' })).not.toThrow();
  });

  it('names the attribute at fault', () => {
    try {
      assertCategoryAttributes('contact-lenses', {
        baseCurve: 'flat',
        diameter: 14,
        replacementSchedule: 'weekly',
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors?.map((issue) => issue.path)).toEqual([
        'body.attributes.baseCurve',
        'body.attributes.replacementSchedule',
      ]);
    }
    expect.assertions(2);
  });
});
