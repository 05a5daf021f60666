import { PRODUCT_STATUSES, VARIANT_STATUSES } from '../catalog/product-schemas.js';
import { ORDER_CHANNELS } from '../orders/order-schemas.js';
import { ORDER_STATUSES } from '../orders/order-state.js';
import { PURCHASE_ORDER_STATUSES } from '../purchasing/purchase-order-rules.js';
import { TRANSFER_STATUSES } from '../transfers/transfer-rules.js';
import * as z from '../zod.js';
import { EnvelopeFields } from './event-envelope.js';

/**
 * The detail of every domain event, declared once: the translation validates what it builds
 * against these, docs/events.md shows them as JSON Schema. Objects are open (consumers must
 * ignore fields they do not know), so adding a field is not a breaking change.
 */
const id = /* @__PURE__ */ (() => z.string().check(z.minLength(1)))();
const count = /* @__PURE__ */ (() => z.number().check(z.int()))();
const money = /* @__PURE__ */ (() =>
  z
    .number()
    .check(z.int())
    .clone()
    .register(z.globalRegistry, { description: 'Minor units (e.g. cents).' }))();
const currency = /* @__PURE__ */ (() => z.string().check(z.regex(/^[A-Z]{3}$/)))();
const instant = /* @__PURE__ */ (() => z.iso.datetime())();

export const Quantities = /* @__PURE__ */ (() =>
  z
    .object({
      onHand: count,
      committed: count,
      unavailable: count,
      available: count
        .clone()
        .register(z.globalRegistry, { description: 'onHand − committed − unavailable.' }),
      incoming: count,
    })
    .clone()
    .register(z.globalRegistry, { description: 'A level’s quantities at one moment.' }))();

export const ReorderRuleDetail = /* @__PURE__ */ (() =>
  z.object({
    reorderPoint: count,
    reorderQuantity: count,
    safetyStock: z.optional(count),
    preferredSupplierId: z.optional(id),
  }))();

const levelIds = { storeId: id, sku: id, productId: id };

export const LevelChangedDetail = /* @__PURE__ */ (() =>
  z.object({
    ...EnvelopeFields,
    ...levelIds,
    before: Quantities.clone().register(z.globalRegistry, {
      description: 'All zero when the level was created by this change.',
    }),
    after: Quantities,
    delta: Quantities.clone().register(z.globalRegistry, { description: 'after − before, per quantity.' }),
    reorderRule: z.optional(ReorderRuleDetail),
  }))();

const levelAlertFields = /* @__PURE__ */ (() => ({
  ...EnvelopeFields,
  ...levelIds,
  ...Quantities.shape,
  before: Quantities,
}))();

export const LowStockDetail = /* @__PURE__ */ (() =>
  z.object({
    ...levelAlertFields,
    reorderPoint: count,
    reorderQuantity: count,
    safetyStock: z.optional(count),
    preferredSupplierId: z.optional(id),
    cause: z.enum(['stock', 'reorder-rule']).clone().register(z.globalRegistry, {
      description:
        '`stock`: available fell to or below the point; `reorder-rule`: a rule was set or its point raised to or above available.',
    }),
  }))();

export const OutOfStockDetail = /* @__PURE__ */ (() =>
  z.object({ ...levelAlertFields, reorderRule: z.optional(ReorderRuleDetail) }))();
export const BackInStockDetail = OutOfStockDetail;

export const ProductVariantDetail = /* @__PURE__ */ (() =>
  z
    .object({
      sku: id,
      status: z.enum(VARIANT_STATUSES),
      price: money,
      currency,
      barcode: z.optional(z.string()),
    })
    .clone()
    .register(z.globalRegistry, {
      description: 'A variant without its cost (cost is visible to some roles only).',
    }))();

export const ProductDetail = /* @__PURE__ */ (() =>
  z.object({
    ...EnvelopeFields,
    productId: id,
    name: z.string(),
    category: z.string(),
    brand: z.string(),
    status: z.enum(PRODUCT_STATUSES),
    previousStatus: z.optional(z.enum(PRODUCT_STATUSES)),
    variants: z.array(ProductVariantDetail),
    changedFields: z
      .array(z.string())
      .clone()
      .register(z.globalRegistry, { description: 'Top-level fields that changed (empty on create).' }),
    productVersion: count
      .clone()
      .register(z.globalRegistry, { description: 'The product’s version after the change (its ETag).' }),
  }))();

export const OrderLineDetail = /* @__PURE__ */ (() =>
  z.object({ sku: id, productId: id, quantity: count, netTotal: money }))();

export const OrderDetail = /* @__PURE__ */ (() =>
  z.object({
    ...EnvelopeFields,
    orderId: id,
    storeId: id,
    customerId: z.optional(id),
    channel: z.enum(ORDER_CHANNELS),
    status: z.enum(ORDER_STATUSES),
    previousStatus: z.optional(z.enum(ORDER_STATUSES)),
    currency,
    subtotal: money,
    discountTotal: money,
    taxTotal: money,
    total: money,
    amountPaid: money,
    amountDue: money,
    amountRefunded: money,
    lines: z.array(OrderLineDetail),
    receiptNumber: z.optional(z.string()),
    cancelReason: z.optional(z.string()),
  }))();

