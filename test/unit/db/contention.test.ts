import { TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  CONTENTION_POLICY,
  ContentionError,
  retryOnContention,
} from '../../../lib/db/contention.js';
import { ConflictError, PreconditionFailedError, ServiceUnavailableError } from '../../../lib/errors.js';
import { problemResponse } from '../../../lib/http/problem.js';

const fast = { attempts: 4, baseDelayMs: 1, maxDelayMs: 2, retryAfterSeconds: 3 };

const losing = (times: number, result = 'done') => {
  let calls = 0;
  const step = async () => {
    calls++;
    if (calls <= times) throw new ContentionError({ detail: `lost race ${calls}` });
    return result;
  };
  return { step, calls: () => calls };
};

describe('retryOnContention', () => {
  it('runs the step again until it wins its race', async () => {
    const { step, calls } = losing(3);
    await expect(retryOnContention(step, { policy: fast })).resolves.toBe('done');
    expect(calls()).toBe(4);
  });

  it('gives up after the bounded attempts with 503 and Retry-After', async () => {
    const { step, calls } = losing(Number.POSITIVE_INFINITY);
    const error = await retryOnContention(step, { policy: fast }).catch((e: unknown) => e);
    expect(calls()).toBe(fast.attempts);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    const response = problemResponse(error as ServiceUnavailableError, 'req-1');
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('3');
    expect(JSON.parse(String(response.body))).toMatchObject({
      type: '/problems/service-unavailable',
      status: 503,
    });
  });

  it('uses the default policy: ten attempts', async () => {
    expect(CONTENTION_POLICY.attempts).toBe(10);
    const { step, calls } = losing(Number.POSITIVE_INFINITY);
    await expect(retryOnContention(step)).rejects.toMatchObject({
      status: 503,
      headers: { 'retry-after': '1' },
    });
    expect(calls()).toBe(10);
  });

  it('retries a single-item write that met a transaction in flight', async () => {
    let calls = 0;
    const step = async () => {
      calls++;
      if (calls === 1) throw new TransactionConflictException({ message: 'in flight', $metadata: {} });
      return calls;
    };
    await expect(retryOnContention(step, { policy: fast })).resolves.toBe(2);
  });

  it('never retries a true state conflict or a stale If-Match', async () => {
    for (const error of [
      new ConflictError({ detail: 'wrong status' }),
      new PreconditionFailedError({ detail: 'stale' }),
    ]) {
      let calls = 0;
      const step = async () => {
        calls++;
        throw error;
      };
      await expect(retryOnContention(step, { policy: fast })).rejects.toBe(error);
      expect(calls).toBe(1);
    }
  });

  it('lets only the outermost loop retry, so nested loops never multiply attempts', async () => {
    let inner = 0;
    const step = () =>
      retryOnContention(
        async () => {
          inner++;
          throw new ContentionError({ detail: 'lost' });
        },
        { policy: fast },
      );
    await expect(retryOnContention(step, { policy: fast })).rejects.toMatchObject({ status: 503 });
    expect(inner).toBe(fast.attempts);
  });

  it('answers a stale read at once when the step can only resend the same request', async () => {
    let calls = 0;
    const step = async () => {
      calls++;
      throw new ContentionError({ detail: 'changed since read', stale: true });
    };
    await expect(retryOnContention(step, { resends: true, policy: fast })).rejects.toMatchObject({
      status: 503,
    });
    expect(calls).toBe(1);
  });

  it('backs off exponentially with jitter, capped', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const step = Math.min(CONTENTION_POLICY.maxDelayMs, CONTENTION_POLICY.baseDelayMs * 2 ** (attempt - 1));
      const delay = backoffDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(step / 2);
      expect(delay).toBeLessThanOrEqual(step);
    }
  });

  it('answers 503 with Retry-After should a ContentionError ever escape a loop', () => {
    const response = problemResponse(new ContentionError({ detail: 'lost' }));
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe(String(CONTENTION_POLICY.retryAfterSeconds));
  });
});
