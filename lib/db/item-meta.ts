import type { Principal } from '../auth/principal.js';
import { keyAttributeTypes, RETIRED_KEY_ATTRIBUTES, TABLE_DEFINITION } from './table-definition.js';
/** Audit and concurrency attributes every entity carries (the item also stores its `entityType`). */
export interface ItemMeta {
  createdAt: string;
  updatedAt: string;
  /** Optimistic-concurrency version, starting at 1; exposed as the ETag. */
  version: number;
  /** Who made the last change, so that stream images show who changed what. */
  updatedBy: string;
}

export const newItemMeta = (actor: Principal | SystemActor, now: Date): ItemMeta => ({
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  version: 1,
  updatedBy: actor.userId,
});

/** A non-human actor (seed, scheduled job). */
export interface SystemActor {
  userId: `system:${string}`;
}

/**
 * The table's own attributes that never appear in API responses: every key attribute of the
 * table and its indexes (derived from the table definition, so a new index cannot leak), the
 * TTL attribute and the entity type.
 */
export const STORAGE_ATTRIBUTES: readonly string[] = [
  ...Object.keys(keyAttributeTypes()),
  ...RETIRED_KEY_ATTRIBUTES,
  TABLE_DEFINITION.timeToLiveAttribute,
  'entityType',
];

export const stripStorageAttributes = <T extends object>(item: Record<string, unknown>): T => {
  const copy: Record<string, unknown> = { ...item };
  for (const attribute of STORAGE_ATTRIBUTES) delete copy[attribute];
  return copy as T;
};
