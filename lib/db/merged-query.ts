import { decodeCursor, encodeCursor } from './cursor.js';
import { type Page, queryPage, type SortKeyCondition } from './query-page.js';
import { type IndexName, indexKeyNames } from './table-definition.js';

export interface MergedQuery {
  indexName: IndexName;
  /** Partitions whose sort keys share one order (e.g. `<createdAt>#<id>`, unique across them). */
  partitionValues: readonly string[];
  limit: number;
  cursor: string | undefined;
  /** Binds the cursor to this listing (e.g. the customer and the caller's stores, the bounds). */
  scope: string;
  /** Inclusive sort-key bounds shared by every partition (e.g. a creation-time range). */
  bounds?: { lowest?: string; highest?: string };
}

/**
 * The sort-key condition of one page: below the last position shown (exclusive) or at most
 * `highest`, and at least `lowest`. DynamoDB has no exclusive BETWEEN, so with both a position
 * and `lowest` the range includes the position, and the caller drops that one item.
 */
const pageCondition = (
  position: string | undefined,
  bounds: MergedQuery['bounds'],
): SortKeyCondition | undefined => {
  const lowest = bounds?.lowest;
  const highest = position ?? bounds?.highest;
  if (highest === undefined) return lowest === undefined ? undefined : { greaterOrEqual: lowest };
  if (lowest !== undefined) return { between: [lowest, highest] };
  return position === undefined ? { lessOrEqual: highest } : { lessThan: highest };
};

/**
 * Several partitions read as one listing, newest (highest sort key) first, with exact pages:
 * each page Queries every partition for its `limit` items below the last position shown and
 * keeps the top `limit` of their union, which must be among them. The cursor is that position
 * alone, valid for every partition. One Query per partition per page, so this suits a caller's
 * handful of stores, not hundreds. Hand-written: no DynamoDB library merges partitions.
 */
export const mergedQueryPage = async (query: MergedQuery): Promise<Page<Record<string, unknown>>> => {
  const { sortKey } = indexKeyNames(query.indexName);
  const position = (await decodeCursor(query.scope, query.cursor, { position: { type: 'S' } }))?.position;
  const condition = pageCondition(position === undefined ? undefined : String(position), query.bounds);
  // The position itself may come back (see pageCondition): one more item keeps pages full.
  const inclusive = position !== undefined && condition !== undefined && 'between' in condition;
  const pages = await Promise.all(
    [...new Set(query.partitionValues)].map((partitionValue) =>
      queryPage({
        indexName: query.indexName,
        partitionValue,
        ...(condition ? { sortKey: condition } : {}),
        descending: true,
        limit: query.limit + (inclusive ? 1 : 0),
        cursor: undefined,
      }),
    ),
  );
  const keyOf = (item: Record<string, unknown>) => String(item[sortKey]);
  const merged = pages
    .flatMap((page) => page.items)
    .filter((item) => !inclusive || keyOf(item) !== String(position))
    .sort((a, b) => (keyOf(a) < keyOf(b) ? 1 : keyOf(a) > keyOf(b) ? -1 : 0));
  const items = merged.slice(0, query.limit);
  const last = items.at(-1);
  const more = merged.length > query.limit || pages.some((page) => page.nextCursor !== null);
  return {
    items,
    nextCursor: more && last ? await encodeCursor(query.scope, { position: keyOf(last) }) : null,
  };
};
