import { auditKeys, ENTITY, type TableKey } from '../db/keys.js';
import type { FieldChange } from './audit-diff.js';
import type { AuditEntry } from './audit-entry.js';
import { auditExpiry } from './audit-retention.js';

/**
 * DynamoDB items are at most 400 KB; an entry whose changed values would come near it (an order
 * with hundreds of lines replaced at once) keeps the field names and drops the values, marked
 * `truncated`, so the change is still recorded rather than failing the batch for ever.
 */
export const MAX_CHANGES_BYTES = 300_000;

const bounded = (changes: FieldChange[]): FieldChange[] =>
  Buffer.byteLength(JSON.stringify(changes)) <= MAX_CHANGES_BYTES
    ? changes
    : changes.map((change) =>
        'personal' in change ? change : { field: change.field, truncated: true as const },
      );

/** The keys of an entry's items: its entity's partition, then each of its stores' partitions. */
export const auditItemKeys = (entry: AuditEntry): TableKey[] => {
  const sk = auditKeys.sortKey(entry.at, entry.sequenceNumber, entry.entryId);
  return [
    { pk: auditKeys.entityPartition(entry.entityType, entry.entityId), sk },
    ...entry.storeIds.map((storeId) => ({ pk: auditKeys.storePartition(storeId), sk })),
  ];
};

/**
 * The items one entry is stored as: the same attributes under each key. The audited entity's
 * type and id are `auditedType`/`auditedId` (`entityType` is the item's own, `AuditEntry`).
 */
export const auditItemsOf = (entry: AuditEntry, retentionDays: number): Record<string, unknown>[] => {
  const { entityType, entityId, changes, ...rest } = entry;
  const attributes = {
    entityType: ENTITY.auditEntry,
    auditedType: entityType,
    auditedId: entityId,
    ...rest,
    changes: bounded(changes),
    ttl: auditExpiry(entry.at, retentionDays),
  };
  return auditItemKeys(entry).map((key) => ({ ...key, ...attributes }));
};
