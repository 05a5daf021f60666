/**
 * Idempotent creates: a request that carries an `Idempotency-Key` writes a record of the key in
 * the same transaction as its effect. A retry's transaction fails on that record (so nothing
 * happens twice) and is answered with the first result; the same key with another body is a
 * 422. Records expire after a day (`ttl`). Keys are scoped (orders: the store; payments and
 * refunds: the order; points adjustments: the customer), so two tills can never collide.
 */
import { createHash } from 'node:crypto';
import { ConflictError, defineProblem, documentProblem, UnprocessableEntityError } from '../errors.js';
import { tableName } from './client.js';
import { ENTITY, idempotencyKeys } from './keys.js';
import { getItem } from './query-page.js';
import type { GuardedWrite } from './transact.js';

/** Records outlive any sane retry: a day. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export interface IdempotencyRecord {
  scope: string;
  idempotencyKey: string;
  requestHash: string;
  /** What the first request created, to answer a retry with (e.g. `{orderId}`). */
  result: Readonly<Record<string, string>>;
  createdAt: string;
  ttl: number;
}

/** The key was used before with another request body (422). */
export class IdempotencyKeyReusedError extends UnprocessableEntityError {
  static override readonly problem = defineProblem({
    slug: 'idempotency-key-reused',
    status: 422,
    title: 'Idempotency-Key reused with a different request',
    fieldErrors: true,
  });
}

/** What `IdempotencyKeyReusedError` means, for the problem catalog and the OpenAPI document only. */
export const idempotencyKeyReusedErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(IdempotencyKeyReusedError, {
    description: 'The `Idempotency-Key` was used before with another body; `errors` names the header.',
  }))();

/**
 * Internal signal: the record already exists, so this request is a retry (or a misuse) of an
 * earlier one. Caught by the service that wrote it, never answered as is.
 */
export class IdempotencyRecordExists extends ConflictError {
  static override readonly problem = defineProblem({
    slug: 'idempotency-record-exists',
    status: 409,
    title: 'Idempotency-Key already used',
    internal: true,
  });
  constructor(readonly record: IdempotencyRecord) {
    super({ detail: 'This Idempotency-Key was already used.' });
  }
}

/** What `IdempotencyRecordExists` means, for the problem catalog and the OpenAPI document only. */
export const idempotencyRecordExistsDocs = /* @__PURE__ */ (() =>
  documentProblem(IdempotencyRecordExists, {
    description: 'A retry of an earlier request: answered with what that request did.',
  }))();

/** JSON with object keys sorted at every level, so equal values serialise equally. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );

/** SHA-256 of a validated request body (after defaults and trimming), canonical JSON. */
export const requestHashOf = (body: unknown): string =>
  createHash('sha256').update(canonicalJson(body)).digest('hex');

const epochSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

export const newIdempotencyRecord = (
  scope: string,
  idempotencyKey: string,
  requestHash: string,
  result: Record<string, string>,
  now: Date,
): IdempotencyRecord => ({
  scope,
  idempotencyKey,
  requestHash,
  result,
  createdAt: now.toISOString(),
  ttl: epochSeconds(now) + IDEMPOTENCY_TTL_SECONDS,
});

/** The record in an item read by key, unless it is absent or expired (TTL deletion lags). */
export const liveIdempotencyRecord = (
  item: Record<string, unknown> | undefined,
  now: Date,
): IdempotencyRecord | undefined =>
  item && Number(item.ttl) >= epochSeconds(now) ? (item as unknown as IdempotencyRecord) : undefined;

/** Strongly consistent: a retry that arrives just after its first request must see the record. */
export const findIdempotencyRecord = async (
  scope: string,
  idempotencyKey: string,
  now: Date,
): Promise<IdempotencyRecord | undefined> =>
  liveIdempotencyRecord(await getItem(idempotencyKeys.record(scope, idempotencyKey)), now);

/**
 * The record's Put for the request's transaction: it succeeds only if the key is new (or its
 * record expired). Put it first in the transaction, so that when a retry fails on several
 * conditions the one reported is "already done", not a side effect of the retry.
 */
export const idempotencyRecordWrite = (record: IdempotencyRecord, now: Date): GuardedWrite => ({
  write: {
    Put: {
      TableName: tableName(),
      Item: {
        ...idempotencyKeys.record(record.scope, record.idempotencyKey),
        entityType: ENTITY.idempotencyRecord,
        ...record,
      },
      ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now',
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':now': epochSeconds(now) },
    },
  },
  onConditionFailed: (current) =>
    current
      ? new IdempotencyRecordExists(current as unknown as IdempotencyRecord)
      : new ConflictError({ detail: 'This Idempotency-Key is in use; retry.' }),
});

/** A retry must repeat its request: the same key with another body is the client's mistake. */
export const assertSameRequest = (record: IdempotencyRecord, requestHash: string, what: string): void => {
  if (record.requestHash === requestHash) return;
  throw new IdempotencyKeyReusedError({
    detail: `This Idempotency-Key was already used for a different ${what} request; use a new key for a new ${what}.`,
    errors: [{ path: 'headers.idempotency-key', message: 'Already used with another body.' }],
  });
};

export interface IdempotentRequest {
  scope: string;
  /** Absent: the request runs without idempotency (for routes where the key is optional). */
  idempotencyKey: string | undefined;
  requestHash: string;
  /** Names the request in the 422 for a reused key, e.g. 'payment'. */
  what: string;
  now: Date;
}

/**
 * Runs a change at most once per Idempotency-Key. `run` gets `recordWrites(result)`: the
 * record's Put, to put FIRST in its transaction, naming what it created. A retry, found before
 * any work, by the record's condition in the transaction, or after a failure its twin caused,
 * is answered by `replay` with that record; another body with the key is 422. Without a key,
 * `run` runs with no record.
 */
export const runOnce = async <T>(
  request: IdempotentRequest,
  replay: (record: IdempotencyRecord) => Promise<T>,
  run: (recordWrites: (result: Record<string, string>) => GuardedWrite[]) => Promise<T>,
): Promise<{ value: T; replayed: boolean }> => {
  const { scope, idempotencyKey, requestHash, what, now } = request;
  if (!idempotencyKey) return { value: await run(() => []), replayed: false };
  const answer = async (record: IdempotencyRecord) => {
    assertSameRequest(record, requestHash, what);
    return { value: await replay(record), replayed: true };
  };
  const earlier = await findIdempotencyRecord(scope, idempotencyKey, now);
  if (earlier) return answer(earlier);
  try {
    const value = await run((result) => [
      idempotencyRecordWrite(newIdempotencyRecord(scope, idempotencyKey, requestHash, result, now), now),
    ]);
    return { value, replayed: false };
  } catch (error) {
    if (error instanceof IdempotencyRecordExists) return answer(error.record);
    // A twin request in flight may have committed between our check and our reads, and made
    // this one fail on state (e.g. paying an order it just made PAID): then answer as a retry.
    const twin = await findIdempotencyRecord(scope, idempotencyKey, now);
    if (twin) return answer(twin);
    throw error;
  }
};
