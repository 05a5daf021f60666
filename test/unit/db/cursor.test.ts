import { createHash, createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CursorShape, decodeCursor, encodeCursor, MAX_CURSOR_LENGTH } from '../../../lib/db/cursor.js';
import { forgetCursorKeys } from '../../../lib/db/cursor-secret.js';
import { ValidationError } from '../../../lib/errors.js';

const SCOPE = 'gsi1|PRODUCTS#active||asc';
const KEY = { pk: 'PRODUCT#1', sk: 'PRODUCT', gsi1pk: 'PRODUCTS#active', gsi1sk: 'lens#1' };
/** The shape queryPage asks for on gsi1 with partition PRODUCTS#active. */
const SHAPE: CursorShape = {
  gsi1pk: { type: 'S', equals: 'PRODUCTS#active' },
  gsi1sk: { type: 'S' },
  pk: { type: 'S' },
  sk: { type: 'S' },
};
const NUMERIC_SHAPE: CursorShape = {
  gsi4pk: { type: 'S', equals: 'REORDER#st_1' },
  reorderGap: { type: 'N' },
  pk: { type: 'S' },
  sk: { type: 'S' },
};

const secret = () => randomBytes(32).toString('base64url');
const useSecrets = (current: string, previous?: string) => {
  process.env.CURSOR_SECRET = current;
  if (previous) process.env.CURSOR_SECRET_PREVIOUS = previous;
  else delete process.env.CURSOR_SECRET_PREVIOUS;
  forgetCursorKeys();
};

/** What a caller could build: any payload, signed with some key (or the old unkeyed checksum). */
const forge = (payload: unknown, key?: string): string => {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const mac = key
    ? createHmac('sha256', key).update(body).digest('base64url')
    : createHash('sha256').update(body).digest('base64url');
  return `${body}.${mac}`;
};

const rejects = async (cursor: string, shape: CursorShape = SHAPE, scope = SCOPE) => {
  const error = await decodeCursor(scope, cursor, shape).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).errors).toEqual([{ path: 'query.cursor', message: expect.any(String) }]);
};

const valid = async () => (await encodeCursor(SCOPE, KEY)) as string;

