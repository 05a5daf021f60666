import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findIdempotencyRecord, runOnce } from '../../lib/db/idempotency.js';
import { transactWrite } from '../../lib/db/transact.js';
import { ConflictError } from '../../lib/errors.js';

const request = (idempotencyKey: string | undefined, requestHash = 'hash-a') => ({
  scope: `TEST#${randomUUID()}`,
  idempotencyKey,
  requestHash,
  what: 'test change',
  now: new Date(),
});

describe('runOnce against DynamoDB Local', () => {
  it('runs once per key and answers the retry with what the first run recorded', async () => {
    const first = request(`key-${randomUUID()}`);
    let runs = 0;
    const change = () =>
      runOnce(
        first,
        async (record) => `replayed ${record.result.id}`,
        async (recordWrites) => {
          runs++;
          await transactWrite(recordWrites({ id: `run-${runs}` }));
          return `ran ${runs}`;
        },
      );
    expect(await change()).toEqual({ value: 'ran 1', replayed: false });
    expect(await change()).toEqual({ value: 'replayed run-1', replayed: true });
    expect(runs).toBe(1);
    await expect(
      runOnce(
        { ...first, requestHash: 'hash-b' },
        async () => 'never',
        async () => 'never',
      ),
    ).rejects.toMatchObject({ status: 422, errors: [{ path: 'headers.idempotency-key' }] });
  });

  it('runs without a record when no key is sent', async () => {
    const noKey = request(undefined);
    const result = await runOnce(
      noKey,
      async () => 'never',
      async (recordWrites) => {
        expect(recordWrites({ id: 'x' })).toEqual([]);
        return 'ran';
      },
    );
    expect(result).toEqual({ value: 'ran', replayed: false });
  });

  it('answers as a retry when a twin committed between the check and the change, and fails otherwise', async () => {
    const twin = request(`key-${randomUUID()}`);
    // The twin's transaction lands while this run is under way, and this run then fails on state.
    const result = await runOnce(
      twin,
      async (record) => `replayed ${record.result.id}`,
      async (recordWrites) => {
        await transactWrite(recordWrites({ id: 'twin' }));
        throw new ConflictError({ detail: 'The order is PAID now.' });
      },
    );
    expect(result).toEqual({ value: 'replayed twin', replayed: true });

    const alone = request(`key-${randomUUID()}`);
    await expect(
      runOnce(
        alone,
        async () => 'never',
        async () => {
          throw new ConflictError({ detail: 'Not enough stock.' });
        },
      ),
    ).rejects.toMatchObject({ status: 409 });
    // A failed change leaves the key free, so the client may retry it.
    expect(
      await findIdempotencyRecord(alone.scope, alone.idempotencyKey as string, alone.now),
    ).toBeUndefined();
  });
});
