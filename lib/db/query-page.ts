import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { TableKey } from './keys.js';
import { type IndexName, indexKeyNames, TABLE_DEFINITION } from './table-definition.js';

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

/**
 * One page of a Query on the table or a GSI, with an opaque cursor bound to this exact
 * query (index, partition, sort-key condition, direction), so a cursor cannot be replayed
 * against another listing.
 */
export const queryPage = async (query: PageQuery): Promise<Page<Record<string, unknown>>> => {
  const { partitionKey, sortKey } = indexKeyNames(query.indexName);
  const condition = sortKeyExpression(
    query.sortKey ?? (query.sortKeyPrefix ? { beginsWith: query.sortKeyPrefix } : undefined),
  );
  const scope = [
    query.indexName ?? 'table',
    query.partitionValue,
    JSON.stringify(query.sortKey ?? query.sortKeyPrefix ?? ''),
    query.descending ? 'desc' : 'asc',
  ].join('|');
  const cursorKeyNames = query.indexName
    ? [partitionKey, sortKey, TABLE_DEFINITION.partitionKey, TABLE_DEFINITION.sortKey]
    : [partitionKey, sortKey];
  const startKey = decodeCursor(scope, query.cursor, cursorKeyNames);
  const result = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      ...(query.indexName ? { IndexName: query.indexName } : {}),
      KeyConditionExpression: condition ? `#pk = :pk AND ${condition.expression}` : '#pk = :pk',
      ExpressionAttributeNames: condition ? { '#pk': partitionKey, '#sk': sortKey } : { '#pk': partitionKey },
      ExpressionAttributeValues: { ':pk': query.partitionValue, ...condition?.values },
      Limit: query.limit,
      ScanIndexForward: !query.descending,
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    }),
  );
  return { items: result.Items ?? [], nextCursor: encodeCursor(scope, result.LastEvaluatedKey) };
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

/** Fetches many items by key (100 per call, retrying unprocessed keys); order is not kept. */
export const batchGetItems = async (keys: TableKey[]): Promise<Record<string, unknown>[]> => {
  const found: Record<string, unknown>[] = [];
  for (let offset = 0; offset < keys.length; offset += BATCH_GET_LIMIT) {
    let pending: TableKey[] = keys.slice(offset, offset + BATCH_GET_LIMIT);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      const result = await documentClient.send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending } } }),
      );
      found.push(...(result.Responses?.[tableName()] ?? []));
      pending = (result.UnprocessedKeys?.[tableName()]?.Keys ?? []) as TableKey[];
      if (attempt > 5 && pending.length > 0) throw new Error('BatchGet kept returning unprocessed keys');
    }
  }
  return found;
};