export const OrderRefundedDetail = /* @__PURE__ */ (() =>
  z.extend(OrderDetail, {
    refundAmount: money
      .clone()
      .register(z.globalRegistry, { description: 'Refunded by this change (the rise in amountRefunded).' }),
    taxRefunded: money.clone().register(z.globalRegistry, { description: 'Tax returned by refunds so far.' }),
  }))();

export const TransferDetail = /* @__PURE__ */ (() =>
  z.object({
    ...EnvelopeFields,
    transferId: id,
    fromStoreId: id,
    toStoreId: id,
    status: z.enum(TRANSFER_STATUSES),
    previousStatus: z.optional(z.enum(TRANSFER_STATUSES)),
    lines: z.array(
      z.object({
        sku: id,
        productId: id,
        quantity: count,
        shipped: z.optional(count),
        received: z.optional(count),
        shortfall: z.optional(count),
      }),
    ),
    note: z.optional(z.string()),
  }))();

export const PurchaseOrderDetail = /* @__PURE__ */ (() =>
  z.object({
    ...EnvelopeFields,
    purchaseOrderId: id,
    storeId: id,
    supplierId: id,
    status: z.enum(PURCHASE_ORDER_STATUSES),
    previousStatus: z.optional(z.enum(PURCHASE_ORDER_STATUSES)),
    currency,
    total: money,
    lines: z.array(z.object({ sku: id, productId: id, quantity: count, received: count, unitCost: money })),
    expectedAt: z.optional(instant),
  }))();

export const CustomerCreatedDetail = /* @__PURE__ */ (() =>
  z
    .object({ ...EnvelopeFields, customerId: id, marketingOptIn: z.boolean(), tags: z.array(z.string()) })
    .clone()
    .register(z.globalRegistry, {
      description: 'No personal data on the bus: consumers that need it read the customer.',
    }))();

export const StocktakeSubmittedDetail = /* @__PURE__ */ (() =>
  z.object({
    ...EnvelopeFields,
    stocktakeId: id,
    storeId: id,
    at: instant,
    applied: z.array(z.object({ sku: id, expected: count, counted: count, variance: count })),
    conflicts: z.array(
      z.object({
        sku: id,
        expected: count,
        onHand: count,
        reason: z.enum(['on-hand-changed', 'below-committed']),
      }),
    ),
    totalVariance: count,
    note: z.optional(z.string()),
  }))();

export const StockHealthDetail = /* @__PURE__ */ (() =>
  z
    .object({
      ...EnvelopeFields,
      storeId: id,
      sweptOn: z.iso.date().clone().register(z.globalRegistry, {
        description: 'The UTC day swept; with the store, the event’s stable id.',
      }),
      belowReorderPoint: count
        .clone()
        .register(z.globalRegistry, { description: 'Levels at or below their reorder point.' }),
      outOfStock: count
        .clone()
        .register(z.globalRegistry, { description: 'Of those, levels with nothing available.' }),
      plannedNow: count.clone().register(z.globalRegistry, {
        description: 'Replenishments this sweep planned (events had missed them).',
      }),
      alreadyOpen: count
        .clone()
        .register(z.globalRegistry, { description: 'Low levels that already had an open replenishment.' }),
      notPlanned: count.clone().register(z.globalRegistry, {
        description: 'Low, but nothing could be planned (notify_only, no donor, no supplier).',
      }),
      failed: count.clone().register(z.globalRegistry, {
        description: 'Levels the sweep could not plan for an error (alarmed).',
      }),
    })
    .clone()
    .register(z.globalRegistry, { description: 'One per store and daily sweep of the reorder watch.' }))();

export const StockAlertDetail = /* @__PURE__ */ (() =>
  z
    .object({
      ...EnvelopeFields,
      alert: z
        .enum(['Inventory.LowStock', 'Inventory.OutOfStock'])
        .clone()
        .register(z.globalRegistry, { description: 'The crossing alerted.' }),
      crossingEventId: id
        .clone()
        .register(z.globalRegistry, { description: 'The eventId of the crossing event this alert answers.' }),
      ...levelIds,
      available: count,
      reorderPoint: z.optional(count),
      reorderQuantity: z.optional(count),
      outcome: z.enum(['planned', 'already-open', 'not-planned']),
      reason: z
        .optional(z.string())
        .clone()
        .register(z.globalRegistry, { description: 'Why nothing was planned, when nothing was.' }),
      replenishmentId: z.optional(id),
      transfers: z.array(z.object({ transferId: id, fromStoreId: id, quantity: count })),
      purchaseOrder: z.optional(z.object({ purchaseOrderId: id, supplierId: id, quantity: count })),
      plan: z.string().clone().register(z.globalRegistry, {
        description: 'What was planned, in one readable sentence (the alert’s text).',
      }),
    })
    .clone()
    .register(z.globalRegistry, {
      description:
        'What the planner did about one crossing; the stock-alert topic’s message is made from it, so it can name the replenishment.',
    }))();
