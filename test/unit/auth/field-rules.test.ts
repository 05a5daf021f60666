import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_RULES, hiddenFields, hideFields } from '../../../lib/auth/field-rules.js';
import { ROLES } from '../../../lib/auth/roles.js';

const variant = fc.record({
  sku: fc.stringMatching(/^[A-Z0-9]{1,8}$/),
  price: fc.nat(),
  cost: fc.nat(),
  currency: fc.constant('AUD'),
  options: fc.dictionary(fc.constantFrom('power', 'size'), fc.string()),
});
const product = fc.record({
  productId: fc.string(),
  name: fc.string(),
  variants: fc.array(variant, { maxLength: 40 }),
});

describe('field rules', () => {
  it('hides cost prices from staff only', () => {
    expect(hiddenFields('product', 'staff')).toEqual(['variants[].cost']);
    for (const role of ROLES.filter((candidate) => candidate !== 'staff'))
      expect(hiddenFields('product', role)).toEqual([]);
  });

  it('takes cost off every variant for staff and leaves everything else, without changing the input', () => {
    fc.assert(
      fc.property(product, (input) => {
        const before = structuredClone(input);
        const shaped = hideFields('product', 'staff', input);
        expect(input).toEqual(before);
        expect(shaped.variants).toHaveLength(input.variants.length);
        shaped.variants.forEach((shapedVariant, index) => {
          expect(shapedVariant).not.toHaveProperty('cost');
          const { cost: _cost, ...rest } = input.variants[index] ?? { cost: 0 };
          expect(shapedVariant).toEqual(rest);
        });
        expect({ ...shaped, variants: [] }).toEqual({ ...input, variants: [] });
      }),
    );
  });

  it('gives managers, admin and finance the whole body', () => {
    fc.assert(
      fc.property(
        product,
        fc.constantFrom('admin', 'manager', 'finance') as fc.Arbitrary<'admin'>,
        (input, role) => {
          expect(hideFields('product', role, input)).toEqual(input);
        },
      ),
    );
  });

  it('tolerates bodies without the hidden path', () => {
    expect(hideFields('product', 'staff', { productId: 'p' })).toEqual({ productId: 'p' });
    expect(hideFields('product', 'staff', { variants: 'none' })).toEqual({ variants: 'none' });
    expect(Object.keys(FIELD_RULES)).toEqual(['product']);
  });
});
