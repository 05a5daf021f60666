import { MinorUnits, Sku } from '../catalog/product-schemas.js';
import {
  ItemMetaSchema,
  PaginationQuery,
  pageOf,
  ResourceId,
  singleLineText,
} from '../http/common-schemas.js';
import { CouponCode } from '../promotions/promotion-schemas.js';
import * as z from '../zod.js';
import { MAX_ORDER_LINES } from './order-limits.js';
import { ORDER_STATUSES } from './order-state.js';

export const ORDER_CHANNELS = ['online', 'in_store', 'marketplace'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];
export const PAYMENT_METHODS = ['cash', 'card', 'alipay', 'wechat_pay', 'other'] as const;
export const RESTOCK_OPTIONS = ['available', 'unavailable', 'none'] as const;
export type RestockOption = (typeof RESTOCK_OPTIONS)[number];

const Quantity = /* @__PURE__ */ (() => z.number().check(z.int(), z.gte(1), z.lte(999)))();
const Currency = /* @__PURE__ */ (() => z.string().check(z.regex(/^[A-Z]{3}$/)))();
/** Positive money in minor units (a payment, a refund). */
const PositiveAmount = /* @__PURE__ */ (() => z.number().check(z.int(), z.gte(1), z.lte(1_000_000_000)))();

const LineInput = /* @__PURE__ */ (() => z.strictObject({ sku: Sku, quantity: Quantity }))();

/** Lines name each SKU once, so that one stock level gets one write per transaction. */
const linesInput = (id: string) =>
  z
    .array(LineInput)
    .check(
      z.minLength(1),
      z.maxLength(MAX_ORDER_LINES, `At most ${MAX_ORDER_LINES} lines fit in one order transaction.`),
      z.superRefine((lines, ctx) => {
        const seen = new Set<string>();
        lines.forEach((line, index) => {
          if (seen.has(line.sku))
            ctx.addIssue({
              code: 'custom',
              path: [index, 'sku'],
              message: 'SKU appears twice; merge the lines.',
            });
          seen.add(line.sku);
        });
      }),
    )
    .clone()
    .register(z.globalRegistry, { id });

export const CreateOrderBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      storeId: ResourceId,
      channel: z.enum(ORDER_CHANNELS),
      customerId: z.optional(ResourceId),
      lines: linesInput('OrderLineInputs'),
      couponCode: z.optional(CouponCode),
      pointsToRedeem: z
        .optional(z.number().check(z.int(), z.gte(1), z.lte(100_000_000)))
        .clone()
        .register(z.globalRegistry, {
          description: 'Loyalty points to spend; capped at the order total. Needs `customerId`.',
        }),
    })
    .check(
      z.superRefine((body, ctx) => {
        if (body.pointsToRedeem !== undefined && body.customerId === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['pointsToRedeem'],
            message: 'Redeeming points needs a customerId.',
          });
      }),
    )
    .clone()
    .register(z.globalRegistry, {
      id: 'CreateOrder',
      description: 'What to sell; prices come from the catalog and promotions.',
    }))();
export type CreateOrderInput = z.output<typeof CreateOrderBody>;

export const RecordPaymentBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      method: z.enum(PAYMENT_METHODS),
      amount: PositiveAmount.clone().register(z.globalRegistry, {
        description: 'Minor units; at most the amount still due.',
      }),
      reference: z.optional(singleLineText({ max: 200 })),
    })
    .clone()
    .register(z.globalRegistry, { id: 'RecordPayment' }))();
export type RecordPaymentInput = z.output<typeof RecordPaymentBody>;

export const FulfilOrderBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      carrier: z.optional(singleLineText({ max: 100 })),
      trackingNumber: z.optional(singleLineText({ max: 100 })),
    })
    .clone()
    .register(z.globalRegistry, { id: 'FulfilOrder' }))();
export type FulfilOrderInput = z.output<typeof FulfilOrderBody>;

