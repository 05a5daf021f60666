import { describe, expect, it } from 'vitest';
import { multiStorePage } from '../../../lib/inventory/multi-store-page.js';

/** A fake per-store Query over fixed data; its cursor is the next offset. */
const data: Record<string, string[]> = { s1: ['a', 'b', 'c'], s2: [], s3: ['d', 'e'] };
const queryStore = async (storeId: string, limit: number, cursor: string | undefined) => {
  const items = data[storeId] ?? [];
  const start = cursor ? Number(cursor) : 0;
  const end = start + limit;
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
};

describe('paging across several stores', () => {
  it('returns every item once, in store order, for any page size', async () => {
    for (const limit of [1, 2, 3, 5, 10]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await multiStorePage(['s3', 's1', 's2'], limit, cursor, queryStore);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    }
  });

  it('rejects a cursor naming a store outside the caller’s, or garbage, with 400', async () => {
    const first = await multiStorePage(['s1', 's3'], 1, undefined, queryStore);
    expect(first.nextCursor).not.toBeNull();
    await expect(multiStorePage(['s3'], 1, first.nextCursor ?? undefined, queryStore)).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'query.cursor' }],
    });
    await expect(multiStorePage(['s1'], 1, 'not-a-cursor', queryStore)).rejects.toMatchObject({
      status: 400,
    });
  });
});
