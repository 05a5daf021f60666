import { ValidationError } from '../errors.js';
import { toFieldIssues } from '../http/validation.js';
import * as z from '../zod.js';

/**
 * Typed attributes per category. Free-form attributes are allowed for every category;
 * categories listed here also get their known attributes checked for type and range, so a
 * contact lens cannot be saved with a base curve of "flat" or 42.
 */
const CATEGORY_ATTRIBUTES: Record<string, z.ZodMiniType> = {
  'contact-lenses': z.looseObject({
    baseCurve: z
      .number()
      .check(z.gte(7), z.lte(10))
      .clone()
      .register(z.globalRegistry, { description: 'Base curve in mm.' }),
    diameter: z
      .number()
      .check(z.gte(12), z.lte(16))
      .clone()
      .register(z.globalRegistry, { description: 'Diameter in mm.' }),
    replacementSchedule: z.enum(['daily', 'two_weekly', 'monthly', 'quarterly', 'yearly']),
    material: z.optional(z.string()),
    waterContent: z.optional(z.number().check(z.gte(0), z.lte(100))),
    packSize: z.optional(z.number().check(z.int(), z.gte(1), z.lte(365))),
  }),
};

export const assertCategoryAttributes = (category: string, attributes: Record<string, unknown>): void => {
  const schema = CATEGORY_ATTRIBUTES[category];
  if (!schema) return;
  const result = schema.safeParse(attributes);
  if (!result.success) throw new ValidationError(toFieldIssues('body.attributes', result.error));
};