export const CancelOrderBody = /* @__PURE__ */ (() =>
  z
    .strictObject({ reason: singleLineText({ max: 500 }) })
    .clone()
    .register(z.globalRegistry, { id: 'CancelOrder' }))();
export type CancelOrderInput = z.output<typeof CancelOrderBody>;

export const RefundOrderBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      lines: z.optional(linesInput('RefundLineInputs')),
      amount: z.optional(MinorUnits).clone().register(z.globalRegistry, {
        description: 'Minor units; defaults to the value of the lines. Without lines, a money-only refund.',
      }),
      restock: z.enum(RESTOCK_OPTIONS).clone().register(z.globalRegistry, {
        description:
          '`available`: back on sale; `unavailable`: back on hand but damaged; `none`: not returned.',
      }),
      reason: singleLineText({ max: 500 }),
    })
    .check(
      z.superRefine((body, ctx) => {
        if (body.lines) return;
        if (body.amount === undefined || body.amount === 0)
          ctx.addIssue({
            code: 'custom',
            path: ['amount'],
            message: 'Send lines, an amount above zero, or both.',
          });
        if (body.restock !== 'none')
          ctx.addIssue({
            code: 'custom',
            path: ['restock'],
            message: 'Only returned lines can be restocked.',
          });
      }),
    )
    .clone()
    .register(z.globalRegistry, { id: 'RefundOrder' }))();
export type RefundOrderInput = z.output<typeof RefundOrderBody>;

export const OrderLineSchema = /* @__PURE__ */ (() =>
  z
    .object({
      sku: Sku,
      productId: ResourceId,
      name: z.string(),
      options: z.record(z.string(), z.string()),
      category: z.string(),
      quantity: Quantity,
      unitPrice: MinorUnits,
      lineSubtotal: MinorUnits,
      discount: MinorUnits.clone().register(z.globalRegistry, {
        description: 'Promotion discount on this line.',
      }),
      lineTotal: MinorUnits,
      allocatedDiscount: MinorUnits.clone().register(z.globalRegistry, {
        description:
          'This line’s share of order-level reductions (points redemption, order-wide promotions).',
      }),
      netTotal: MinorUnits.clone().register(z.globalRegistry, {
        description: 'What the customer pays for this line, tax included; lines sum to `total`.',
      }),
      taxRateId: z
        .optional(ResourceId)
        .clone()
        .register(z.globalRegistry, { description: 'The rate applied; absent when none was set (0).' }),
      taxCategory: z.string().clone().register(z.globalRegistry, {
        description: 'The category the rate is set for: the product’s, or `default`.',
      }),
      taxName: z.string().clone().register(z.globalRegistry, { example: 'GST' }),
      taxRate: z
        .number()
        .check(z.int(), z.gte(0), z.lte(10_000))
        .clone()
        .register(z.globalRegistry, { description: 'Basis points: 1000 = 10%.' }),
      taxAmount: MinorUnits.clone().register(z.globalRegistry, {
        description:
          'Tax of this line, rounded half up once per line on what the customer pays for it (after promotions and points).',
      }),
      refundedQuantity: z.number().check(z.int(), z.gte(0)),
    })
    .clone()
    .register(z.globalRegistry, { id: 'OrderLine' }))();
export type OrderLine = z.output<typeof OrderLineSchema>;

