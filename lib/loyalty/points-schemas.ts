import { multiLineText, nonZeroDelta, PaginationQuery } from '../http/common-schemas.js';
import * as z from '../zod.js';

export const POINTS_REASONS = ['earned', 'redeemed', 'reversed', 'adjusted'] as const;

export const PointsEntrySchema = /* @__PURE__ */ (() =>
  z
    .object({
      entryId: z.string(),
      customerId: z.string(),
      delta: z
        .number()
        .check(z.int())
        .clone()
        .register(z.globalRegistry, { description: 'Points added (positive) or taken (negative).' }),
      reason: z.enum(POINTS_REASONS),
      reference: z.optional(z.object({ type: z.enum(['order', 'refund']), id: z.string() })),
      note: z.optional(z.string()),
      actor: z.string(),
      at: z.iso.datetime(),
    })
    .clone()
    .register(z.globalRegistry, { id: 'PointsEntry' }))();
export type PointsEntry = z.output<typeof PointsEntrySchema>;

export const PointsStatementSchema = /* @__PURE__ */ (() =>
  z
    .object({
      balance: z.number().check(z.int(), z.gte(0)),
      entries: z
        .array(PointsEntrySchema)
        .clone()
        .register(z.globalRegistry, { description: 'Newest first; the ledger sums to the balance.' }),
      nextCursor: z.nullable(z.string()),
    })
    .clone()
    .register(z.globalRegistry, { id: 'PointsStatement' }))();
export type PointsStatement = z.output<typeof PointsStatementSchema>;

export const PointsQuery = /* @__PURE__ */ (() => z.strictObject({ ...PaginationQuery }))();
export type PointsQuery = z.output<typeof PointsQuery>;

export const PointsAdjustmentBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      delta: nonZeroDelta('Points to add (positive) or take (negative); the balance never goes below zero.'),
      note: multiLineText({ max: 500 }).clone().register(z.globalRegistry, {
        description: 'Why, for the ledger: e.g. "Goodwill: late delivery of order or_…".',
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'PointsAdjustment' }))();
export type PointsAdjustmentInput = z.output<typeof PointsAdjustmentBody>;

export const PointsAdjustmentResultSchema = /* @__PURE__ */ (() =>
  z
    .object({
      entry: PointsEntrySchema,
      balance: z
        .number()
        .check(z.int(), z.gte(0))
        .clone()
        .register(z.globalRegistry, { description: 'The balance just after this adjustment was read back.' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'PointsAdjustmentResult' }))();
export type PointsAdjustmentResult = z.output<typeof PointsAdjustmentResultSchema>;
