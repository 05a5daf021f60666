import * as z from 'zod';
import { Category } from '../catalog/product-schemas.js';
import {
  ItemMetaSchema,
  PaginationQuery,
  pageOf,
  ResourceId,
  singleLineText,
} from '../http/common-schemas.js';

/** The category of a region's rate for every product category without a rate of its own. */
export const DEFAULT_TAX_CATEGORY = 'default';

/** A store's region (lib/stores/store-schemas.ts). */
export const TaxRegion = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'Use 2–32 lower-case letters, digits or dashes.')
  .meta({ example: 'nsw' });

export const TaxCategory = Category.meta({
  description: `A product category, or \`${DEFAULT_TAX_CATEGORY}\` for every category of the region without its own rate.`,
  example: 'contact-lenses',
});

/** Basis points: 1000 = 10%. */
export const RateBasisPoints = z
  .number()
  .int()
  .min(0)
  .max(10_000)
  .meta({ description: 'Basis points: 1000 = 10%, 600 = 6%, 0 = zero-rated.', example: 1000 });

export const CreateTaxRateBody = z
  .strictObject({
    region: TaxRegion,
    category: TaxCategory,
    name: singleLineText({ max: 40 }).meta({ example: 'GST' }),
    rate: RateBasisPoints,
    effectiveFrom: z.iso
      .datetime({ offset: true })
      .transform((value) => new Date(value).toISOString())
      .meta({ description: 'When the rate takes effect (ISO 8601); it applies until a later rate does.' }),
  })
  .meta({ id: 'CreateTaxRate' });
export type CreateTaxRateInput = z.output<typeof CreateTaxRateBody>;

export const TaxRateSchema = z
  .object({
    taxRateId: ResourceId,
    region: TaxRegion,
    category: TaxCategory,
    name: z.string(),
    rate: RateBasisPoints,
    effectiveFrom: z.iso.datetime(),
    ...ItemMetaSchema,
  })
  .meta({ id: 'TaxRate' });
export type TaxRate = z.output<typeof TaxRateSchema>;

export const TaxRatePage = pageOf(TaxRateSchema, 'TaxRatePage');
export const TaxRateParams = z.strictObject({ taxRateId: ResourceId });

export const ListTaxRatesQuery = z
  .strictObject({
    region: TaxRegion.optional(),
    category: TaxCategory.optional().meta({ description: 'Needs `region`.' }),
    ...PaginationQuery,
  })
  .refine((query) => query.category === undefined || query.region !== undefined, {
    path: ['category'],
    message: 'Filtering by category needs a region.',
  });
export type ListTaxRatesQuery = z.output<typeof ListTaxRatesQuery>;
