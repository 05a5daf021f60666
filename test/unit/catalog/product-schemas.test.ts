import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertCategoryAttributes } from '../../../lib/catalog/category-attributes.js';
import {
  CreateProductBody,
  ListProductsQuery,
  MAX_VARIANTS,
  UpdateProductBody,
} from '../../../lib/catalog/product-schemas.js';
import { productKeys } from '../../../lib/db/keys.js';
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
      paths(product([variant('A-1', '-1.00', '9300000000002'), variant('A-2', '-1.25', '9300000000002')])),
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

describe('variant status', () => {
  it('takes active or archived, and lets an archived variant share options with its replacement', () => {
    const archived = { ...variant('A-1', '-1.00'), status: 'archived' };
    expect(paths(product([archived, variant('A-2', '-1.00')]))).toEqual([]);
    expect(paths(product([{ ...variant('A-1', '-1.00'), status: 'sold-out' }]))).toEqual([
      'variants.0.status',
    ]);
    expect(paths(product([{ ...archived, status: 'active' }, variant('A-2', '-1.00')]))).toEqual([
      'variants.0.options',
      'variants.1.options',
    ]);
    expect(UpdateProductBody.safeParse({ variants: [archived] }).success).toBe(true);
  });

  it('checks the barcode check digit on every variant', () => {
    expect(paths(product([variant('A-1', '-1.00', '9300000000001')]))).toEqual(['variants.0.barcode']);
    expect(paths(product([variant('A-1', '-1.00', '123456789')]))).toEqual(['variants.0.barcode']);
  });
});

describe('product listing query', () => {
  const issues = (query: Record<string, unknown>) => {
    const result = ListProductsQuery.safeParse(query);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('takes each lookup on its own, with a page size', () => {
    expect(issues({ barcode: '9300601234561' })).toEqual([]);
    expect(issues({ sku: 'ACU-OAS-2W-M250', limit: '5' })).toEqual([]);
    expect(issues({ q: 'acuvue', limit: '5', cursor: 'abc' })).toEqual([]);
    expect(issues({ category: 'contact-lenses', status: 'active' })).toEqual([]);
  });

  it('refuses every contradictory combination, naming the field', () => {
    const lookups = ['barcode', 'sku', 'q'] as const;
    const values = { barcode: '9300601234561', sku: 'A-1', q: 'acu' };
    const filters = { category: 'lens-care', status: 'draft', cursor: 'abc' };
    fc.assert(
      fc.property(
        fc.subarray([...lookups], { minLength: 1 }),
        fc.subarray(Object.keys(filters) as (keyof typeof filters)[]),
        (chosen, extra) => {
          const query = {
            ...Object.fromEntries(chosen.map((name) => [name, values[name]])),
            ...Object.fromEntries(extra.map((name) => [name, filters[name]])),
          };
          const [first] = chosen;
          const refused = [
            ...chosen.slice(1),
            ...extra.filter((name) => !(first === 'q' && name === 'cursor')),
          ].sort();
          expect(issues(query).sort()).toEqual(refused);
        },
      ),
    );
  });

  it('refuses a barcode with a wrong check digit and an empty name prefix', () => {
    expect(issues({ barcode: '9300601234564' })).toEqual(['barcode']);
    expect(issues({ q: '   ' })).toEqual(['q']);
    expect(issues({ q: 'x'.repeat(101) })).toEqual(['q']);
  });
});

describe('product name search key', () => {
  it('is lower-case, without accents, with # and white space as one space', () => {
    const keys = productKeys.listings({
      productId: 'pr_1',
      status: 'active',
      category: 'accessories',
      name: 'Café  Crème #2',
    });
    expect(keys).toMatchObject({ gsi6pk: 'PRODUCT_NAMES', gsi6sk: 'cafe creme 2#pr_1' });
    expect(productKeys.namePrefix('CAFÉ c')).toBe('cafe c');
    expect(productKeys.namePrefix('###')).toBe('');
  });

  it('finds every name by any prefix of it, as typed in any case', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.nat(), (name, cut) => {
        const sortKey = productKeys.listings({
          productId: 'pr_1',
          status: 'active',
          category: 'c',
          name,
        }).gsi6sk;
        const typed = name.slice(0, cut % (name.length + 1)).toUpperCase();
        const prefix = productKeys.namePrefix(typed);
        if (prefix !== '' && !/[\s#]$/.test(typed)) expect(sortKey.startsWith(prefix)).toBe(true);
      }),
    );
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
