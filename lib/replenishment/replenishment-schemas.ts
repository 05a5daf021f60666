import { Sku } from '../catalog/product-schemas.js';
import { ItemMetaSchema, PaginationQuery, pageOf, ResourceId } from '../http/common-schemas.js';
import { REPLENISHMENT_POLICIES } from '../inventory/inventory-schemas.js';
import { PURCHASE_ORDER_STATUSES } from '../purchasing/purchase-order-rules.js';
import { TRANSFER_STATUSES } from '../transfers/transfer-rules.js';
import * as z from '../zod.js';

const count = /* @__PURE__ */ (() => z.number().check(z.int()))();

export const PlannedFromSchema = /* @__PURE__ */ (() =>
  z
    .object({
      available: count,
      incoming: count
        .clone()
        .register(z.globalRegistry, { description: 'In-transit transfers and ordered purchase orders.' }),
      openNotIncoming: count
        .clone()
        .register(z.globalRegistry, { description: 'Open replenishments not yet counted as incoming.' }),
      projected: count
        .clone()
        .register(z.globalRegistry, { description: 'available + incoming + openNotIncoming.' }),
      reorderPoint: count,
      reorderQuantity: count,
      quantity: count.clone().register(z.globalRegistry, {
        description: 'Units to bring: up to reorderPoint + reorderQuantity, never less than reorderQuantity.',
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'ReplenishmentPlannedFrom' }))();
export type PlannedFrom = z.output<typeof PlannedFromSchema>;

export const REPLENISHMENT_STATUSES = ['OPEN', 'CLOSED'] as const;

export const ReplenishmentSchema = /* @__PURE__ */ (() =>
  z
    .object({
      replenishmentId: ResourceId,
      storeId: ResourceId,
      sku: Sku,
      productId: ResourceId,
      status: z.enum(REPLENISHMENT_STATUSES).clone().register(z.globalRegistry, {
        description: 'OPEN until every transfer and purchase order it made is received, closed or cancelled.',
      }),
      policy: z.enum(REPLENISHMENT_POLICIES),
      autoApprove: z.boolean(),
      trigger: z.object({
        source: z.enum(['event', 'sweep']).clone().register(z.globalRegistry, {
          description: '`event`: Inventory.LowStock; `sweep`: the daily sweep.',
        }),
        eventId: z.string(),
      }),
      plannedFrom: PlannedFromSchema,
      transfers: z.array(
        z.object({
          transferId: ResourceId,
          fromStoreId: ResourceId,
          quantity: count,
          status: z
            .optional(z.enum(TRANSFER_STATUSES))
            .clone()
            .register(z.globalRegistry, { description: 'The transfer’s status now.' }),
        }),
      ),
      purchaseOrder: z.optional(
        z.object({
          purchaseOrderId: ResourceId,
          supplierId: ResourceId,
          quantity: count,
          joined: z.boolean().clone().register(z.globalRegistry, {
            description: 'Added to a draft purchase order that was already open.',
          }),
          status: z
            .optional(z.enum(PURCHASE_ORDER_STATUSES))
            .clone()
            .register(z.globalRegistry, { description: 'Its status now.' }),
        }),
      ),
      unplanned: count.clone().register(z.globalRegistry, {
        description: 'Units no donor and no supplier could cover under the policy.',
      }),
      pendingDocuments: z
        .array(z.string())
        .clone()
        .register(z.globalRegistry, { description: 'Transfers and purchase orders not yet completed.' }),
      closedAt: z.optional(z.iso.datetime()),
      ...ItemMetaSchema,
    })
    .clone()
    .register(z.globalRegistry, { id: 'Replenishment' }))();
export type Replenishment = z.output<typeof ReplenishmentSchema>;

export const ReplenishmentPage = /* @__PURE__ */ (() => pageOf(ReplenishmentSchema, 'ReplenishmentPage'))();
export const StoreReplenishmentsParams = /* @__PURE__ */ (() => z.strictObject({ storeId: ResourceId }))();
export const ListReplenishmentsQuery = /* @__PURE__ */ (() => z.strictObject({ ...PaginationQuery }))();
export type ListReplenishmentsQuery = z.output<typeof ListReplenishmentsQuery>;
