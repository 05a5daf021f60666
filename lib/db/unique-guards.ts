import type { AppError } from '../errors.js';
import { tableName } from './client.js';
import { ENTITY, guardKeys, type UniqueKind } from './keys.js';
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

/** Frees a value the owner no longer uses; the condition stops it freeing someone else's. */
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
