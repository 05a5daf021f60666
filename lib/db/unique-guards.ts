import type { AppError } from '../errors.js';
import { tableName } from './client.js';
import { ENTITY, guardKeys, type UniqueKind } from './keys.js';
import { batchGetItems, getItem } from './query-page.js';
import type { GuardedWrite } from './transact.js';

/**
 * Uniqueness of natural keys (store code, SKU, barcode) is enforced by the database: a guard
 * item per value, created with attribute_not_exists in the same transaction as the entity.
 * Two racing requests cannot both win, which a read-then-write check could not promise.
 */
export const claimUnique = (
  kind: UniqueKind,
  value: string,
  ownerId: string,
  onTaken: () => AppError,
): GuardedWrite => ({
  write: {
    Put: {
      TableName: tableName(),
      Item: { ...guardKeys.item(kind, value), entityType: ENTITY.uniqueGuard, kind, value, ownerId },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
  onConditionFailed: onTaken,
});

/**
 * Frees a value the owner no longer uses; the condition stops it freeing someone else's.
 * SKU guards are never released (see lib/catalog/product-repository.ts): stock, movements
 * and orders keep pointing at a SKU, so it stays its product's for good.
 */
export const releaseUnique = (kind: UniqueKind, value: string, ownerId: string): GuardedWrite => ({
  write: {
    Delete: {
      TableName: tableName(),
      Key: guardKeys.item(kind, value),
      ConditionExpression: 'ownerId = :owner',
      ExpressionAttributeValues: { ':owner': ownerId },
    },
  },
});

export interface GuardOwner {
  /** The value as the guard holds it (one of those asked for). */
  value: string;
  ownerId: string;
}

/**
 * Who owns a natural key: one GetItem for one value, one BatchGet for several spellings of
 * the same key (e.g. a GTIN as UPC-A and as EAN-13). Undefined when nobody does.
 */
export const findUniqueOwner = async (
  kind: UniqueKind,
  values: readonly string[],
): Promise<GuardOwner | undefined> => {
  const [only] = values;
  const guards =
    values.length === 1 && only !== undefined
      ? [await getItem(guardKeys.item(kind, only))].filter((guard) => guard !== undefined)
      : await batchGetItems([...new Set(values)].map((value) => guardKeys.item(kind, value)));
  // Several spellings owned at once would be two products; take them in the order asked.
  const owners = guards.flatMap((guard) =>
    typeof guard.value === 'string' && typeof guard.ownerId === 'string'
      ? [{ value: guard.value, ownerId: guard.ownerId }]
      : [],
  );
  return values.map((value) => owners.find((owner) => owner.value === value)).find(Boolean);
};
