import { Category, MinorUnits, Sku } from '../catalog/product-schemas.js';
import {
  ItemMetaSchema,
  multiLineText,
  nonEmptyPatch,
  PaginationQuery,
  pageOf,
  ResourceId,
  singleLineText,
} from '../http/common-schemas.js';
import * as z from '../zod.js';
import { promotionRuleIssues } from './promotion-rules.js';

export const PROMOTION_TYPES = ['percentage', 'fixed_amount', 'spend_threshold'] as const;
export type PromotionType = (typeof PROMOTION_TYPES)[number];
/** Stored status; whether a promotion is running right now is derived from its dates (`phase`). */
export const PROMOTION_STATUSES = ['active', 'disabled'] as const;
export type PromotionStatus = (typeof PROMOTION_STATUSES)[number];
export const PROMOTION_PHASES = ['scheduled', 'running', 'ended'] as const;
export const SALES_CHANNELS = ['online', 'in_store', 'marketplace'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];
export const SCOPE_KINDS = ['all', 'categories', 'skus'] as const;

const unique = <T extends z.ZodMiniArray>(schema: T, what: string) =>
  schema.check(
    z.refine((list: z.output<T>) => new Set(list).size === list.length, `${what} must not repeat.`),
  );

/** Always stored as `Date#toISOString()`, so that the gsi1 sort key orders by time as text. */
const Instant = /* @__PURE__ */ (() =>
  z
    .pipe(
      z.iso.datetime({ offset: true }),
      z.transform((value) => new Date(value).toISOString()),
    )
    .clone()
    .register(z.globalRegistry, { example: '2025-07-01T00:00:00.000Z' }))();

/** Upper-case letters, digits, dashes and underscores; input of any case is upper-cased. */
export const CouponCode = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.trim(),
      z.toUpperCase(),
      z.regex(/^[A-Z0-9][A-Z0-9_-]{2,31}$/, 'Use 3–32 letters, digits, dashes or underscores.'),
    )
    .clone()
    .register(z.globalRegistry, { example: 'WELCOME10' }))();

export const PromotionScopeSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      appliesTo: z.enum(SCOPE_KINDS),
      categories: z.optional(unique(z.array(Category).check(z.minLength(1), z.maxLength(50)), 'Categories')),
      skus: z.optional(unique(z.array(Sku).check(z.minLength(1), z.maxLength(200)), 'SKUs')),
    })
    .check(
      z.superRefine((scope, ctx) => {
        const lists = [
          ['categories', scope.categories],
          ['skus', scope.skus],
        ] as const;
        for (const [field, list] of lists) {
          if (scope.appliesTo === field && !list)
            ctx.addIssue({ code: 'custom', path: [field], message: `Required when appliesTo is ${field}.` });
          if (scope.appliesTo !== field && list)
            ctx.addIssue({
              code: 'custom',
              path: [field],
              message: `Only allowed when appliesTo is ${field}.`,
            });
        }
      }),
    )
    .clone()
    .register(z.globalRegistry, {
      id: 'PromotionScope',
      example: { appliesTo: 'categories', categories: ['lens-care'] },
    }))();
export type PromotionScope = z.output<typeof PromotionScopeSchema>;

const PositiveMinorUnits = /* @__PURE__ */ (() => MinorUnits.check(z.gte(1)))();

/** Fields a caller may set; `type` is fixed at creation (create a new promotion to change it). */
const editableFields = /* @__PURE__ */ (() => ({
  name: singleLineText({ max: 120 }),
  description: multiLineText({ max: 1000 }),
  percentOff: z
    .number()
    .check(z.int(), z.gte(1), z.lte(100))
    .clone()
    .register(z.globalRegistry, { description: 'percentage: whole percent off each line.' }),
  amountOff: PositiveMinorUnits.clone().register(z.globalRegistry, {
    description:
      'fixed_amount: minor units off each eligible unit (capped at its price); spend_threshold: off the order.',
  }),
  minSpend: PositiveMinorUnits.clone().register(z.globalRegistry, {
    description: 'spend_threshold: eligible spend (after line discounts) that unlocks `amountOff`.',
  }),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code, e.g. AUD.')),
  scope: PromotionScopeSchema,
  storeIds: unique(z.array(ResourceId).check(z.minLength(1), z.maxLength(50)), 'Stores')
    .clone()
    .register(z.globalRegistry, {
      description: 'Stores where it applies; omit for every store (admin only).',
    }),
  channels: unique(
    z.array(z.enum(SALES_CHANNELS)).check(z.minLength(1), z.maxLength(SALES_CHANNELS.length)),
    'Channels',
  )
    .clone()
    .register(z.globalRegistry, {
      description: 'Channels where it applies; omit for every channel.',
    }),
  startsAt: Instant,
  endsAt: Instant,
  couponCode: CouponCode,
  usageLimit: z
    .number()
    .check(z.int(), z.gte(1), z.lte(100_000_000))
    .clone()
    .register(z.globalRegistry, { description: 'Total uses across all orders.' }),
  perCustomerLimit: z.number().check(z.int(), z.gte(1), z.lte(1000)).clone().register(z.globalRegistry, {
    description: 'Uses per customer; such a promotion only applies to orders with a customer.',
  }),
  stackable: z.boolean(),
  status: z.enum(PROMOTION_STATUSES),
}))();

/** Attributes a PATCH may clear with `null`. */
export const CLEARABLE_PROMOTION_FIELDS = [
  'description',
  'storeIds',
  'channels',
  'couponCode',
  'usageLimit',
  'perCustomerLimit',
] as const;

