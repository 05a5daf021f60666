import { Sku } from '../catalog/product-schemas.js';
import {
  ItemMetaSchema,
  multiLineText,
  nonZeroDelta,
  PaginationQuery,
  pageOf,
  ResourceId,
} from '../http/common-schemas.js';
import * as z from '../zod.js';
import { RESERVED_REASONS } from './adjustment-rules.js';
import {
  ADJUSTMENT_REASONS,
  type AdjustmentReason,
  type MovementReason,
  type StockReference,
} from './stock-change.js';

/** A count of units; generous upper bound so that sums stay exact integers. */
export const Quantity = /* @__PURE__ */ (() => z.number().check(z.int(), z.gte(0), z.lte(1_000_000)))();
export const PositiveQuantity = /* @__PURE__ */ (() =>
  z.number().check(z.int(), z.gte(1), z.lte(1_000_000)))();

export const MOVEMENT_REASONS = /* @__PURE__ */ (() =>
  [
    ...ADJUSTMENT_REASONS,
    'commit',
    'release',
    'incoming',
    'incoming_cancelled',
  ] as const satisfies readonly MovementReason[])();

export const REFERENCE_TYPES = [
  'order',
  'transfer',
  'purchase_order',
  'stocktake',
  'refund',
  'adjustment',
] as const satisfies readonly StockReference['type'][];

/** How a reorder rule replenishes (lib/replenishment/plan-replenishment.ts). */
export const REPLENISHMENT_POLICIES = [
  'transfer_then_purchase',
  'purchase_only',
  'transfer_only',
  'notify_only',
] as const;
export type ReplenishmentPolicy = (typeof REPLENISHMENT_POLICIES)[number];

export const ReorderRuleSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      reorderPoint: z
        .number()
        .check(z.int(), z.gte(0), z.lte(1_000_000))
        .clone()
        .register(z.globalRegistry, { description: 'Reorder when available falls to or below this.' }),
      reorderQuantity: PositiveQuantity.clone().register(z.globalRegistry, {
        description: 'How many to order when it does.',
      }),
      safetyStock: z.optional(Quantity).clone().register(z.globalRegistry, {
        description:
          'Units this store keeps above its reorder point when it gives stock to another store (default 0).',
      }),
      preferredSupplierId: z.optional(ResourceId),
      replenishment: z
        ._default(z.enum(REPLENISHMENT_POLICIES), 'transfer_then_purchase')
        .clone()
        .register(z.globalRegistry, {
          description:
            'What happens when available falls to the reorder point: `transfer_then_purchase` (same-region stores with surplus first, the rest from the preferred supplier), `purchase_only`, `transfer_only`, or `notify_only` (the stock alert only).',
        }),
      autoApprove: z._default(z.boolean(), false).clone().register(z.globalRegistry, {
        description:
          '`false`: replenishments are drafts a manager approves; `true`: the transfer is made ready (stock committed at the donor) and the purchase order ordered at once.',
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'ReorderRule' }))();
export type ReorderRule = z.output<typeof ReorderRuleSchema>;
/** A rule as sent: `replenishment` and `autoApprove` may be left to their defaults. */
export type ReorderRuleInput = z.input<typeof ReorderRuleSchema>;

const count = /* @__PURE__ */ (() => z.number().check(z.int()))();

export const InventoryLevelSchema = /* @__PURE__ */ (() =>
  z
    .object({
      storeId: ResourceId,
      sku: Sku,
      productId: ResourceId,
      onHand: count.clone().register(z.globalRegistry, { description: 'Units physically in the store.' }),
      committed: count
        .clone()
        .register(z.globalRegistry, { description: 'Units held for orders and outgoing transfers.' }),
      unavailable: count
        .clone()
        .register(z.globalRegistry, { description: 'Units set aside (damaged) and not sellable.' }),
      available: count
        .clone()
        .register(z.globalRegistry, { description: 'onHand − committed − unavailable.' }),
      incoming: count
        .clone()
        .register(z.globalRegistry, { description: 'Units on their way (purchase orders, transfers).' }),
      reorderRule: z.optional(ReorderRuleSchema),
      belowReorderPoint: z.boolean(),
      version: z
        .number()
        .check(z.int(), z.gte(0))
        .clone()
        .register(z.globalRegistry, { description: '0 for a SKU never stocked here.' }),
      updatedAt: z.nullable(z.iso.datetime()),
      updatedBy: z.nullable(z.string()),
    })
    .clone()
    .register(z.globalRegistry, { id: 'InventoryLevel' }))();
export type InventoryLevel = z.output<typeof InventoryLevelSchema>;

export const MovementSchema = /* @__PURE__ */ (() =>
  z
    .object({
      movementId: z.string(),
      storeId: ResourceId,
      sku: Sku,
      productId: ResourceId,
      reason: z.enum(MOVEMENT_REASONS),
      onHandDelta: count,
      committedDelta: count,
      unavailableDelta: count,
      incomingDelta: count,
      reference: z.optional(z.object({ type: z.enum(REFERENCE_TYPES), id: z.string() })),
      note: z.optional(z.string()),
      actor: z.string(),
      at: z.iso.datetime(),
    })
    .clone()
    .register(z.globalRegistry, { id: 'InventoryMovement' }))();
