import { tableName } from '../db/client.js';
import { stripStorageAttributes } from '../db/item-meta.js';
import { ENTITY, purchaseOrderKeys, storeKeys, supplierKeys } from '../db/keys.js';
import { getItem, type Page, queryPage } from '../db/query-page.js';
import { statusTransitionWrite } from '../db/status-transition.js';
import type { GuardedWrite } from '../db/transact.js';
import { createItem } from '../db/versioned-write.js';
import { InternalError, ValidationError } from '../errors.js';
import { ALLOWED_FROM, type PurchaseOrderAction } from './purchase-order-rules.js';
import type { PurchaseOrder } from './purchase-order-schemas.js';

/** The PO carries its own listing keys: gsi1 the store's POs, gsi2 the store's POs in its status. */
const toItem = (po: PurchaseOrder) => ({
  ...purchaseOrderKeys.item(po.purchaseOrderId),
  ...purchaseOrderKeys.listings(po),
  entityType: ENTITY.purchaseOrder,
  ...po,
});

const fromItem = (item: Record<string, unknown>): PurchaseOrder =>
  stripStorageAttributes<PurchaseOrder>(item);

/**
 * The supplier must exist and bill in the PO's currency: checked inside the create transaction
 * (a ConditionCheck, not a read), so a supplier cannot vanish between a check and the write.
 */
const supplierMustMatch = (supplierId: string, currency: string): GuardedWrite => ({
  write: {
    ConditionCheck: {
      TableName: tableName(),
      Key: supplierKeys.item(supplierId),
      ConditionExpression: 'attribute_exists(pk) AND currency = :currency',
      ExpressionAttributeValues: { ':currency': currency },
      // transactWrite adds this only to Put/Update/Delete; the message needs the supplier's currency.
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  },
  onConditionFailed: (supplier) =>
    supplier
      ? new ValidationError([
          {
            path: 'body.currency',
            message: `Supplier ${supplierId} invoices in ${String(supplier.currency)}, not ${currency}.`,
          },
        ])
      : new ValidationError([{ path: 'body.supplierId', message: `Supplier ${supplierId} does not exist.` }]),
});

const storeMustExist = (storeId: string): GuardedWrite => ({
  write: {
    ConditionCheck: {
      TableName: tableName(),
      Key: storeKeys.item(storeId),
      ConditionExpression: 'attribute_exists(pk)',
    },
  },
  onConditionFailed: () =>
    new ValidationError([{ path: 'body.storeId', message: `Store ${storeId} does not exist.` }]),
});

export const insertPurchaseOrderWrites = (po: PurchaseOrder): GuardedWrite[] => [
  createItem(
    toItem(po),
    () => new InternalError({ detail: `Purchase order id ${po.purchaseOrderId} collided.` }),
  ),
  supplierMustMatch(po.supplierId, po.currency),
  storeMustExist(po.storeId),
];

/** The PO after a transition, written only if still in the status and version it was read at. */
export const transitionWrite = (
  current: PurchaseOrder,
  next: PurchaseOrder,
  action: PurchaseOrderAction,
): GuardedWrite =>
  statusTransitionWrite({
    item: toItem(next),
    current,
    what: `Purchase order ${current.purchaseOrderId}`,
    action,
    allowedFrom: ALLOWED_FROM[action],
  });

export const findPurchaseOrder = async (purchaseOrderId: string): Promise<PurchaseOrder | undefined> => {
  const item = await getItem(purchaseOrderKeys.item(purchaseOrderId));
  return item ? fromItem(item) : undefined;
};

/** A store's purchase orders, newest first, optionally in one status. */
export const queryStorePurchaseOrders = async (
  storeId: string,
  status: string | undefined,
  limit: number,
  cursor: string | undefined,
): Promise<Page<PurchaseOrder>> => {
  const page = await queryPage({
    indexName: status ? 'gsi2' : 'gsi1',
    partitionValue: status
      ? purchaseOrderKeys.storeStatusPartition(storeId, status)
      : purchaseOrderKeys.storePartition(storeId),
    limit,
    cursor,
    descending: true,
  });
  return { items: page.items.map(fromItem), nextCursor: page.nextCursor };
};

/** A DRAFT purchase order amended (a line added), written only if still DRAFT at the version read. */
export const amendDraftWrite = (current: PurchaseOrder, next: PurchaseOrder): GuardedWrite =>
  statusTransitionWrite({
    item: toItem(next),
    current,
    what: `Purchase order ${current.purchaseOrderId}`,
    action: 'add a line',
    allowedFrom: ['DRAFT'],
  });
