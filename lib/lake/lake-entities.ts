import { ENTITY, type EntityType } from '../db/keys.js';

/**
 * The entity types whose changes the lake keeps and the audit history records (lib/audit/):
 * every business entity. Audit entries themselves are not one, so they never loop through the
 * stream back into the exporter. Bookkeeping never goes
 * in: unique guards, idempotency records, promotion usage and document counters, transfer links
 * (copies of the transfer) and replenishment guards (the replenishment item says the same).
 */
export const LAKE_ENTITY_TYPES = [
  ENTITY.store,
  ENTITY.product,
  ENTITY.inventoryLevel,
  ENTITY.inventoryMovement,
  ENTITY.stocktake,
  ENTITY.transfer,
  ENTITY.customer,
  ENTITY.feedback,
  ENTITY.pointsEntry,
  ENTITY.promotion,
  ENTITY.order,
  ENTITY.payment,
  ENTITY.refund,
  ENTITY.supplier,
  ENTITY.supplierPrice,
  ENTITY.purchaseOrder,
  ENTITY.taxRate,
  ENTITY.replenishment,
  /** Issue 9: the user-pool mirror (role, stores, enabled), so role changes are audited and kept. */
  ENTITY.user,
] as const satisfies readonly EntityType[];

export type LakeEntityType = (typeof LAKE_ENTITY_TYPES)[number];

const kept = new Set<string>(LAKE_ENTITY_TYPES);

export const isLakeEntityType = (entityType: unknown): entityType is LakeEntityType =>
  typeof entityType === 'string' && kept.has(entityType);
