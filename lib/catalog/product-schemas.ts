import * as z from 'zod';
import {
  ItemMetaSchema,
  multiLineText,
  nonEmptyPatch,
  PaginationQuery,
  pageOf,
  ResourceId,
  SafeNumber,
  singleLineText,
} from '../http/common-schemas.js';

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
/** A transaction writes the product plus a guard per SKU and barcode: 1 + 2 × 40 stays under 100. */
export const MAX_VARIANTS = 40;

const AttributeName = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'Use a camelCase name of up to 40 characters.');

export const Sku = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9._-]{0,63}$/, 'Use 1–64 upper-case letters, digits, dots, dashes or underscores.')
  .meta({ example: 'ACU-OAS-2W-M250' });

export const Barcode = z
  .string()
  .regex(/^\d{8,14}$/, 'Use a GTIN of 8 to 14 digits (EAN-8, UPC-A, EAN-13, GTIN-14).')
  .meta({ example: '9300601234567' });

export const Category = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use a lower-case slug, e.g. contact-lenses.')
  .meta({ example: 'contact-lenses' });

/** Integer minor units (cents): no floating-point money anywhere. */
export const MinorUnits = z.number().int().min(0).max(1_000_000_000);

export const AttributeValue = z.union([
  singleLineText({ min: 0, max: 500 }),
  SafeNumber,
  z.boolean(),
  z.array(singleLineText({ min: 0, max: 100 })).max(50),
]);

export const Attributes = z
  .record(AttributeName, AttributeValue)
  .refine((value) => Object.keys(value).length <= 50, 'At most 50 attributes.')
  .meta({ id: 'ProductAttributes', example: { baseCurve: 8.4, replacementSchedule: 'two_weekly' } });

export const VariantSchema = z
  .strictObject({
    sku: Sku,
    options: z
      .record(AttributeName, singleLineText({ max: 100 }))
      .refine((value) => Object.keys(value).length <= 10, 'At most 10 options.')
      .default({})
      .meta({ example: { power: '-2.50' } }),
    price: MinorUnits.meta({ description: 'Selling price in minor units (e.g. cents).' }),
    cost: MinorUnits.meta({ description: 'Unit cost in minor units.' }),
    currency: z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code, e.g. AUD.'),
    barcode: Barcode.optional(),
  })
  .meta({ id: 'Variant' });
export type Variant = z.output<typeof VariantSchema>;

const duplicatesIn = (values: (string | undefined)[]): Set<string> => {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const value of values) {
    if (value === undefined) continue;
    if (seen.has(value)) dupes.add(value);
    seen.add(value);
  }
  return dupes;
};

const optionKey = (variant: Variant) =>
  JSON.stringify(Object.entries(variant.options).sort(([a], [b]) => a.localeCompare(b)));

export const Variants = z
  .array(VariantSchema)
  .min(1)
  .max(MAX_VARIANTS)
  .superRefine((variants, ctx) => {
    const checks: [string, (v: Variant) => string | undefined, string][] = [
      ['sku', (v) => v.sku, 'SKU appears twice in this product.'],
      ['barcode', (v) => v.barcode, 'Barcode appears twice in this product.'],
      ['options', optionKey, 'Two variants have the same option values.'],
    ];
    for (const [field, pick, message] of checks) {
      const dupes = duplicatesIn(variants.map(pick));
      variants.forEach((variant, index) => {
        const value = pick(variant);
        if (value !== undefined && dupes.has(value))
          ctx.addIssue({ code: 'custom', path: [index, field], message });
      });
    }
  });

const productFields = {
  name: singleLineText({ max: 200 }),
  description: multiLineText({ min: 0, max: 5000 }),
  category: Category,
  brand: singleLineText({ max: 100 }),
  status: z.enum(PRODUCT_STATUSES),
  attributes: Attributes,
  variants: Variants,
};

export const CreateProductBody = z
  .strictObject({
    ...productFields,
    description: productFields.description.default(''),
    status: productFields.status.default('draft'),
    attributes: productFields.attributes.default({}),
  })
  .meta({ id: 'CreateProduct' });
export type CreateProductInput = z.output<typeof CreateProductBody>;

/** `attributes` and `variants`, when sent, replace the whole map or list. */
export const UpdateProductBody = nonEmptyPatch(z.strictObject(productFields).partial()).meta({
  id: 'UpdateProduct',
});
export type UpdateProductInput = z.output<typeof UpdateProductBody>;

export const ProductSchema = z
  .object({ productId: ResourceId, ...productFields, ...ItemMetaSchema })
  .meta({ id: 'Product' });
export type Product = z.output<typeof ProductSchema>;

export const ProductPage = pageOf(ProductSchema, 'ProductPage');
export const ProductParams = z.strictObject({ productId: ResourceId });
export const ListProductsQuery = z.strictObject({
  category: Category.optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  ...PaginationQuery,
});
export type ListProductsQuery = z.output<typeof ListProductsQuery>;
