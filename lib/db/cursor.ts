import { createHmac, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '../errors.js';
import { cursorKeys } from './cursor-secret.js';

/**
 * Opaque pagination cursors: DynamoDB's LastEvaluatedKey plus the scope of the query that
 * produced it, base64url-encoded and signed with HMAC-SHA256 under a secret only the deployment
 * holds (lib/db/cursor-secret.ts). A caller cannot forge or alter one: a cursor is only ever a
 * position that this API handed out for this listing.
 *
 * Decoding also checks the keys against the listing it is used on (names, types, the query's
 * own partition, its sort-key condition), so even a cursor signed by us cannot point a Query
 * anywhere else or make DynamoDB refuse it. Anything wrong is a 400 on `query.cursor`.
 * Hand-written: the format is ours, and node:crypto gives the HMAC and constant-time compare.
 */
export type CursorKey = Record<string, string | number>;

/** What one attribute of a cursor's key must be. */
export interface CursorKeyRule {
  /** DynamoDB attribute type: a non-empty string or a safe integer-or-decimal number. */
  type: 'S' | 'N';
  /** The value it must have (e.g. the query's partition value). */
  equals?: string | number;
  /** Any further condition (e.g. the query's sort-key condition). */
  accepts?: (value: string | number) => boolean;
  /** The attribute may be absent. */
  optional?: true;
}

/** The attributes a cursor's key has, by name; no others are allowed. */
export type CursorShape = Readonly<Record<string, CursorKeyRule>>;

interface CursorPayload {
  s: string;
  k: CursorKey;
}

/** Matches the HTTP contract's limit (lib/http/common-schemas.ts); checked here for every caller. */
export const MAX_CURSOR_LENGTH = 2048;
/** DynamoDB's limit for a sort key value (partition keys: 2,048), in UTF-8 bytes; ours are far shorter. */
const MAX_KEY_BYTES = 1024;
/** base64url of the 32-byte HMAC-SHA256, without padding. */
const MAC_LENGTH = 43;
const CURSOR_FORMAT = new RegExp(`^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{${MAC_LENGTH}}$`);

const mac = (key: Buffer, body: string): string => createHmac('sha256', key).update(body).digest('base64url');

/** Compares the text of the MACs, not decoded bytes, so every other spelling of one is refused. */
const signedWith = (key: Buffer, body: string, given: string): boolean => {
  const expected = Buffer.from(mac(key, body));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};

export const invalidCursor = (): ValidationError =>
  new ValidationError([{ path: 'query.cursor', message: 'This cursor is not valid for this listing.' }]);

const isKeyValue = (rule: CursorKeyRule, value: unknown): value is string | number =>
  rule.type === 'S'
    ? typeof value === 'string' && value.length > 0 && Buffer.byteLength(value) <= MAX_KEY_BYTES
    : typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER;

const fitsShape = (key: Record<string, unknown>, shape: CursorShape): key is CursorKey =>
  Object.keys(key).every((name) => Object.hasOwn(shape, name)) &&
  Object.entries(shape).every(([name, rule]) => {
    if (!Object.hasOwn(key, name)) return rule.optional === true;
    const value = key[name];
    return (
      isKeyValue(rule, value) &&
      (rule.equals === undefined || value === rule.equals) &&
      (rule.accepts === undefined || rule.accepts(value))
    );
  });

export const encodeCursor = async (
  scope: string,
  lastEvaluatedKey: Record<string, unknown> | undefined,
): Promise<string | null> => {
  if (!lastEvaluatedKey) return null;
  const key: CursorKey = {};
  for (const [name, value] of Object.entries(lastEvaluatedKey)) {
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new Error(`Cursor key ${name} is not a key value`);
    key[name] = value;
  }
  const body = Buffer.from(JSON.stringify({ s: scope, k: key } satisfies CursorPayload)).toString(
    'base64url',
  );
  const cursor = `${body}.${mac((await cursorKeys()).current, body)}`;
  if (cursor.length > MAX_CURSOR_LENGTH) throw new Error('A cursor would exceed the length clients may send');
  return cursor;
};

export const decodeCursor = async (
  scope: string,
  cursor: string | undefined,
  shape: CursorShape,
): Promise<CursorKey | undefined> => {
  if (cursor === undefined) return undefined;
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH || !CURSOR_FORMAT.test(cursor))
    throw invalidCursor();
  const dot = cursor.indexOf('.');
  const body = cursor.slice(0, dot);
  const given = cursor.slice(dot + 1);
  const { accepted } = await cursorKeys();
  if (!accepted.some((key) => signedWith(key, body, given))) throw invalidCursor();
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof payload !== 'object' || payload === null) throw invalidCursor();
  const { s, k } = payload as Partial<CursorPayload>;
  if (s !== scope || typeof k !== 'object' || k === null || Array.isArray(k)) throw invalidCursor();
  if (!fitsShape(k, shape)) throw invalidCursor();
  return k;
};