const withRuleIssues = /* @__PURE__ */ (
  () =>
  <T extends z.ZodMiniType<Partial<PromotionDraft>>>(schema: T) =>
    schema.check(
      z.superRefine((value: z.output<T>, ctx) => {
        for (const issue of promotionRuleIssues(value)) ctx.addIssue({ code: 'custom', ...issue });
      }),
    )
)();

export const CreatePromotionBody = /* @__PURE__ */ (() =>
  withRuleIssues(
    z.strictObject({
      ...editableFields,
      type: z.enum(PROMOTION_TYPES),
      description: z.optional(editableFields.description),
      percentOff: z.optional(editableFields.percentOff),
      amountOff: z.optional(editableFields.amountOff),
      minSpend: z.optional(editableFields.minSpend),
      currency: z.optional(editableFields.currency),
      storeIds: z.optional(editableFields.storeIds),
      channels: z.optional(editableFields.channels),
      couponCode: z.optional(editableFields.couponCode),
      usageLimit: z.optional(editableFields.usageLimit),
      perCustomerLimit: z.optional(editableFields.perCustomerLimit),
      stackable: z._default(editableFields.stackable, false),
      status: z._default(editableFields.status, 'active'),
    }),
  )
    .clone()
    .register(z.globalRegistry, { id: 'CreatePromotion' }))();
export type CreatePromotionInput = z.output<typeof CreatePromotionBody>;

/** The rules that involve several fields are checked again on the merged promotion (see promotion-rules). */
export const UpdatePromotionBody = /* @__PURE__ */ (() =>
  nonEmptyPatch(
    z.partial(
      z.strictObject({
        name: editableFields.name,
        description: z.nullable(editableFields.description),
        percentOff: editableFields.percentOff,
        amountOff: editableFields.amountOff,
        minSpend: editableFields.minSpend,
        currency: editableFields.currency,
        scope: editableFields.scope,
        storeIds: z.nullable(editableFields.storeIds),
        channels: z.nullable(editableFields.channels),
        startsAt: editableFields.startsAt,
        endsAt: editableFields.endsAt,
        couponCode: z.nullable(editableFields.couponCode),
        usageLimit: z.nullable(editableFields.usageLimit),
        perCustomerLimit: z.nullable(editableFields.perCustomerLimit),
        stackable: editableFields.stackable,
        status: editableFields.status,
      }),
    ),
  )
    .clone()
    .register(z.globalRegistry, { id: 'UpdatePromotion' }))();
export type UpdatePromotionInput = z.output<typeof UpdatePromotionBody>;

/** What is stored (without item metadata): the rules read this shape. */
export interface PromotionDraft {
  name: string;
  description?: string;
  type: PromotionType;
  percentOff?: number;
  amountOff?: number;
  minSpend?: number;
  currency?: string;
  scope: PromotionScope;
  storeIds?: string[];
  channels?: SalesChannel[];
  startsAt: string;
  endsAt: string;
  couponCode?: string;
  usageLimit?: number;
  perCustomerLimit?: number;
  stackable: boolean;
  status: PromotionStatus;
}

const promotionFields = /* @__PURE__ */ (() => ({
  promotionId: ResourceId,
  ...editableFields,
  type: z.enum(PROMOTION_TYPES),
  description: z.optional(editableFields.description),
  percentOff: z.optional(editableFields.percentOff),
  amountOff: z.optional(editableFields.amountOff),
  minSpend: z.optional(editableFields.minSpend),
  currency: z.optional(editableFields.currency),
  storeIds: z.optional(editableFields.storeIds),
  channels: z.optional(editableFields.channels),
  couponCode: z.optional(z.string()),
  usageLimit: z.optional(editableFields.usageLimit),
  perCustomerLimit: z.optional(editableFields.perCustomerLimit),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  usedCount: z.number().check(z.int(), z.gte(0)).clone().register(z.globalRegistry, {
    description:
      'Uses counted against `usageLimit` or `perCustomerLimit` (promotions without limits are not counted).',
  }),
  ...ItemMetaSchema,
}))();

/** The stored promotion. */
export type Promotion = PromotionDraft & { promotionId: string; usedCount: number } & {
  createdAt: string;
  updatedAt: string;
  version: number;
  updatedBy: string;
};

export const PromotionSchema = /* @__PURE__ */ (() =>
  z
    .object({
      ...promotionFields,
      phase: z.enum(PROMOTION_PHASES).clone().register(z.globalRegistry, {
        description: 'Derived from the dates at read time: scheduled (not started), running or ended.',
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'Promotion' }))();
export type PromotionView = Promotion & { phase: (typeof PROMOTION_PHASES)[number] };

export const PromotionPage = /* @__PURE__ */ (() => pageOf(PromotionSchema, 'PromotionPage'))();
export const PromotionParams = /* @__PURE__ */ (() => z.strictObject({ promotionId: ResourceId }))();
export const ListPromotionsQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    status: z._default(z.enum(PROMOTION_STATUSES), 'active'),
    current: z
      .optional(
        z.pipe(
          z.enum(['true', 'false']),
          z.transform((value) => value === 'true'),
        ),
      )
      .clone()
      .register(z.globalRegistry, {
        description: '`true`: only promotions that have not ended yet (running or scheduled).',
      }),
    ...PaginationQuery,
  }))();
export type ListPromotionsQuery = z.output<typeof ListPromotionsQuery>;
