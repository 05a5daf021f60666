import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { personalFieldsOf } from '../customers/personal-data.js';
import { ENTITY } from '../db/keys.js';
import { entityImageOf, passesChangeExportFilter } from '../lake/change-export-filter.js';
import type { JsonObject } from '../lake/change-export-json.js';
import { approximateCreationTimeOf, plainImage, SYSTEM_ACTOR } from '../lake/change-export-row.js';
import { diffImages, type FieldChange } from './audit-diff.js';
import { type AuditedEntityType, entityIdOf, storeIdsOfChange } from './audit-subject.js';

export const AUDIT_OPERATIONS = ['created', 'updated', 'deleted'] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];

/** One change of one business entity, as the audit history keeps it and the API shows it. */
export interface AuditEntry {
  /** The stream record's event id: unique per change, the same on every redelivery. */
  entryId: string;
  entityType: AuditedEntityType;
  entityId: string;
  operation: AuditOperation;
  /** Who: the item's `updatedBy` (or the ledger's `actor`, the entry's `createdBy`), else a job. */
  actor: string;
  /** When (ISO 8601): the item's own time of this change, else the stream record's (changeTimeOf). */
  at: string;
  /** The stores the entity belongs to (before and after); empty for the group's shared entities. */
  storeIds: string[];
  /** A payment's or refund's order (whose store the read side checks when `storeIds` is empty). */
  orderId?: string;
  changes: FieldChange[];
  /** Kept for ordering: records of one item arrive in sequence-number order. */
  sequenceNumber: string;
}

/** Who removed an item when DynamoDB's TTL did (the record's user identity is the service). */
export const TTL_ACTOR = 'system:ttl';

const OPERATIONS: Record<string, AuditOperation> = {
  INSERT: 'created',
  MODIFY: 'updated',
  REMOVE: 'deleted',
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

const actorOf = (record: DynamoDBRecord, item: JsonObject | null): string => {
  if (record.eventName === 'REMOVE' && record.userIdentity?.principalId === 'dynamodb.amazonaws.com')
    return TTL_ACTOR;
  return text(item?.updatedBy) ?? text(item?.actor) ?? text(item?.createdBy) ?? SYSTEM_ACTOR;
};

const isoTime = (value: unknown): string | undefined =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;

/**
 * When the change was made: the time the item itself records for this change (a new
 * `updatedAt`, or for a new immutable entry its `at`/`createdAt`), to the millisecond; otherwise
 * (a removal, a counter moved without touching `updatedAt`) the stream record's approximate
 * creation time, which AWS rounds to the second and DynamoDB Local to the minute. Both come
 * from the record, so a redelivery gives the same time.
 */
const changeTimeOf = (
  record: DynamoDBRecord,
  oldImage: JsonObject | null,
  newImage: JsonObject | null,
): string => {
  const updatedAt = isoTime(newImage?.updatedAt);
  if (updatedAt && (record.eventName === 'INSERT' || updatedAt !== isoTime(oldImage?.updatedAt)))
    return updatedAt;
  if (record.eventName === 'INSERT') {
    const created = isoTime(newImage?.at) ?? isoTime(newImage?.createdAt);
    if (created) return created;
  }
  return approximateCreationTimeOf(record, record.eventName === 'REMOVE' ? oldImage : newImage);
};

const imageOf = (image: unknown): JsonObject | null =>
  plainImage(image as Record<string, AttributeValue> | undefined);

/** Orders' stores seen in a batch: a payment or refund is written with its order, in one transaction. */
export type OrderStores = ReadonlyMap<string, string>;

export const orderStoresOf = (records: readonly DynamoDBRecord[]): OrderStores => {
  const stores = new Map<string, string>();
  for (const record of records) {
    const image = entityImageOf(record);
    if (image?.entityType?.S !== ENTITY.order) continue;
    const orderId = image.orderId?.S;
    const storeId = image.storeId?.S;
    if (orderId && storeId) stores.set(orderId, storeId);
  }
  return stores;
};

/**
 * The audit entry of one stream record (pure), or none: not a business entity, or a modification
 * that changed only bookkeeping (`version`, `updatedAt`, index keys). A payment or refund takes
 * its order's store from the same batch when its order is there (it always changes with it).
 */
export const auditEntryOf = (
  record: DynamoDBRecord,
  orderStores: OrderStores = new Map(),
): AuditEntry | undefined => {
  if (!passesChangeExportFilter(record)) return undefined;
  const operation = OPERATIONS[record.eventName ?? ''];
  if (!operation) return undefined;
  const entityType = entityImageOf(record)?.entityType?.S as AuditedEntityType;
  const oldImage = imageOf(record.dynamodb?.OldImage);
  const newImage = imageOf(record.dynamodb?.NewImage);
  const item = operation === 'deleted' ? oldImage : newImage;
  if (!item) return undefined;
  const changes = diffImages(oldImage, newImage, personalFieldsOf(entityType));
  if (operation === 'updated' && changes.length === 0) return undefined;
  const orderId =
    entityType === ENTITY.payment || entityType === ENTITY.refund ? text(item.orderId) : undefined;
  const orderStore = orderId ? orderStores.get(orderId) : undefined;
  const storeIds = storeIdsOfChange(oldImage, newImage);
  return {
    entryId: text(record.eventID) ?? text(record.dynamodb?.SequenceNumber) ?? '',
    entityType,
    entityId: entityIdOf(entityType, item),
    operation,
    actor: actorOf(record, item),
    at: changeTimeOf(record, oldImage, newImage),
    storeIds: orderStore && !storeIds.includes(orderStore) ? [...storeIds, orderStore].sort() : storeIds,
    ...(orderId ? { orderId } : {}),
    changes,
    sequenceNumber: text(record.dynamodb?.SequenceNumber) ?? '',
  };
};

/** Every audit entry of a batch, in stream order. */
export const auditEntriesOf = (records: readonly DynamoDBRecord[]): AuditEntry[] => {
  const orderStores = orderStoresOf(records);
  return records.flatMap((record) => auditEntryOf(record, orderStores) ?? []);
};
