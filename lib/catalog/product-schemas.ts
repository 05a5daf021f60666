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
import * as z from '../zod.js';
import { hasValidCheckDigit, isGtinShape } from './gtin.js';

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
/** A transaction writes the product plus a guard per SKU and barcode: 1 + 2 × 40 stays under 100. */
export const MAX_VARIANTS = 40;

const AttributeName = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'Use a camelCase name of up to 40 characters.')))();

export const Sku = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.regex(
        /^[A-Z0-9][A-Z0-9._-]{0,63}$/,
        'Use 1–64 upper-case letters, digits, dots, dashes or underscores.',
      ),
    )
    .clone()
    .register(z.globalRegistry, { example: 'ACU-OAS-2W-M250' }))();

/**
 * A GS1 GTIN with a valid check digit. In-store codes use GS1's restricted-circulation
 * prefixes (EAN-13 `02…`, `20…`–`29…`), which are GTINs too, so no other format is needed.
 */
export const Barcode = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.regex(
        /^(?:\d{8}|\d{12,14})$/,
        'Use a GTIN of 8, 12, 13 or 14 digits (EAN-8, UPC-A, EAN-13, GTIN-14).',
      ),
      z.refine(
        (code) => !isGtinShape(code) || hasValidCheckDigit(code),
        'The check digit (last digit) is wrong: rescan or retype the barcode.',
      ),
    )
    .clone()
    .register(z.globalRegistry, {
      description: 'GTIN-8, -12, -13 or -14 with a valid check digit.',
      example: '9300601234561',
    }))();

export const Category = /* @__PURE__ */ (() =>
  z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use a lower-case slug, e.g. contact-lenses.'))
    .clone()
    .register(z.globalRegistry, { example: 'contact-lenses' }))();

/** Integer minor units (cents): no floating-point money anywhere. */
export const MinorUnits = /* @__PURE__ */ (() => z.number().check(z.int(), z.gte(0), z.lte(1_000_000_000)))();

export const AttributeValue = /* @__PURE__ */ (() =>
  z.union([
    singleLineText({ min: 0, max: 500 }),
    SafeNumber,
    z.boolean(),
    z.array(singleLineText({ min: 0, max: 100 })).check(z.maxLength(50)),
  ]))();

export const Attributes = /* @__PURE__ */ (() =>
  z
    .record(AttributeName, AttributeValue)
    .check(z.refine((value) => Object.keys(value).length <= 50, 'At most 50 attributes.'))
    .clone()
    .register(z.globalRegistry, {
      id: 'ProductAttributes',
      example: { baseCurve: 8.4, replacementSchedule: 'two_weekly' },
    }))();

/**
 * An archived variant is no longer sold (placing an order for it is refused) but keeps its
 * SKU, barcode and stock: it stays readable and its stock adjustable, so it can be written off.
 */
export const VARIANT_STATUSES = ['active', 'archived'] as const;

export const VariantSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      sku: Sku,
      // Optional so that variants stored before archiving existed read as they are: absent = active.
      status: z.optional(z.enum(VARIANT_STATUSES)).clone().register(z.globalRegistry, {
        description: 'Default active; archived: not sold any more, stock stays readable and adjustable.',
      }),
      options: z
        ._default(
          z
            .record(AttributeName, singleLineText({ max: 100 }))
            .check(z.refine((value) => Object.keys(value).length <= 10, 'At most 10 options.')),
          {},
        )
        .clone()
        .register(z.globalRegistry, { example: { power: '-2.50' } }),
      price: MinorUnits.clone().register(z.globalRegistry, {
        description: 'Selling price in minor units (e.g. cents).',
      }),
      cost: MinorUnits.clone().register(z.globalRegistry, { description: 'Unit cost in minor units.' }),
      currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code, e.g. AUD.')),
      barcode: z.optional(Barcode),
    })
    .clone()
    .register(z.globalRegistry, { id: 'Variant' }))();
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

export const Variants = /* @__PURE__ */ (() =>
  z.array(VariantSchema).check(
    z.minLength(1),
    z.maxLength(MAX_VARIANTS),
    z.superRefine((variants, ctx) => {
      // An archived variant may share its options with the one that replaced it.
      const checks: [string, (v: Variant) => string | undefined, string][] = [
        ['sku', (v) => v.sku, 'SKU appears twice in this product.'],
        ['barcode', (v) => v.barcode, 'Barcode appears twice in this product.'],
        [
          'options',
          (v) => (v.status === 'archived' ? undefined : optionKey(v)),
          'Two variants have the same option values.',
        ],
      ];
      for (const [field, pick, message] of checks) {
        const dupes = duplicatesIn(variants.map(pick));
        variants.forEach((variant, index) => {
          const value = pick(variant);
          if (value !== undefined && dupes.has(value))
            ctx.addIssue({ code: 'custom', path: [index, field], message });
        });
      }
    }),
  ))();

