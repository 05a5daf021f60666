import { linesOf, pick, previousStatus, type Translator } from './item-change.js';

/**
 * Status-driven documents (transfers, purchase orders): INSERT is `<Entity>.Created`, a status
 * change the new status's event; other writes (e.g. a note) publish nothing.
 */
const statusTranslator =
  (
    entity: string,
    events: Record<string, string>,
    fields: readonly string[],
    lineFields: readonly string[],
    /** A change that keeps the status but is still news (another partial receipt). */
    sameStatusEvent?: (old: Record<string, unknown>, now: Record<string, unknown>) => string | undefined,
  ): Translator =>
  (change) => {
    const body = {
      ...pick(change.new, fields),
      ...previousStatus(change),
      lines: linesOf(change.new, lineFields),
    };
    if (!change.old) return [{ detailType: `${entity}.Created`, body }];
    const detailType =
      change.old.status !== change.new.status
        ? events[String(change.new.status)]
        : sameStatusEvent?.(change.old, change.new);
    return detailType ? [{ detailType, body }] : [];
  };

export const translateTransfer = statusTranslator(
  'Transfer',
  {
    READY_TO_SHIP: 'Transfer.Ready',
    IN_TRANSIT: 'Transfer.Shipped',
    RECEIVED: 'Transfer.Received',
    CANCELLED: 'Transfer.Cancelled',
  },
  ['transferId', 'fromStoreId', 'toStoreId', 'status', 'note'],
  ['sku', 'productId', 'quantity', 'shipped', 'received', 'shortfall'],
);

export const translatePurchaseOrder = statusTranslator(
  'PurchaseOrder',
  {
    ORDERED: 'PurchaseOrder.Ordered',
    PARTIALLY_RECEIVED: 'PurchaseOrder.PartiallyReceived',
    RECEIVED: 'PurchaseOrder.Received',
    CLOSED: 'PurchaseOrder.Closed',
    CANCELLED: 'PurchaseOrder.Cancelled',
  },
  ['purchaseOrderId', 'storeId', 'supplierId', 'status', 'currency', 'total', 'expectedAt'],
  ['sku', 'productId', 'quantity', 'received', 'unitCost'],
  (old, now) =>
    now.status === 'PARTIALLY_RECEIVED' && old.lastReceivedAt !== now.lastReceivedAt
      ? 'PurchaseOrder.PartiallyReceived'
      : undefined,
);
