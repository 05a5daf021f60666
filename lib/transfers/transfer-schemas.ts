import * as z from 'zod';
import { Sku } from '../catalog/product-schemas.js';
import {
  ItemMetaSchema,
  multiLineText,
  PaginationQuery,
  pageOf,
  ResourceId,
} from '../http/common-schemas.js';
import { PositiveQuantity, Quantity } from '../inventory/inventory-schemas.js';
import { MAX_TRANSFER_LINES, TRANSFER_STATUSES } from './transfer-rules.js';

const uniqueSkus = (lines: { sku: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (seen.has(line.sku))
      ctx.addIssue({ code: 'custom', path: [index, 'sku'], message: 'SKU appears twice.' });
    seen.add(line.sku);
  });
};

export const CreateTransferBody = z
  .strictObject({
    fromStoreId: ResourceId,
    toStoreId: ResourceId,
    lines: z
      .array(z.strictObject({ sku: Sku, quantity: PositiveQuantity }))
      .min(1)
      .max(
        MAX_TRANSFER_LINES,
        `At most ${MAX_TRANSFER_LINES} lines: shipping one transfer must fit one transaction; split it into several transfers.`,
      )
      .superRefine(uniqueSkus),
    note: multiLineText({ max: 500 }).optional(),
  })
  .refine((body) => body.fromStoreId !== body.toStoreId, {
    path: ['toStoreId'],
    message: 'Must differ from fromStoreId.',
  })
  .meta({ id: 'CreateTransfer' });
export type CreateTransferInput = z.output<typeof CreateTransferBody>;

export const ReceiveTransferBody = z
  .strictObject({
    lines: z
      .array(z.strictObject({ sku: Sku, quantity: Quantity }))
      .min(1)
      .max(MAX_TRANSFER_LINES)
      .superRefine(uniqueSkus)
      .optional()
      .meta({
        description:
          'Quantity received per SKU, every line of the transfer (0 if none arrived). Omit to receive everything shipped.',
      }),
  })
  .meta({ id: 'ReceiveTransfer' });
export type ReceiveTransferInput = z.output<typeof ReceiveTransferBody>;

export const TransferLineSchema = z
  .object({
    sku: Sku,
    productId: ResourceId,
    quantity: PositiveQuantity,
    shipped: Quantity.optional(),
    received: Quantity.optional(),
    shortfall: Quantity.optional().meta({ description: 'Shipped but not received (lost in transit).' }),
  })
  .meta({ id: 'TransferLine' });
export type TransferLine = z.output<typeof TransferLineSchema>;

export const TransferSchema = z
  .object({
    transferId: ResourceId,
    fromStoreId: ResourceId,
    toStoreId: ResourceId,
    status: z.enum(TRANSFER_STATUSES),
    lines: z.array(TransferLineSchema),
    note: z.string().optional(),
    createdBy: z.string(),
    readyAt: z.iso.datetime().optional(),
    shippedAt: z.iso.datetime().optional(),
    receivedAt: z.iso.datetime().optional(),
    cancelledAt: z.iso.datetime().optional(),
    ...ItemMetaSchema,
  })
  .meta({ id: 'Transfer' });
export type Transfer = z.output<typeof TransferSchema>;

export const TransferPage = pageOf(TransferSchema, 'TransferPage');
export const TransferParams = z.strictObject({ transferId: ResourceId });
export const StoreTransfersParams = z.strictObject({ storeId: ResourceId });
export const ListStoreTransfersQuery = z.strictObject({
  status: z.enum(TRANSFER_STATUSES).optional(),
  ...PaginationQuery,
});
export type ListStoreTransfersQuery = z.output<typeof ListStoreTransfersQuery>;
