import { tableName } from './client.js';
import { ContentionError } from './contention.js';
import type { TableKey } from './keys.js';
import { getItem } from './query-page.js';
import type { GuardedWrite } from './transact.js';

/**
 * A rollup: one small item holding what a hot read needs of a set of items (a region's tax
 * rates, the live promotions), so that the read is one key among the others of a BatchGet
 * instead of Queries of its own. Its writers rewrite it in the same transaction as every change
 * to the set, conditional on the version they read: two concurrent changes cannot both write
 * from the same copy, so neither loses the other's entry. The loser's condition fails as
 * stale contention, and its step (run under `retryOnContention`) reads the rollup again and
 * adds its entry to the winner's.
 */
export interface RollupRead<T> {
  /** The rollup as stored, or undefined when it does not exist yet. */
  current: T | undefined;
  /** Its version (undefined when it does not exist yet): the write's condition. */
  version: number | undefined;
}

/** DynamoDB's item size limit is 400 KB; a rollup stays well under it (its writers bound it). */
export const ROLLUP_MAX_BYTES = 300_000;

/** The rollup's attributes as its writer last committed them (strongly consistent: the write depends on it). */
export const readRollup = async <T>(key: TableKey): Promise<RollupRead<T>> => {
  const item = await getItem(key, true);
  return item
    ? { current: item as unknown as T, version: typeof item.version === 'number' ? item.version : 0 }
    : { current: undefined, version: undefined };
};

/** Bytes of a value as DynamoDB would roughly store it (names and values as UTF-8): enough for a bound. */
export const approximateBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** The Put of the next rollup, conditional on the version that was read (or on there being none). */
export const rollupWrite = (
  item: TableKey & Record<string, unknown>,
  readVersion: number | undefined,
  what: string,
): GuardedWrite => ({
  write: {
    Put: {
      TableName: tableName(),
      Item: { ...item, version: (readVersion ?? 0) + 1 },
      ...(readVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: { ':version': readVersion },
          }),
    },
  },
  onConditionFailed: () =>
    new ContentionError({ detail: `${what} changed meanwhile; read it again.`, stale: true }),
});
