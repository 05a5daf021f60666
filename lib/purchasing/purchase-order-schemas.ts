import { MinorUnits, Sku } from '../catalog/product-schemas.js';
import {
  ItemMetaSchema,
  multiLineText,
  PaginationQuery,
  pageOf,
  ResourceId,
} from '../http/common-schemas.js';
import { PositiveQuantity, Quantity } from '../inventory/inventory-schemas.js';
import { Currency } from '../suppliers/supplier-schemas.js';
import * as z from '../zod.js';
import { MAX_PURCHASE_ORDER_LINES, PURCHASE_ORDER_STATUSES } from './purchase-order-rules.js';

/** The group's home currency, assumed when a purchase order does not name one. */
export const DEFAULT_PURCHASE_CURRENCY = 'AUD';

const uniqueSkus = (lines: { sku: string }[], ctx: z.core.$RefinementCtx) => {
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (seen.has(line.sku))
      ctx.addIssue({ code: 'custom', path: [index, 'sku'], message: 'SKU appears twice.' });
    seen.add(line.sku);
  });
};

const linesOf = /* @__PURE__ */ (
  () =>
  <T extends z.ZodMiniType<{ sku: string }>>(line: T) =>
    z
      .array(line)
      .check(
        z.minLength(1),
        z.maxLength(
          MAX_PURCHASE_ORDER_LINES,
          `At most ${MAX_PURCHASE_ORDER_LINES} lines: each change must fit one transaction; split the order.`,
        ),
        z.superRefine(uniqueSkus),
      )
)();

export const CreatePurchaseOrderBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      supplierId: ResourceId,
      storeId: ResourceId,
      lines: linesOf(z.strictObject({ sku: Sku, quantity: PositiveQuantity, unitCost: MinorUnits })),
      currency: z._default(Currency, DEFAULT_PURCHASE_CURRENCY).clone().register(z.globalRegistry, {
        description: 'Currency of the unit costs; must be the supplier’s. Defaults to AUD.',
      }),
      expectedAt: z.optional(z.iso.datetime()),
      note: z.optional(multiLineText({ max: 500 })),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreatePurchaseOrder' }))();
export type CreatePurchaseOrderInput = z.output<typeof CreatePurchaseOrderBody>;

export const ReceivePurchaseOrderBody = /* @__PURE__ */ (() =>
  z
    .strictObject({ lines: linesOf(z.strictObject({ sku: Sku, quantity: PositiveQuantity })) })
    .clone()
    .register(z.globalRegistry, { id: 'ReceivePurchaseOrder' }))();
export type ReceivePurchaseOrderInput = z.output<typeof ReceivePurchaseOrderBody>;

export const PurchaseOrderLineSchema = /* @__PURE__ */ (() =>
  z
    .object({
      sku: Sku,
      productId: ResourceId,
      quantity: PositiveQuantity,
      unitCost: MinorUnits,
      received: Quantity,
      lineTotal: z.number().check(z.int(), z.gte(0)),
    })
    .clone()
    .register(z.globalRegistry, { id: 'PurchaseOrderLine' }))();
export type PurchaseOrderLine = z.output<typeof PurchaseOrderLineSchema>;

export const PurchaseOrderSchema = /* @__PURE__ */ (() =>
  z
    .object({
      purchaseOrderId: ResourceId,
      supplierId: ResourceId,
      storeId: ResourceId,
      status: z.enum(PURCHASE_ORDER_STATUSES),
      currency: Currency,
      lines: z.array(PurchaseOrderLineSchema),
      total: z
        .number()
        .check(z.int(), z.gte(0))
        .clone()
        .register(z.globalRegistry, { description: 'Sum of quantity × unitCost, minor units.' }),
      expectedAt: z.optional(z.iso.datetime()),
      note: z.optional(z.string()),
      createdBy: z.string(),
      orderedAt: z.optional(z.iso.datetime()),
      lastReceivedAt: z.optional(z.iso.datetime()),
      closedAt: z.optional(z.iso.datetime()),
      cancelledAt: z.optional(z.iso.datetime()),
      ...ItemMetaSchema,
    })
    .clone()
    .register(z.globalRegistry, { id: 'PurchaseOrder' }))();
export type PurchaseOrder = z.output<typeof PurchaseOrderSchema>;

export const PurchaseOrderPage = /* @__PURE__ */ (() => pageOf(PurchaseOrderSchema, 'PurchaseOrderPage'))();
export const PurchaseOrderParams = /* @__PURE__ */ (() => z.strictObject({ purchaseOrderId: ResourceId }))();
export const StorePurchaseOrdersParams = /* @__PURE__ */ (() => z.strictObject({ storeId: ResourceId }))();
export const ListStorePurchaseOrdersQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    status: z.optional(z.enum(PURCHASE_ORDER_STATUSES)),
    ...PaginationQuery,
  }))();
export type ListStorePurchaseOrdersQuery = z.output<typeof ListStorePurchaseOrdersQuery>;
