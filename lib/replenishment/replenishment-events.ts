import * as z from '../zod.js';

/**
 * What the replenishment handlers read of the domain events they are invoked with. Only the
 * ids: the planner and the release re-read the level, transfer or purchase order, so a stale
 * or replayed event can never make them act on old numbers. Other fields pass through.
 */
export const LowStockDetail = z.looseObject({
  eventId: z.string().check(z.minLength(1), z.maxLength(512)),
  storeId: z.string().check(z.minLength(1), z.maxLength(128)),
  sku: z.string().check(z.minLength(1), z.maxLength(128)),
});
export type LowStockDetail = z.output<typeof LowStockDetail>;

export const TransferCompletedDetail = z.looseObject({
  eventId: z.string().check(z.minLength(1), z.maxLength(512)),
  transferId: z.string().check(z.minLength(1), z.maxLength(128)),
});

export const PurchaseOrderCompletedDetail = z.looseObject({
  eventId: z.string().check(z.minLength(1), z.maxLength(512)),
  purchaseOrderId: z.string().check(z.minLength(1), z.maxLength(128)),
});

/** Detail types that end a replenishment's document (EventBridge rule patterns use the same lists). */
export const RELEASING_TRANSFER_EVENTS = ['Transfer.Received', 'Transfer.Cancelled'] as const;
export const RELEASING_PURCHASE_ORDER_EVENTS = [
  'PurchaseOrder.Received',
  'PurchaseOrder.Closed',
  'PurchaseOrder.Cancelled',
] as const;
