import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.js';
import { type CursorShape, decodeCursor, encodeCursor, invalidCursor } from './cursor.js';
import type { TableKey } from './keys.js';
import { type IndexName, indexKeyNames, keyAttributeTypes, TABLE_DEFINITION } from './table-definition.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A condition on the sort key: a prefix, an inclusive range, or a bound. */
export type SortKeyCondition =
  | { beginsWith: string }
  | { between: [string | number, string | number] }
  | { lessOrEqual: string | number }
  | { lessThan: string | number }
  | { greaterOrEqual: string | number };

export interface PageQuery {
  indexName?: IndexName;
  partitionValue: string;
  /** Narrows the sort key with begins_with, e.g. a status prefix. */
  sortKeyPrefix?: string;
  /** Any other sort-key condition (ranges for from/to, numeric bounds). */
  sortKey?: SortKeyCondition;
  limit: number;
  cursor: string | undefined;
  /** Newest/last first. */
  descending?: boolean;
}

const sortKeyExpression = (
  condition: SortKeyCondition | undefined,
): { expression: string; values: Record<string, unknown> } | undefined => {
  if (!condition) return undefined;
  if ('beginsWith' in condition)
    return { expression: 'begins_with(#sk, :sk1)', values: { ':sk1': condition.beginsWith } };
  if ('between' in condition)
    return {
      expression: '#sk BETWEEN :sk1 AND :sk2',
      values: { ':sk1': condition.between[0], ':sk2': condition.between[1] },
    };
  if ('lessOrEqual' in condition)
    return { expression: '#sk <= :sk1', values: { ':sk1': condition.lessOrEqual } };
  if ('lessThan' in condition) return { expression: '#sk < :sk1', values: { ':sk1': condition.lessThan } };
  return { expression: '#sk >= :sk1', values: { ':sk1': condition.greaterOrEqual } };
};

/** Orders like DynamoDB: numbers by value, strings by their UTF-8 bytes. */
const compareKeys = (a: string | number, b: string | number): number =>
  typeof a === 'number' && typeof b === 'number'
    ? a - b
    : Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)));

/** Whether a sort-key value lies inside the query's sort-key condition. */
const satisfies = (condition: SortKeyCondition | undefined, value: string | number): boolean => {
  if (!condition) return true;
  if ('beginsWith' in condition) return typeof value === 'string' && value.startsWith(condition.beginsWith);
  const sameType = (bound: string | number) => typeof bound === typeof value;
  if ('between' in condition) {
    const [low, high] = condition.between;
    return sameType(low) && sameType(high) && compareKeys(value, low) >= 0 && compareKeys(value, high) <= 0;
  }
  if ('lessOrEqual' in condition)
    return sameType(condition.lessOrEqual) && compareKeys(value, condition.lessOrEqual) <= 0;
  if ('lessThan' in condition)
    return sameType(condition.lessThan) && compareKeys(value, condition.lessThan) < 0;
  return sameType(condition.greaterOrEqual) && compareKeys(value, condition.greaterOrEqual) >= 0;
};

/**
 * The key a cursor of this query may hold: the index's partition key equal to the query's own
 * partition, its sort key of the index's type and inside the sort-key condition, and (on a GSI)
 * the table's keys, all non-empty.
 */
const cursorShape = (query: PageQuery, condition: SortKeyCondition | undefined): CursorShape => {
  const { partitionKey, sortKey } = indexKeyNames(query.indexName);
  const types = keyAttributeTypes();
  return {
    [partitionKey]: { type: 'S', equals: query.partitionValue },
    [sortKey]: { type: types[sortKey] ?? 'S', accepts: (value) => satisfies(condition, value) },
    ...(query.indexName
      ? { [TABLE_DEFINITION.partitionKey]: { type: 'S' }, [TABLE_DEFINITION.sortKey]: { type: 'S' } }
      : {}),
  };
};

/** DynamoDB's answer to a start key it cannot use; with a checked cursor it should never come. */
const isStartKeyRejection = (error: unknown): boolean =>
  error instanceof Error &&
  error.name === 'ValidationException' &&
  /start(ing)? ?key|key element|range key/i.test(error.message);

/**
 * One page of a Query on the table or a GSI, with an opaque cursor bound to this exact
 * query (index, partition, sort-key condition, direction), so a cursor cannot be replayed
 * against another listing.
 */
