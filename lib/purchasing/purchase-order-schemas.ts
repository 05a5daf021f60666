import * as z from 'zod';
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
import { MAX_PURCHASE_ORDER_LINES, PURCHASE_ORDER_STATUSES } from './purchase-order-rules.js';

/** The group's home currency, assumed when a purchase order does not name one. */
export const DEFAULT_PURCHASE_CURRENCY = 'AUD';

const uniqueSkus = (lines: { sku: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (seen.has(line.sku))
      ctx.addIssue({ code: 'custom', path: [index, 'sku'], message: 'SKU appears twice.' });
    seen.add(line.sku);
  });
};

const linesOf = <T extends z.ZodType<{ sku: string }>>(line: T) =>
  z
    .array(line)
    .min(1)
    .max(
      MAX_PURCHASE_ORDER_LINES,
      `At most ${MAX_PURCHASE_ORDER_LINES} lines: each change must fit one transaction; split the order.`,
    )
    .superRefine(uniqueSkus);

export const CreatePurchaseOrderBody = z
  .strictObject({
    supplierId: ResourceId,
    storeId: ResourceId,
    lines: linesOf(z.strictObject({ sku: Sku, quantity: PositiveQuantity, unitCost: MinorUnits })),
    currency: Currency.default(DEFAULT_PURCHASE_CURRENCY).meta({
      description: 'Currency of the unit costs; must be the supplier’s. Defaults to AUD.',
    }),
    expectedAt: z.iso.datetime().optional(),
    note: multiLineText({ max: 500 }).optional(),
  })
  .meta({ id: 'CreatePurchaseOrder' });
export type CreatePurchaseOrderInput = z.output<typeof CreatePurchaseOrderBody>;

export const ReceivePurchaseOrderBody = z
  .strictObject({ lines: linesOf(z.strictObject({ sku: Sku, quantity: PositiveQuantity })) })
  .meta({ id: 'ReceivePurchaseOrder' });
export type ReceivePurchaseOrderInput = z.output<typeof ReceivePurchaseOrderBody>;

export const PurchaseOrderLineSchema = z
  .object({
    sku: Sku,
    productId: ResourceId,
    quantity: PositiveQuantity,
    unitCost: MinorUnits,
    received: Quantity,
    lineTotal: z.number().int().min(0),
  })
  .meta({ id: 'PurchaseOrderLine' });
export type PurchaseOrderLine = z.output<typeof PurchaseOrderLineSchema>;

export const PurchaseOrderSchema = z
  .object({
    purchaseOrderId: ResourceId,
    supplierId: ResourceId,
    storeId: ResourceId,
    status: z.enum(PURCHASE_ORDER_STATUSES),
    currency: Currency,
    lines: z.array(PurchaseOrderLineSchema),
    total: z.number().int().min(0).meta({ description: 'Sum of quantity × unitCost, minor units.' }),
    expectedAt: z.iso.datetime().optional(),
    note: z.string().optional(),
    createdBy: z.string(),
    orderedAt: z.iso.datetime().optional(),
    lastReceivedAt: z.iso.datetime().optional(),
    closedAt: z.iso.datetime().optional(),
    cancelledAt: z.iso.datetime().optional(),
    ...ItemMetaSchema,
  })
  .meta({ id: 'PurchaseOrder' });
export type PurchaseOrder = z.output<typeof PurchaseOrderSchema>;

export const PurchaseOrderPage = pageOf(PurchaseOrderSchema, 'PurchaseOrderPage');
export const PurchaseOrderParams = z.strictObject({ purchaseOrderId: ResourceId });
export const StorePurchaseOrdersParams = z.strictObject({ storeId: ResourceId });
export const ListStorePurchaseOrdersQuery = z.strictObject({
  status: z.enum(PURCHASE_ORDER_STATUSES).optional(),
  ...PaginationQuery,
});
export type ListStorePurchaseOrdersQuery = z.output<typeof ListStorePurchaseOrdersQuery>;
