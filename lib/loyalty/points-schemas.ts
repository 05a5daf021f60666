import * as z from 'zod';
import { multiLineText, nonZeroDelta, PaginationQuery } from '../http/common-schemas.js';

export const POINTS_REASONS = ['earned', 'redeemed', 'reversed', 'adjusted'] as const;

export const PointsEntrySchema = z
  .object({
    entryId: z.string(),
    customerId: z.string(),
    delta: z.number().int().meta({ description: 'Points added (positive) or taken (negative).' }),
    reason: z.enum(POINTS_REASONS),
    reference: z.object({ type: z.enum(['order', 'refund']), id: z.string() }).optional(),
    note: z.string().optional(),
    actor: z.string(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'PointsEntry' });
export type PointsEntry = z.output<typeof PointsEntrySchema>;

export const PointsStatementSchema = z
  .object({
    balance: z.number().int().min(0),
    entries: z
      .array(PointsEntrySchema)
      .meta({ description: 'Newest first; the ledger sums to the balance.' }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'PointsStatement' });
export type PointsStatement = z.output<typeof PointsStatementSchema>;

export const PointsQuery = z.strictObject({ ...PaginationQuery });
export type PointsQuery = z.output<typeof PointsQuery>;

export const PointsAdjustmentBody = z
  .strictObject({
    delta: nonZeroDelta('Points to add (positive) or take (negative); the balance never goes below zero.'),
    note: multiLineText({ max: 500 }).meta({
      description: 'Why, for the ledger: e.g. "Goodwill: late delivery of order or_…".',
    }),
  })
  .meta({ id: 'PointsAdjustment' });
export type PointsAdjustmentInput = z.output<typeof PointsAdjustmentBody>;

export const PointsAdjustmentResultSchema = z
  .object({
    entry: PointsEntrySchema,
    balance: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'The balance just after this adjustment was read back.' }),
  })
  .meta({ id: 'PointsAdjustmentResult' });
export type PointsAdjustmentResult = z.output<typeof PointsAdjustmentResultSchema>;
