import { createHash } from 'node:crypto';
import { ValidationError } from '../errors.js';

/**
 * Opaque pagination cursors: DynamoDB's LastEvaluatedKey plus the scope of the query that
 * produced it, base64url-encoded with a checksum. A cursor that was altered, or that came
 * from another listing (another filter, index or partition), is rejected with 400 instead
 * of silently starting somewhere else.
 *
 * The checksum is not a secret signature: a cursor only positions a query the caller is
 * already allowed to run, so it grants nothing; it exists to detect corruption and
 * tampering cheaply, and the scope check stops cross-listing reuse.
 */
/** Key attributes are strings, except numeric index sort keys (e.g. gsi4's `reorderGap`). */
type CursorKey = Record<string, string | number>;

interface CursorPayload {
  s: string;
  k: CursorKey;
}

const checksum = (body: string): string => createHash('sha256').update(body).digest('base64url').slice(0, 16);

const invalidCursor = (): ValidationError =>
  new ValidationError([{ path: 'query.cursor', message: 'This cursor is not valid for this listing.' }]);

export const encodeCursor = (
  scope: string,
  lastEvaluatedKey: Record<string, unknown> | undefined,
): string | null => {
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
  return `${body}.${checksum(body)}`;
};

export const decodeCursor = (
  scope: string,
  cursor: string | undefined,
  expectedKeyNames: readonly string[],
): CursorKey | undefined => {
  if (cursor === undefined) return undefined;
  const [body, sum, ...rest] = cursor.split('.');
  if (!body || !sum || rest.length > 0 || checksum(body) !== sum) throw invalidCursor();
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof payload !== 'object' || payload === null) throw invalidCursor();
  const { s, k } = payload as Partial<CursorPayload>;
  if (s !== scope || typeof k !== 'object' || k === null) throw invalidCursor();
  const names = Object.keys(k).sort();
  const expected = [...expectedKeyNames].sort();
  const sameShape =
    names.length === expected.length &&
    names.every((name, i) => {
      const value = k[name];
      return (
        name === expected[i] &&
        (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
      );
    });
  if (!sameShape) throw invalidCursor();
  return k;
};
