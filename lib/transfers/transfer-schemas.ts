import { Sku } from '../catalog/product-schemas.js';
import {
  ItemMetaSchema,
  multiLineText,
  PaginationQuery,
  pageOf,
  ResourceId,
} from '../http/common-schemas.js';
import { PositiveQuantity, Quantity } from '../inventory/inventory-schemas.js';
import * as z from '../zod.js';
import { MAX_TRANSFER_LINES, TRANSFER_STATUSES } from './transfer-rules.js';

const uniqueSkus = (lines: { sku: string }[], ctx: z.core.$RefinementCtx) => {
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (seen.has(line.sku))
      ctx.addIssue({ code: 'custom', path: [index, 'sku'], message: 'SKU appears twice.' });
    seen.add(line.sku);
  });
};

export const CreateTransferBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      fromStoreId: ResourceId,
      toStoreId: ResourceId,
      lines: z
        .array(z.strictObject({ sku: Sku, quantity: PositiveQuantity }))
        .check(
          z.minLength(1),
          z.maxLength(
            MAX_TRANSFER_LINES,
            `At most ${MAX_TRANSFER_LINES} lines: shipping one transfer must fit one transaction; split it into several transfers.`,
          ),
          z.superRefine(uniqueSkus),
        ),
      note: z.optional(multiLineText({ max: 500 })),
    })
    .check(
      z.refine((body) => body.fromStoreId !== body.toStoreId, {
        path: ['toStoreId'],
        message: 'Must differ from fromStoreId.',
      }),
    )
    .clone()
    .register(z.globalRegistry, { id: 'CreateTransfer' }))();
export type CreateTransferInput = z.output<typeof CreateTransferBody>;

export const ReceiveTransferBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      lines: z
        .optional(
          z
            .array(z.strictObject({ sku: Sku, quantity: Quantity }))
            .check(z.minLength(1), z.maxLength(MAX_TRANSFER_LINES), z.superRefine(uniqueSkus)),
        )
        .clone()
        .register(z.globalRegistry, {
          description:
            'Quantity received per SKU, every line of the transfer (0 if none arrived). Omit to receive everything shipped.',
        }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'ReceiveTransfer' }))();
export type ReceiveTransferInput = z.output<typeof ReceiveTransferBody>;

export const TransferLineSchema = /* @__PURE__ */ (() =>
  z
    .object({
      sku: Sku,
      productId: ResourceId,
      quantity: PositiveQuantity,
      shipped: z.optional(Quantity),
      received: z.optional(Quantity),
      shortfall: z
        .optional(Quantity)
        .clone()
        .register(z.globalRegistry, { description: 'Shipped but not received (lost in transit).' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'TransferLine' }))();
export type TransferLine = z.output<typeof TransferLineSchema>;

export const TransferSchema = /* @__PURE__ */ (() =>
  z
    .object({
      transferId: ResourceId,
      fromStoreId: ResourceId,
      toStoreId: ResourceId,
      status: z.enum(TRANSFER_STATUSES),
      lines: z.array(TransferLineSchema),
      note: z.optional(z.string()),
      createdBy: z.string(),
      readyAt: z.optional(z.iso.datetime()),
      shippedAt: z.optional(z.iso.datetime()),
      receivedAt: z.optional(z.iso.datetime()),
      cancelledAt: z.optional(z.iso.datetime()),
      ...ItemMetaSchema,
    })
    .clone()
    .register(z.globalRegistry, { id: 'Transfer' }))();
export type Transfer = z.output<typeof TransferSchema>;

export const TransferPage = /* @__PURE__ */ (() => pageOf(TransferSchema, 'TransferPage'))();
export const TransferParams = /* @__PURE__ */ (() => z.strictObject({ transferId: ResourceId }))();
export const StoreTransfersParams = /* @__PURE__ */ (() => z.strictObject({ storeId: ResourceId }))();
export const ListStoreTransfersQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    status: z.optional(z.enum(TRANSFER_STATUSES)),
    ...PaginationQuery,
  }))();
export type ListStoreTransfersQuery = z.output<typeof ListStoreTransfersQuery>;