export const queryPage = async (query: PageQuery): Promise<Page<Record<string, unknown>>> => {
  const { partitionKey, sortKey } = indexKeyNames(query.indexName);
  const sortCondition =
    query.sortKey ?? (query.sortKeyPrefix ? { beginsWith: query.sortKeyPrefix } : undefined);
  const condition = sortKeyExpression(sortCondition);
  const scope = [
    query.indexName ?? 'table',
    query.partitionValue,
    JSON.stringify(query.sortKey ?? query.sortKeyPrefix ?? ''),
    query.descending ? 'desc' : 'asc',
  ].join('|');
  const startKey = await decodeCursor(scope, query.cursor, cursorShape(query, sortCondition));
  const result = await documentClient
    .send(
      new QueryCommand({
        TableName: tableName(),
        ...(query.indexName ? { IndexName: query.indexName } : {}),
        KeyConditionExpression: condition ? `#pk = :pk AND ${condition.expression}` : '#pk = :pk',
        ExpressionAttributeNames: condition
          ? { '#pk': partitionKey, '#sk': sortKey }
          : { '#pk': partitionKey },
        ExpressionAttributeValues: { ':pk': query.partitionValue, ...condition?.values },
        Limit: query.limit,
        ScanIndexForward: !query.descending,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    )
    .catch((error: unknown) => {
      // Last line of defence: a start key DynamoDB refuses is the cursor's fault, never a 500.
      throw startKey && isStartKeyRejection(error) ? invalidCursor() : error;
    });
  return { items: result.Items ?? [], nextCursor: await encodeCursor(scope, result.LastEvaluatedKey) };
};

export const getItem = async (
  key: TableKey,
  consistent = true,
): Promise<Record<string, unknown> | undefined> => {
  const result = await documentClient.send(
    new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: consistent }),
  );
  return result.Item;
};

const BATCH_GET_LIMIT = 100;

/**
 * Fetches many items by key (100 per call, retrying unprocessed keys); order is not kept.
 * Eventually consistent. `attributes` narrows what comes back (the table's keys always do); the
 * units are the same, the transfer smaller.
 */
export const batchGetItems = async (
  keys: TableKey[],
  options: { attributes?: readonly string[] } = {},
): Promise<Record<string, unknown>[]> => {
  const projected = options.attributes
    ? [...new Set([TABLE_DEFINITION.partitionKey, TABLE_DEFINITION.sortKey, ...options.attributes])]
    : undefined;
  const projection = projected
    ? {
        ProjectionExpression: projected.map((_, index) => `#p${index}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(projected.map((name, index) => [`#p${index}`, name])),
      }
    : {};
  const found: Record<string, unknown>[] = [];
  for (let offset = 0; offset < keys.length; offset += BATCH_GET_LIMIT) {
    let pending: TableKey[] = keys.slice(offset, offset + BATCH_GET_LIMIT);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      const result = await documentClient.send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ...projection } } }),
      );
      found.push(...(result.Responses?.[tableName()] ?? []));
      pending = (result.UnprocessedKeys?.[tableName()]?.Keys ?? []) as TableKey[];
      if (attempt > 5 && pending.length > 0) throw new Error('BatchGet kept returning unprocessed keys');
    }
  }
  return found;
};

/**
 * The items of a page read from a keys-only index, fetched by one BatchGet, in the page's
 * order; an item deleted since the index was read is left out. For listings whose items change
 * too often to be copied into an index (a copy would be rewritten on every change).
 */
export const itemsOfKeysPage = async (
  page: Page<Record<string, unknown>>,
  options: { attributes?: readonly string[] } = {},
): Promise<Page<Record<string, unknown>>> => {
  const { partitionKey, sortKey } = TABLE_DEFINITION;
  const keyOf = (item: Record<string, unknown>) =>
    `${String(item[partitionKey])}\u0000${String(item[sortKey])}`;
  const keys = page.items.map((item) => ({ pk: String(item[partitionKey]), sk: String(item[sortKey]) }));
  const found = new Map((await batchGetItems(keys, options)).map((item) => [keyOf(item), item]));
  return {
    items: page.items.flatMap((item) => {
      const full = found.get(keyOf(item));
      return full ? [full] : [];
    }),
    nextCursor: page.nextCursor,
  };
};
