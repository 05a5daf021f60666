import * as z from 'zod';
import { ValidationError } from '../errors.js';
import { toFieldIssues } from '../http/validation.js';

/**
 * Typed attributes per category. Free-form attributes are allowed for every category;
 * categories listed here also get their known attributes checked for type and range, so a
 * contact lens cannot be saved with a base curve of "flat" or 42.
 */
const CATEGORY_ATTRIBUTES: Record<string, z.ZodType> = {
  'contact-lenses': z.looseObject({
    baseCurve: z.number().min(7).max(10).meta({ description: 'Base curve in mm.' }),
    diameter: z.number().min(12).max(16).meta({ description: 'Diameter in mm.' }),
    replacementSchedule: z.enum(['daily', 'two_weekly', 'monthly', 'quarterly', 'yearly']),
    material: z.string().optional(),
    waterContent: z.number().min(0).max(100).optional(),
    packSize: z.number().int().min(1).max(365).optional(),
  }),
};

export const assertCategoryAttributes = (category: string, attributes: Record<string, unknown>): void => {
  const schema = CATEGORY_ATTRIBUTES[category];
  if (!schema) return;
  const result = schema.safeParse(attributes);
  if (!result.success) throw new ValidationError(toFieldIssues('body.attributes', result.error));
};
