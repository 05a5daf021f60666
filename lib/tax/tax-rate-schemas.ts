import { Category } from '../catalog/product-schemas.js';
import {
  ItemMetaSchema,
  PaginationQuery,
  pageOf,
  ResourceId,
  singleLineText,
} from '../http/common-schemas.js';
import * as z from '../zod.js';

/** The category of a region's rate for every product category without a rate of its own. */
export const DEFAULT_TAX_CATEGORY = 'default';

/** A store's region (lib/stores/store-schemas.ts). */
export const TaxRegion = /* @__PURE__ */ (() =>
  z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'Use 2–32 lower-case letters, digits or dashes.'))
    .clone()
    .register(z.globalRegistry, { example: 'nsw' }))();

export const TaxCategory = /* @__PURE__ */ (() =>
  Category.clone().register(z.globalRegistry, {
    description: `A product category, or \`${DEFAULT_TAX_CATEGORY}\` for every category of the region without its own rate.`,
    example: 'contact-lenses',
  }))();

/** Basis points: 1000 = 10%. */
export const RateBasisPoints = /* @__PURE__ */ (() =>
  z.number().check(z.int(), z.gte(0), z.lte(10_000)).clone().register(z.globalRegistry, {
    description: 'Basis points: 1000 = 10%, 600 = 6%, 0 = zero-rated.',
    example: 1000,
  }))();

export const CreateTaxRateBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      region: TaxRegion,
      category: TaxCategory,
      name: singleLineText({ max: 40 }).clone().register(z.globalRegistry, { example: 'GST' }),
      rate: RateBasisPoints,
      effectiveFrom: z
        .pipe(
          z.iso.datetime({ offset: true }),
          z.transform((value) => new Date(value).toISOString()),
        )
        .clone()
        .register(z.globalRegistry, {
          description: 'When the rate takes effect (ISO 8601); it applies until a later rate does.',
        }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreateTaxRate' }))();
export type CreateTaxRateInput = z.output<typeof CreateTaxRateBody>;

export const TaxRateSchema = /* @__PURE__ */ (() =>
  z
    .object({
      taxRateId: ResourceId,
      region: TaxRegion,
      category: TaxCategory,
      name: z.string(),
      rate: RateBasisPoints,
      effectiveFrom: z.iso.datetime(),
      ...ItemMetaSchema,
    })
    .clone()
    .register(z.globalRegistry, { id: 'TaxRate' }))();
export type TaxRate = z.output<typeof TaxRateSchema>;

export const TaxRatePage = /* @__PURE__ */ (() => pageOf(TaxRateSchema, 'TaxRatePage'))();
export const TaxRateParams = /* @__PURE__ */ (() => z.strictObject({ taxRateId: ResourceId }))();

export const ListTaxRatesQuery = /* @__PURE__ */ (() =>
  z
    .strictObject({
      region: z.optional(TaxRegion),
      category: z
        .optional(TaxCategory)
        .clone()
        .register(z.globalRegistry, { description: 'Needs `region`.' }),
      ...PaginationQuery,
    })
    .check(
      z.refine((query) => query.category === undefined || query.region !== undefined, {
        path: ['category'],
        message: 'Filtering by category needs a region.',
      }),
    ))();
export type ListTaxRatesQuery = z.output<typeof ListTaxRatesQuery>;