const productFields = /* @__PURE__ */ (() => ({
  name: singleLineText({ max: 200 }),
  description: multiLineText({ min: 0, max: 5000 }),
  category: Category,
  brand: singleLineText({ max: 100 }),
  status: z.enum(PRODUCT_STATUSES),
  attributes: Attributes,
  variants: Variants,
}))();

export const CreateProductBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      ...productFields,
      description: z._default(productFields.description, ''),
      status: z._default(productFields.status, 'draft'),
      attributes: z._default(productFields.attributes, {}),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreateProduct' }))();
export type CreateProductInput = z.output<typeof CreateProductBody>;

/**
 * `attributes` and `variants`, when sent, replace the whole map or list; a list must still
 * hold every variant the product has (archive one instead of leaving it out).
 */
export const UpdateProductBody = /* @__PURE__ */ (() =>
  nonEmptyPatch(z.partial(z.strictObject(productFields)))
    .clone()
    .register(z.globalRegistry, {
      id: 'UpdateProduct',
    }))();
export type UpdateProductInput = z.output<typeof UpdateProductBody>;

/** The stored product (every field); responses are shaped from it by `productView`. */
export const ProductSchema = /* @__PURE__ */ (() =>
  z.object({ productId: ResourceId, ...productFields, ...ItemMetaSchema }))();
export type Product = z.output<typeof ProductSchema>;

/** A variant as answered: `cost` is left out for roles that may not see it (lib/auth/field-rules.ts). */
export const VariantView = /* @__PURE__ */ (() =>
  z
    .extend(VariantSchema, {
      status: z.enum(VARIANT_STATUSES),
      cost: z.optional(MinorUnits).clone().register(z.globalRegistry, {
        description: 'Unit cost in minor units; only for admin, manager and finance.',
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'VariantView' }))();

export const ProductView = /* @__PURE__ */ (() =>
  z
    .object({
      productId: ResourceId,
      ...productFields,
      variants: z.array(VariantView),
      ...ItemMetaSchema,
      matchedSku: z.optional(Sku).clone().register(z.globalRegistry, {
        description: 'On a `barcode` or `sku` lookup: the variant that matched.',
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'Product' }))();
export type ProductView = z.output<typeof ProductView>;

export const ProductPage = /* @__PURE__ */ (() => pageOf(ProductView, 'ProductPage'))();
export const ProductParams = /* @__PURE__ */ (() => z.strictObject({ productId: ResourceId }))();

/** Name prefix typed at the till: matched case- and accent-insensitively. */
export const NamePrefix = /* @__PURE__ */ (() =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(100)).clone().register(z.globalRegistry, {
    description: 'Name prefix, case- and accent-insensitive.',
    example: 'acuvue oa',
  }))();

const LOOKUPS = ['barcode', 'sku', 'q'] as const;

/**
 * One listing route, four ways in: the category/status listing, or exactly one of `barcode`,
 * `sku` (a unique match, so no filters or cursor) or `q` (every product by name, so no
 * category or status filter). Contradictory combinations are 400 naming the field.
 */
export const ListProductsQuery = /* @__PURE__ */ (() =>
  z
    .strictObject({
      category: z.optional(Category),
      status: z.optional(z.enum(PRODUCT_STATUSES)),
      barcode: z
        .optional(Barcode)
        .clone()
        .register(z.globalRegistry, { description: 'Find the product with this barcode (scanned).' }),
      sku: z
        .optional(Sku)
        .clone()
        .register(z.globalRegistry, { description: 'Find the product with this SKU.' }),
      q: z.optional(NamePrefix),
      ...PaginationQuery,
    })
    .check(
      z.superRefine((query, ctx) => {
        const given = LOOKUPS.filter((name) => query[name] !== undefined);
        for (const name of given.slice(1))
          ctx.addIssue({ code: 'custom', path: [name], message: 'Give at most one of barcode, sku or q.' });
        const lookup = given[0];
        if (lookup === undefined) return;
        const excluded: (keyof typeof query)[] =
          lookup === 'q' ? ['category', 'status'] : ['category', 'status', 'cursor'];
        for (const name of excluded) {
          if (query[name] === undefined) continue;
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message:
              lookup === 'q'
                ? 'q searches every category and status by name; it cannot be combined with this filter.'
                : `A ${lookup} lookup finds at most one product; it cannot be combined with ${name}.`,
          });
        }
      }),
    )
    .clone()
    .register(z.globalRegistry, { id: 'ListProductsQuery' }))();
export type ListProductsQuery = z.output<typeof ListProductsQuery>;
