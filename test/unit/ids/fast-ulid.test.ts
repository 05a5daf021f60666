import { decodeTime, isValid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { fastUlid } from '../../../lib/ids/fast-ulid.js';

describe('fastUlid', () => {
  it('makes valid, distinct ULIDs of the current time, across refills of its pool', () => {
    const before = Date.now();
    // 26 characters use 16 random bytes: 2,000 ids draw the 4 KiB pool about eight times over.
    const ids = Array.from({ length: 2000 }, fastUlid);
    const after = Date.now();
    expect(ids.every(isValid)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [ids[0], ids.at(-1)] as string[]) {
      expect(decodeTime(id)).toBeGreaterThanOrEqual(before);
      expect(decodeTime(id)).toBeLessThanOrEqual(after);
    }
  });

  it('spreads the random part over all 32 symbols', () => {
    const symbols = new Set(Array.from({ length: 500 }, fastUlid).flatMap((id) => [...id.slice(10)]));
    expect(symbols.size).toBe(32);
  });
});
