import type { AppError } from '../errors.js';
import { NotFoundError, PreconditionFailedError } from '../errors.js';
import { tableName } from './client.js';
import type { TableKey } from './keys.js';
import type { GuardedWrite } from './transact.js';

/** Error for a versioned write whose item changed or vanished since the caller read it. */
export const staleOrMissing =
  (what: string, expectedVersion: number) =>
  (current: Record<string, unknown> | undefined): AppError =>
    current
      ? new PreconditionFailedError({
          detail: `${what} is at version ${String(current.version)}, not ${expectedVersion}. Read it again and retry.`,
          extensions: { currentVersion: current.version },
        })
      : new NotFoundError({ detail: `${what} was not found.` });

/** Creates an item that must not exist yet. */
export const createItem = (
  item: TableKey & Record<string, unknown>,
  onExists: () => AppError,
): GuardedWrite => ({
  write: { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
  onConditionFailed: onExists,
});

/** Replaces an item only if it is still at `expectedVersion` (optimistic concurrency). */
export const replaceItemAtVersion = (
  item: TableKey & Record<string, unknown>,
  expectedVersion: number,
  what: string,
): GuardedWrite => ({
  write: {
    Put: {
      TableName: tableName(),
      Item: item,
      ConditionExpression: 'attribute_exists(pk) AND version = :expected',
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  },
  onConditionFailed: staleOrMissing(what, expectedVersion),
});

/** Fails fast with 412 when the caller's If-Match is already stale at read time. */
export const assertVersion = (what: string, current: { version: number }, expectedVersion: number): void => {
  if (current.version !== expectedVersion) throw staleOrMissing(what, expectedVersion)(current);
};