export type Movement = z.output<typeof MovementSchema>;

/** What a caller may send: reasons reserved for transfers are refused, so they are not offered. */
const MANUAL_REASONS: readonly AdjustmentReason[] = /* @__PURE__ */ (() =>
  ADJUSTMENT_REASONS.filter(
    (reason) => !(RESERVED_REASONS as readonly AdjustmentReason[]).includes(reason),
  ))();

export const AdjustmentBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      delta: nonZeroDelta('Signed change; see the reason table for which sign each reason takes.'),
      reason: z.enum(MANUAL_REASONS),
      note: z.optional(multiLineText({ max: 500 })),
    })
    .clone()
    .register(z.globalRegistry, { id: 'InventoryAdjustment' }))();
export type AdjustmentInput = z.output<typeof AdjustmentBody>;

export const AdjustmentResultSchema = /* @__PURE__ */ (() =>
  z
    .object({ level: InventoryLevelSchema, movement: MovementSchema })
    .clone()
    .register(z.globalRegistry, { id: 'InventoryAdjustmentResult' }))();
export type AdjustmentResult = z.output<typeof AdjustmentResultSchema>;

/** A stocktake writes one transaction per line; 100 lines keep a request bounded. */
export const MAX_STOCKTAKE_LINES = 100;

export const StocktakeBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      lines: z.array(z.strictObject({ sku: Sku, expected: Quantity, counted: Quantity })).check(
        z.minLength(1),
        z.maxLength(MAX_STOCKTAKE_LINES),
        z.superRefine((lines, ctx) => {
          const seen = new Set<string>();
          lines.forEach((line, index) => {
            if (seen.has(line.sku))
              ctx.addIssue({ code: 'custom', path: [index, 'sku'], message: 'SKU appears twice.' });
            seen.add(line.sku);
          });
        }),
      ),
      note: z.optional(multiLineText({ max: 500 })),
    })
    .clone()
    .register(z.globalRegistry, { id: 'Stocktake' }))();
export type StocktakeInput = z.output<typeof StocktakeBody>;

export const StocktakeResultSchema = /* @__PURE__ */ (() =>
  z
    .object({
      stocktakeId: z.string(),
      storeId: ResourceId,
      at: z.iso.datetime(),
      applied: z.array(z.object({ sku: Sku, expected: z.number(), counted: z.number(), variance: count })),
      conflicts: z.array(
        z.object({
          sku: Sku,
          expected: z.number(),
          onHand: z.number(),
          reason: z.enum(['on-hand-changed', 'below-committed']).clone().register(z.globalRegistry, {
            description:
              '`on-hand-changed`: count again; `below-committed`: the count is below units held for orders.',
          }),
        }),
      ),
      totalVariance: count,
    })
    .clone()
    .register(z.globalRegistry, { id: 'StocktakeResult' }))();
export type StocktakeResult = z.output<typeof StocktakeResultSchema>;

/** A stocktake as recorded: its result, who submitted it and their note. */
export const StocktakeRecordSchema = /* @__PURE__ */ (() =>
  z
    .object({
      ...StocktakeResultSchema.shape,
      note: z.optional(z.string()),
      actor: z.string(),
      ...ItemMetaSchema,
    })
    .clone()
    .register(z.globalRegistry, { id: 'StocktakeRecord' }))();
export type StocktakeRecord = z.output<typeof StocktakeRecordSchema>;
export const StocktakePage = /* @__PURE__ */ (() => pageOf(StocktakeRecordSchema, 'StocktakePage'))();
export const StocktakeParams = /* @__PURE__ */ (() =>
  z.strictObject({ storeId: ResourceId, stocktakeId: ResourceId }))();

export const InventoryPage = /* @__PURE__ */ (() => pageOf(InventoryLevelSchema, 'InventoryLevelPage'))();
export const MovementPage = /* @__PURE__ */ (() => pageOf(MovementSchema, 'InventoryMovementPage'))();

export const StoreParams = /* @__PURE__ */ (() => z.strictObject({ storeId: ResourceId }))();
export const StoreSkuParams = /* @__PURE__ */ (() => z.strictObject({ storeId: ResourceId, sku: Sku }))();
export const ProductParams = /* @__PURE__ */ (() => z.strictObject({ productId: ResourceId }))();

export const ListInventoryQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    belowReorderPoint: z
      .optional(z.enum(['true', 'false']))
      .clone()
      .register(z.globalRegistry, {
        description:
          '`true`: only levels at or below their reorder point, most urgent first; `false`: only levels with a rule that are above it.',
      }),
    ...PaginationQuery,
  }))();
export type ListInventoryQuery = z.output<typeof ListInventoryQuery>;

export const PageQuery = /* @__PURE__ */ (() => z.strictObject({ ...PaginationQuery }))();
export type PageQuery = z.output<typeof PageQuery>;
