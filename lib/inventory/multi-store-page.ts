import type { Page } from '../db/query-page.js';
import { ValidationError } from '../errors.js';

/**
 * Pages through one Query per store, in store order, as if they were one listing. The cursor
 * names the store to continue at and that Query's own cursor, which carries its own scope and
 * checksum: a tampered inner cursor is rejected by queryPage, and the outer store must be one
 * of the caller's, so a cursor still positions only Queries the caller may run.
 */
interface MultiStoreCursor {
  s: string;
  c: string | null;
}

const invalidCursor = () =>
  new ValidationError([{ path: 'query.cursor', message: 'This cursor is not valid for this listing.' }]);

const encode = (cursor: MultiStoreCursor): string =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url');

const decode = (cursor: string, storeIds: readonly string[]): MultiStoreCursor => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalidCursor();
  const { s, c } = parsed as Partial<MultiStoreCursor>;
  if (typeof s !== 'string' || !storeIds.includes(s) || !(c === null || typeof c === 'string'))
    throw invalidCursor();
  return { s, c };
};

export const multiStorePage = async <T>(
  storeIds: readonly string[],
  limit: number,
  cursor: string | undefined,
  queryStore: (storeId: string, limit: number, cursor: string | undefined) => Promise<Page<T>>,
): Promise<Page<T>> => {
  const stores = [...storeIds].sort();
  const start = cursor ? decode(cursor, stores) : undefined;
  let index = start ? stores.indexOf(start.s) : 0;
  let inner = start?.c ?? undefined;
  const items: T[] = [];
  while (index < stores.length) {
    const storeId = stores[index] as string;
    const page = await queryStore(storeId, limit - items.length, inner);
    items.push(...page.items);
    if (page.nextCursor) {
      if (items.length >= limit) return { items, nextCursor: encode({ s: storeId, c: page.nextCursor }) };
      inner = page.nextCursor;
      continue;
    }
    index++;
    inner = undefined;
    const next = stores[index];
    if (items.length >= limit && next) return { items, nextCursor: encode({ s: next, c: null }) };
  }
  return { items, nextCursor: null };
};
