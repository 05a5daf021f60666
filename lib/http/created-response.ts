import type { HttpResult } from './http-handler.js';

/**
 * The answer to a create that takes an Idempotency-Key: 201 with what it made, or 200 with
 * `Idempotent-Replayed: true` when a retry was answered with what the first request did.
 */
export const createdResponse = (
  { value, replayed }: { value: unknown; replayed: boolean },
  extras: Pick<HttpResult, 'version' | 'location'> = {},
): HttpResult => ({
  status: replayed ? 200 : 201,
  body: value,
  ...extras,
  ...(replayed ? { headers: { 'idempotent-replayed': 'true' } } : {}),
});
