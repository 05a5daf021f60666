import { decodeCursor, encodeCursor } from '../db/cursor.js';
import type { Page } from '../db/query-page.js';

/**
 * Pages through one Query per store, in store order, as if they were one listing. The cursor
 * names the store to continue at and that Query's own cursor (absent at a store's start). Both
 * are signed (lib/db/cursor.ts): the outer one is bound to this set of stores and must name one
 * of them, and the inner one carries its own scope (the store's partition), so a cursor from
 * another store's listing or another caller's stores is refused, never followed.
 */
const scopeOf = (stores: readonly string[]) => `stores|${stores.join(',')}`;

const encode = async (stores: readonly string[], store: string, inner: string | null) =>
  encodeCursor(scopeOf(stores), inner === null ? { store } : { store, inner });

const decode = async (cursor: string, stores: readonly string[]) => {
  const key = await decodeCursor(scopeOf(stores), cursor, {
    store: { type: 'S', accepts: (store) => stores.includes(String(store)) },
    inner: { type: 'S', optional: true },
  });
  return { store: String(key?.store), inner: key?.inner === undefined ? undefined : String(key.inner) };
};

export const multiStorePage = async <T>(
  storeIds: readonly string[],
  limit: number,
  cursor: string | undefined,
  queryStore: (storeId: string, limit: number, cursor: string | undefined) => Promise<Page<T>>,
): Promise<Page<T>> => {
  const stores = [...storeIds].sort();
  const start = cursor ? await decode(cursor, stores) : undefined;
  let index = start ? stores.indexOf(start.store) : 0;
  let inner = start?.inner;
  const items: T[] = [];
  while (index < stores.length) {
    const storeId = stores[index] as string;
    const page = await queryStore(storeId, limit - items.length, inner);
    items.push(...page.items);
    if (page.nextCursor) {
      if (items.length >= limit) return { items, nextCursor: await encode(stores, storeId, page.nextCursor) };
      inner = page.nextCursor;
      continue;
    }
    index++;
    inner = undefined;
    const next = stores[index];
    if (items.length >= limit && next) return { items, nextCursor: await encode(stores, next, null) };
  }
  return { items, nextCursor: null };
};
