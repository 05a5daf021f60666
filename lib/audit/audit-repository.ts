import { auditKeys, orderKeys } from '../db/keys.js';
import { getItem, type Page, queryPage, type SortKeyCondition } from '../db/query-page.js';
import type { AuditEntryView } from './audit-schemas.js';
import type { AuditedEntityType } from './audit-subject.js';

/** An audit item as the API shows it (lib/audit/audit-item.ts writes it). */
export const auditEntryFromItem = (item: Record<string, unknown>): AuditEntryView => ({
  entryId: String(item.entryId),
  entityType: item.auditedType as AuditedEntityType,
  entityId: String(item.auditedId),
  operation: item.operation as AuditEntryView['operation'],
  actor: String(item.actor),
  at: String(item.at),
  storeIds: Array.isArray(item.storeIds) ? item.storeIds.map(String) : [],
  ...(typeof item.orderId === 'string' ? { orderId: item.orderId } : {}),
  changes: (Array.isArray(item.changes) ? item.changes : []) as AuditEntryView['changes'],
});

const pageOfEntries = (page: Page<Record<string, unknown>>): Page<AuditEntryView> => ({
  items: page.items.map(auditEntryFromItem),
  nextCursor: page.nextCursor,
});

/** One entity's entries, newest first. */
export const queryEntityAudit = async (
  entityType: AuditedEntityType,
  entityId: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<AuditEntryView>> =>
  pageOfEntries(
    await queryPage({
      partitionValue: auditKeys.entityPartition(entityType, entityId),
      limit,
      cursor,
      descending: true,
    }),
  );

/** A store's entries in a time range, newest first. */
export const queryStoreAudit = async (
  storeId: string,
  range: SortKeyCondition | undefined,
  limit: number,
  cursor: string | undefined,
): Promise<Page<AuditEntryView>> =>
  pageOfEntries(
    await queryPage({
      partitionValue: auditKeys.storePartition(storeId),
      ...(range ? { sortKey: range } : {}),
      limit,
      cursor,
      descending: true,
    }),
  );

/** The store of an order (orders never change store and are never deleted), for its payments' entries. */
export const storeOfOrder = async (orderId: string): Promise<string | undefined> => {
  const order = await getItem(orderKeys.item(orderId), false);
  return typeof order?.storeId === 'string' ? order.storeId : undefined;
};
