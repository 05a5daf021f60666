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

/**
 * Like `replaceItemAtVersion`, but as an UpdateItem that leaves the named counters alone.
 * Customers (`pointsBalance`) and promotions (`usedCount`) carry atomic counters that sales
 * move with ADD at any moment and without touching `version`; a whole-item Put of a profile
 * edit would write back the counter as it was read and lose those sales. Here every other
 * attribute of `next` is SET, attributes that `next` dropped are REMOVEd, and the counters are
 * never mentioned.
 */
export const updateAtVersion = (options: {
  key: TableKey;
  previous: Record<string, unknown>;
  next: Record<string, unknown>;
  expectedVersion: number;
  what: string;
  counters: readonly string[];
}): GuardedWrite => {
  const untouchable = new Set([...Object.keys(options.key), ...options.counters]);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':expected': options.expectedVersion };
  const sets: string[] = [];
  const removes: string[] = [];
  let n = 0;
  for (const [name, value] of Object.entries(options.next)) {
    if (untouchable.has(name) || value === undefined) continue;
    names[`#a${n}`] = name;
    values[`:a${n}`] = value;
    sets.push(`#a${n} = :a${n}`);
    n++;
  }
  for (const name of Object.keys(options.previous)) {
    if (untouchable.has(name) || options.next[name] !== undefined) continue;
    names[`#a${n}`] = name;
    removes.push(`#a${n}`);
    n++;
  }
  names['#version'] = 'version';
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: options.key,
        UpdateExpression: [
          `SET ${sets.join(', ')}`,
          ...(removes.length ? [`REMOVE ${removes.join(', ')}`] : []),
        ].join(' '),
        ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    onConditionFailed: staleOrMissing(options.what, options.expectedVersion),
  };
};
