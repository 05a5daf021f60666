import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetCursorKeys } from '../../../lib/db/cursor-secret.js';
import { multiStorePage } from '../../../lib/inventory/multi-store-page.js';

beforeAll(() => {
  process.env.CURSOR_SECRET = randomBytes(32).toString('base64url');
  forgetCursorKeys();
});
afterAll(() => {
  delete process.env.CURSOR_SECRET;
  forgetCursorKeys();
});

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
    // The outer cursor is signed: one rebuilt by hand, as the unsigned format allowed, is refused.
    const handmade = Buffer.from(JSON.stringify({ s: 's3', c: null })).toString('base64url');
    await expect(multiStorePage(['s1', 's3'], 1, handmade, queryStore)).rejects.toMatchObject({
      status: 400,
    });
  });

  it('rejects a cursor from a listing over another set of stores', async () => {
    const first = await multiStorePage(['s1', 's3'], 1, undefined, queryStore);
    await expect(
      multiStorePage(['s1', 's2', 's3'], 1, first.nextCursor ?? undefined, queryStore),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'query.cursor' }] });
  });
});
