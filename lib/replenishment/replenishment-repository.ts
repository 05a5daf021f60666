import { tableName } from '../db/client.js';
import { stripStorageAttributes } from '../db/item-meta.js';
import { ENTITY, inventoryKeys, purchaseOrderKeys, replenishmentKeys, transferKeys } from '../db/keys.js';
import { batchGetItems, getItem, type Page, queryPage } from '../db/query-page.js';
import type { GuardedWrite } from '../db/transact.js';
import { ConflictError, defineProblem, documentProblem } from '../errors.js';
import type { Replenishment } from './replenishment-schemas.js';

/** The guard of a store and SKU exists: a replenishment is open (never answered: the planner stops). */
export class ReplenishmentOpenError extends ConflictError {
  static override readonly problem = defineProblem({
    slug: 'replenishment-open',
    status: 409,
    title: 'A replenishment is already open',
    internal: true,
  });
}

/** What `ReplenishmentOpenError` means, for the problem catalog and the OpenAPI document only. */
export const replenishmentOpenErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(ReplenishmentOpenError, {
    description: 'The store and SKU have an open replenishment; the planner plans nothing more.',
  }))();

/** This event's replenishment exists already: the event was delivered before. */
export class ReplenishmentRecordedError extends ConflictError {
  static override readonly problem = defineProblem({
    slug: 'replenishment-recorded',
    status: 409,
    title: 'This event was planned already',
    internal: true,
  });
}

/** What `ReplenishmentRecordedError` means, for the problem catalog and the OpenAPI document only. */
export const replenishmentRecordedErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(ReplenishmentRecordedError, {
    description: 'A redelivered event finds the replenishment it planned; nothing new is planned.',
  }))();

/**
 * The guard carries what was planned and from which numbers, so the item that enforces "one at
 * a time" also explains itself; `pendingDocuments` are the transfers and purchase order still
 * to complete (the guard goes when the last one does).
 */
const guardItem = (r: Replenishment) => ({
  ...replenishmentKeys.guard(r.storeId, r.sku),
  entityType: ENTITY.replenishmentGuard,
  storeId: r.storeId,
  sku: r.sku,
  replenishmentId: r.replenishmentId,
  eventId: r.trigger.eventId,
  plannedFrom: r.plannedFrom,
  transfers: r.transfers,
  ...(r.purchaseOrder ? { purchaseOrder: r.purchaseOrder } : {}),
  pendingDocuments: r.pendingDocuments,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
  version: r.version,
});

const recordItem = (r: Replenishment) => ({
  ...replenishmentKeys.record(r.storeId, r.replenishmentId),
  ...replenishmentKeys.listing(
    r.storeId,
    r.status,
    r.status === 'OPEN' ? r.createdAt : (r.closedAt ?? r.updatedAt),
    r.replenishmentId,
  ),
  entityType: ENTITY.replenishment,
  ...r,
});

const fromItem = (item: Record<string, unknown>): Replenishment =>
  stripStorageAttributes<Replenishment>(item);

/** The guard (only if none exists: the database's "never twice") and the record (only if new: redelivery). */
export const openReplenishmentWrites = (r: Replenishment): GuardedWrite[] => [
  {
    write: {
      Put: { TableName: tableName(), Item: guardItem(r), ConditionExpression: 'attribute_not_exists(pk)' },
    },
    onConditionFailed: () =>
      new ReplenishmentOpenError({ detail: `${r.sku} at ${r.storeId} has an open replenishment.` }),
  },
  {
    write: {
      Put: { TableName: tableName(), Item: recordItem(r), ConditionExpression: 'attribute_not_exists(pk)' },
    },
    onConditionFailed: () =>
      new ReplenishmentRecordedError({ detail: `Event ${r.trigger.eventId} was planned already.` }),
  },
];

/**
 * A donor must still have what the plan counted on: available at least `atLeast`, checked in
 * the plan's transaction, so a sale at the donor since the read makes the planner re-read.
 */
export const donorStillHasWrite = (
  storeId: string,
  sku: string,
  atLeast: number,
  onFailed: () => ConflictError,
): GuardedWrite => ({
  write: {
    ConditionCheck: {
      TableName: tableName(),
      Key: inventoryKeys.level(storeId, sku),
      ConditionExpression: 'available >= :atLeast',
      ExpressionAttributeValues: { ':atLeast': atLeast },
    },
  },
  onConditionFailed: onFailed,
});

export const findGuard = (storeId: string, sku: string) => getItem(replenishmentKeys.guard(storeId, sku));

export const findReplenishment = async (
  storeId: string,
  replenishmentId: string,
): Promise<Replenishment | undefined> => {
  const item = await getItem(replenishmentKeys.record(storeId, replenishmentId));
  return item ? fromItem(item) : undefined;
};

/** The guards of many SKUs of one store (those that exist). */
export const findGuards = async (storeId: string, skus: readonly string[]) =>
  batchGetItems(skus.map((sku) => replenishmentKeys.guard(storeId, sku)));

/**
 * The replenishment after one of its documents completed, guarded by the guard's version: with
 * documents still pending the guard and record are rewritten; with none the guard is deleted
 * and the record closed (moving to the closed part of the listing), in one transaction.
 */
export const releaseWrites = (current: Replenishment, next: Replenishment): GuardedWrite[] => {
  const guardKey = replenishmentKeys.guard(current.storeId, current.sku);
  const condition = {
    ConditionExpression: 'replenishmentId = :id AND version = :version',
    ExpressionAttributeValues: { ':id': current.replenishmentId, ':version': current.version },
  };
  const stale = () =>
    new ReplenishmentOpenError({ detail: `The guard of ${current.sku} changed meanwhile.` });
  const guardWrite: GuardedWrite =
    next.status === 'CLOSED'
      ? {
          write: { Delete: { TableName: tableName(), Key: guardKey, ...condition } },
          onConditionFailed: stale,
        }
      : {
          write: { Put: { TableName: tableName(), Item: guardItem(next), ...condition } },
          onConditionFailed: stale,
        };
  return [guardWrite, { write: { Put: { TableName: tableName(), Item: recordItem(next) } } }];
};

/** A store's replenishments: open first (newest first), then the most recently closed (gsi1, descending). */
export const queryStoreReplenishments = async (
  storeId: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<Replenishment>> => {
  const page = await queryPage({
    indexName: 'gsi1',
    partitionValue: replenishmentKeys.storePartition(storeId),
    descending: true,
    limit,
    cursor,
  });
  return { items: page.items.map(fromItem), nextCursor: page.nextCursor };
};

/** Current statuses of the transfers and purchase orders of some replenishments (one BatchGet). */
export const documentStatuses = async (
  replenishments: readonly Replenishment[],
): Promise<Map<string, string>> => {
  const keys = replenishments.flatMap((r) => [
    ...r.transfers.map((t) => transferKeys.item(t.transferId)),
    ...(r.purchaseOrder ? [purchaseOrderKeys.item(r.purchaseOrder.purchaseOrderId)] : []),
  ]);
  const unique = [...new Map(keys.map((key) => [key.pk, key])).values()];
  const items = unique.length > 0 ? await batchGetItems(unique) : [];
  return new Map(
    items.map((item) => [String(item.transferId ?? item.purchaseOrderId), String(item.status)] as const),
  );
};
