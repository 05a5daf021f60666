import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../lib/db/cursor.js';
import { ValidationError } from '../../../lib/errors.js';

const KEY = { pk: 'PRODUCT#1', sk: 'PRODUCT', gsi1pk: 'PRODUCTS', gsi1sk: 'active#lens#1' };
const NAMES = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];

describe('pagination cursors', () => {
  it('round-trips the last evaluated key and is null at the end', () => {
    const cursor = encodeCursor('gsi1|PRODUCTS|', KEY);
    expect(cursor).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(decodeCursor('gsi1|PRODUCTS|', cursor ?? undefined, NAMES)).toEqual(KEY);
    expect(encodeCursor('x', undefined)).toBeNull();
    expect(decodeCursor('x', undefined, NAMES)).toBeUndefined();
  });

  it('rejects a cursor whose bytes were changed', () => {
    const cursor = encodeCursor('gsi1|PRODUCTS|', KEY) ?? '';
    const tampered = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;
    expect(() => decodeCursor('gsi1|PRODUCTS|', tampered, NAMES)).toThrow(ValidationError);
    expect(() => decodeCursor('gsi1|PRODUCTS|', 'garbage', NAMES)).toThrow(ValidationError);
  });

  it('rejects a cursor from another listing', () => {
    const cursor = encodeCursor('gsi2|CATEGORY#a|', KEY) ?? '';
    expect(() => decodeCursor('gsi2|CATEGORY#b|', cursor, NAMES)).toThrow(ValidationError);
  });

  it('rejects a well-formed cursor with the wrong key shape', () => {
    const cursor = encodeCursor('s', { pk: 'a', sk: 'b' }) ?? '';
    expect(() => decodeCursor('s', cursor, NAMES)).toThrow(ValidationError);
  });

  it('names query.cursor as the field at fault', () => {
    try {
      decodeCursor('s', 'nope', NAMES);
    } catch (error) {
      expect((error as ValidationError).errors).toEqual([
        { path: 'query.cursor', message: expect.any(String) },
      ]);
    }
    expect.assertions(1);
  });
});