describe('pagination cursors', () => {
  let current: string;
  beforeEach(() => {
    current = secret();
    useSecrets(current);
  });
  afterEach(() => {
    delete process.env.CURSOR_SECRET;
    delete process.env.CURSOR_SECRET_PREVIOUS;
    forgetCursorKeys();
  });

  it('round-trips the last evaluated key and is null at the end', async () => {
    const cursor = await valid();
    expect(cursor).toMatch(/^[\w-]+\.[\w-]{43}$/);
    expect(await decodeCursor(SCOPE, cursor, SHAPE)).toEqual(KEY);
    expect(await encodeCursor('x', undefined)).toBeNull();
    expect(await decodeCursor('x', undefined, SHAPE)).toBeUndefined();
  });

  it('keeps numeric sort keys numeric', async () => {
    const key = { gsi4pk: 'REORDER#st_1', reorderGap: -3, pk: 'LEVEL#1', sk: 'SKU#a' };
    const cursor = (await encodeCursor('gsi4', key)) as string;
    expect(await decodeCursor('gsi4', cursor, NUMERIC_SHAPE)).toEqual(key);
  });

  it('rejects a cursor whose body was changed, or rebuilt with another checksum or key', async () => {
    const cursor = await valid();
    const [body = '', mac = ''] = cursor.split('.');
    const altered = { s: SCOPE, k: { ...KEY, gsi1sk: 'zzz' } };
    await rejects(`${body.slice(0, -2)}${body.endsWith('A') ? 'B' : 'A'}${body.slice(-1)}.${mac}`);
    await rejects(forge(altered)); // the old unkeyed checksum
    await rejects(forge(altered, secret())); // signed, but not with the deployment's secret
    await rejects(forge({ s: SCOPE, k: KEY }, secret()));
    await rejects(`${forge(altered, current).split('.')[0]}.${mac}`); // valid MAC of another body
  });

  it('rejects a cursor signed by us for another listing or another partition', async () => {
    await rejects(await valid(), SHAPE, 'gsi1|PRODUCTS#archived||asc');
    // Same scope, a key in another partition (e.g. another store's): the partition check refuses it.
    await rejects((await encodeCursor(SCOPE, { ...KEY, gsi1pk: 'PRODUCTS#archived' })) as string);
    await rejects((await encodeCursor(SCOPE, { ...KEY, gsi1pk: 'STORE#st_other' })) as string);
  });

  it('rejects keys of the wrong type, empty, missing, extra or out of the sort-key condition', async () => {
    const signed = async (key: Record<string, unknown>) => (await encodeCursor(SCOPE, key)) as string;
    await rejects(await signed({ ...KEY, gsi1sk: 7 })); // a number for a string
    await rejects(await signed({ ...KEY, sk: '' })); // empty string
    await rejects(await signed({ ...KEY, gsi1pk: '' }));
    await rejects(await signed({ pk: KEY.pk, sk: KEY.sk, gsi1pk: KEY.gsi1pk })); // missing
    await rejects(await signed({ ...KEY, extra: 'x' }));
    await rejects(forge({ s: SCOPE, k: { ...KEY, pk: null } }, current));
    await rejects(forge({ s: SCOPE, k: { ...KEY, pk: { S: 'x' } } }, current));
    await rejects(forge({ s: SCOPE, k: [KEY] }, current));
    await rejects(forge({ s: SCOPE }, current));
    await rejects(forge('just a string', current));
    const numeric = { gsi4pk: 'REORDER#st_1', reorderGap: 1, pk: 'LEVEL#1', sk: 'SKU#a' };
    await rejects((await encodeCursor('g', { ...numeric, reorderGap: '1' })) as string, NUMERIC_SHAPE, 'g');
    await rejects(forge({ s: 'g', k: { ...numeric, reorderGap: 1e300 } }, current), NUMERIC_SHAPE, 'g');
    const prefixed: CursorShape = {
      ...SHAPE,
      gsi1sk: { type: 'S', accepts: (v) => String(v).startsWith('a') },
    };
    await rejects(await valid(), prefixed);
  });

  it('rejects malformed cursors: truncated, extra dots, not base64url, huge, not JSON', async () => {
    const cursor = await valid();
    for (const bad of [
      '',
      '.',
      'garbage',
      cursor.slice(0, -1),
      cursor.slice(1),
      cursor.split('.')[0] ?? '',
      `${cursor}.`,
      `${cursor}.x`,
      cursor.replace('.', '..'),
      `a.${cursor}`,
      cursor.replace('.', '+'),
      `${cursor.slice(0, 10)}=${cursor.slice(10)}`,
      `${'A'.repeat(MAX_CURSOR_LENGTH)}.${cursor.split('.')[1]}`,
      forge({ s: SCOPE, k: KEY }, current).replace(/^[^.]+/, Buffer.from('{"s":').toString('base64url')),
    ]) {
      await rejects(bad);
    }
    const notJson = Buffer.from('not json').toString('base64url');
    await rejects(`${notJson}.${createHmac('sha256', current).update(notJson).digest('base64url')}`);
  });

  it('accepts cursors signed with the previous secret during a rotation, and no older ones', async () => {
    const old = await valid();
    const next = secret();
    useSecrets(next, current);
    expect(await decodeCursor(SCOPE, old, SHAPE)).toEqual(KEY);
    const fresh = await valid();
    expect(fresh).not.toBe(old);
    useSecrets(secret(), next);
    await rejects(old);
    expect(await decodeCursor(SCOPE, fresh, SHAPE)).toEqual(KEY);
  });

  it('refuses to sign without a configured secret, or with a short one', async () => {
    delete process.env.CURSOR_SECRET;
    forgetCursorKeys();
    await expect(encodeCursor(SCOPE, KEY)).rejects.toThrow(/CURSOR_SECRET/);
    useSecrets('short');
    await expect(encodeCursor(SCOPE, KEY)).rejects.toThrow(/at least 32/);
  });

  it('rejects every random mutation of a valid cursor (property)', async () => {
    const cursor = await valid();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
    const char = fc.constantFrom(...alphabet.split(''));
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('replace'), at: fc.nat(cursor.length - 1), with: char }),
      fc.record({ kind: fc.constant('insert'), at: fc.nat(cursor.length), with: char }),
      fc.record({ kind: fc.constant('delete'), at: fc.nat(cursor.length - 1), with: fc.constant('') }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        let mutated = cursor;
        for (const { kind, at, with: value } of mutations) {
          const i = Math.min(at, mutated.length);
          mutated =
            kind === 'insert'
              ? mutated.slice(0, i) + value + mutated.slice(i)
              : mutated.slice(0, i) + value + mutated.slice(i + 1);
        }
        fc.pre(mutated !== cursor);
        await rejects(mutated);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects any payload a caller signs with a key of their own (property)', async () => {
    const keyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('pk', 'sk', 'gsi1pk', 'gsi1sk', 'x'), keyValue),
        fc.string({ minLength: 32 }),
        async (key, ownKey) => {
          fc.pre(ownKey !== current);
          await rejects(forge({ s: SCOPE, k: key }, ownKey));
        },
      ),
      { numRuns: 100 },
    );
  });
});