export const AppliedPromotionSchema = /* @__PURE__ */ (() =>
  z
    .object({
      promotionId: z.string(),
      name: z.string(),
      couponCode: z.optional(z.string()),
      amount: MinorUnits,
      limits: z
        .optional(
          z.object({
            usageLimit: z.optional(z.number().check(z.int())),
            perCustomerLimit: z.optional(z.number().check(z.int())),
          }),
        )
        .clone()
        .register(z.globalRegistry, {
          description: 'The limits this use counted against; a cancel gives the use back.',
        }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'OrderAppliedPromotion' }))();

export const OrderSchema = /* @__PURE__ */ (() =>
  z
    .object({
      orderId: ResourceId,
      storeId: ResourceId,
      channel: z.enum(ORDER_CHANNELS),
      customerId: z.optional(ResourceId),
      status: z.enum(ORDER_STATUSES),
      currency: Currency,
      lines: z.array(OrderLineSchema),
      couponCode: z.optional(z.string()),
      appliedPromotions: z.array(AppliedPromotionSchema),
      subtotal: MinorUnits,
      discountTotal: MinorUnits,
      pointsRedeemed: z.number().check(z.int(), z.gte(0)),
      pointsDiscount: MinorUnits,
      pricesIncludeTax: z.boolean().clone().register(z.globalRegistry, {
        description: 'Whether unit prices include tax (the store’s setting when the order was placed).',
      }),
      taxTotal: MinorUnits.clone().register(z.globalRegistry, {
        description: 'Sum of the lines’ tax: included in `total` or, with tax-exclusive prices, added to it.',
      }),
      taxRefunded: MinorUnits.clone().register(z.globalRegistry, {
        description: 'Tax returned by refunds so far.',
      }),
      total: MinorUnits,
      amountPaid: MinorUnits,
      amountDue: MinorUnits,
      amountRefunded: MinorUnits,
      refundableAmount: MinorUnits.clone().register(z.globalRegistry, {
        description: 'Paid and not yet refunded.',
      }),
      pointsEarned: z.number().check(z.int(), z.gte(0)),
      expiresAt: z.iso
        .datetime()
        .clone()
        .register(z.globalRegistry, { description: 'Cancelled automatically if still unpaid then.' }),
      paidAt: z.optional(z.iso.datetime()),
      receiptNumber: z.optional(z.string()).clone().register(z.globalRegistry, {
        description: 'Given when the order is paid: sequential per store, without gaps.',
        example: 'SYD-01-000123',
      }),
      fulfilledAt: z.optional(z.iso.datetime()),
      fulfilment: z.optional(
        z.object({ carrier: z.optional(z.string()), trackingNumber: z.optional(z.string()) }),
      ),
      completedAt: z.optional(z.iso.datetime()),
      cancelledAt: z.optional(z.iso.datetime()),
      cancelReason: z.optional(z.string()),
      createdBy: z.string(),
      ...ItemMetaSchema,
    })
    .clone()
    .register(z.globalRegistry, { id: 'Order' }))();
export type Order = z.output<typeof OrderSchema>;

export const PaymentSchema = /* @__PURE__ */ (() =>
  z
    .object({
      paymentId: ResourceId,
      orderId: ResourceId,
      method: z.enum(PAYMENT_METHODS),
      amount: PositiveAmount,
      reference: z.optional(z.string()),
      createdAt: z.iso.datetime(),
      createdBy: z.string(),
    })
    .clone()
    .register(z.globalRegistry, { id: 'Payment' }))();
export type Payment = z.output<typeof PaymentSchema>;

export const RefundSchema = /* @__PURE__ */ (() =>
  z
    .object({
      refundId: ResourceId,
      orderId: ResourceId,
      amount: MinorUnits,
      lines: z.array(
        z.object({
          sku: Sku,
          quantity: Quantity,
          amount: MinorUnits,
          tax: MinorUnits.clone().register(z.globalRegistry, {
            description: 'Tax in `amount` returned for these units.',
          }),
        }),
      ),
      tax: MinorUnits.clone().register(z.globalRegistry, {
        description: 'Tax returned with this refund (part of `amount`).',
      }),
      creditNoteNumber: z.optional(z.string()).clone().register(z.globalRegistry, {
        description: 'Sequential per store, without gaps; for refunds of orders that had a receipt.',
        example: 'SYD-01-CN-000045',
      }),
      restock: z.enum(RESTOCK_OPTIONS),
      reason: z.string(),
      pointsReturned: z.number().check(z.int(), z.gte(0)).clone().register(z.globalRegistry, {
        description: 'Redeemed points given back: the share of the redemption of the units refunded.',
      }),
      pointsReversed: z.number().check(z.int(), z.gte(0)).clone().register(z.globalRegistry, {
        description: 'Points earned on the refunded value, taken back (completed orders).',
      }),
      pointsNotReversed: z.number().check(z.int(), z.gte(0)).clone().register(z.globalRegistry, {
        description: 'Points that should have been reversed but the customer had already spent.',
      }),
      createdAt: z.iso.datetime(),
      createdBy: z.string(),
    })
    .clone()
    .register(z.globalRegistry, { id: 'Refund' }))();
export type Refund = z.output<typeof RefundSchema>;

export const OrderDetailSchema = /* @__PURE__ */ (() =>
  z
    .extend(OrderSchema, {
      payments: z.array(PaymentSchema),
      refunds: z.array(RefundSchema),
    })
    .clone()
    .register(z.globalRegistry, { id: 'OrderDetail' }))();
export type OrderDetail = z.output<typeof OrderDetailSchema>;

/**
 * What an order listing shows of each order: who, where, its status and total, and when it
 * moved. The narrow indexes the listings read project exactly these
 * (`ORDER_SUMMARY_ATTRIBUTES` in lib/db/table-definition.ts; a unit test keeps the two equal);
 * the whole order, with lines, payments and refunds, is `GET /orders/{orderId}`.
 */
export const OrderSummarySchema = /* @__PURE__ */ (() =>
  z
    .pick(OrderSchema, {
      orderId: true,
      storeId: true,
      channel: true,
      customerId: true,
      status: true,
      currency: true,
      total: true,
      createdAt: true,
      createdBy: true,
      expiresAt: true,
      paidAt: true,
      receiptNumber: true,
      fulfilledAt: true,
      completedAt: true,
      cancelledAt: true,
    })
    .clone()
    .register(z.globalRegistry, {
      id: 'OrderSummary',
      description:
        'An order as listings show it; `GET /orders/{orderId}` has the lines, payments and refunds.',
    }))();
export type OrderSummary = z.output<typeof OrderSummarySchema>;

export const OrderSummaryPage = /* @__PURE__ */ (() => pageOf(OrderSummarySchema, 'OrderSummaryPage'))();
export const OrderParams = /* @__PURE__ */ (() => z.strictObject({ orderId: ResourceId }))();
export const StoreOrdersParams = /* @__PURE__ */ (() => z.strictObject({ storeId: ResourceId }))();
export const CustomerOrdersParams = /* @__PURE__ */ (() => z.strictObject({ customerId: ResourceId }))();

const IsoDateTime = /* @__PURE__ */ (() => z.iso.datetime({ offset: true }))();

/** `from`/`to` of an order listing: creation-time bounds, inclusive (GET /stores/{id}/orders, GET /orders). */
export const CreatedRangeQuery = /* @__PURE__ */ (() => ({
  from: z
    .optional(IsoDateTime)
    .clone()
    .register(z.globalRegistry, { description: 'Created at or after (ISO 8601).' }),
  to: z
    .optional(IsoDateTime)
    .clone()
    .register(z.globalRegistry, { description: 'Created at or before (ISO 8601).' }),
}))();

export const ListStoreOrdersQuery = /* @__PURE__ */ (() =>
  z
    .strictObject({
      status: z.optional(z.enum(ORDER_STATUSES)),
      ...CreatedRangeQuery,
      ...PaginationQuery,
    })
    .check(
      z.refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
        path: ['from'],
        message: 'Must not be after `to`.',
      }),
    ))();
export type ListStoreOrdersQuery = z.output<typeof ListStoreOrdersQuery>;

export const ListCustomerOrdersQuery = /* @__PURE__ */ (() => z.strictObject({ ...PaginationQuery }))();
export type ListCustomerOrdersQuery = z.output<typeof ListCustomerOrdersQuery>;
