import { AsyncLocalStorage } from 'node:async_hooks';
import { ServiceUnavailableError } from '../errors.js';

/**
 * The one contention policy of the API. A write that lost a race with another request is
 * never the caller's fault and never a 409: the step that read, planned and wrote runs again
 * on a fresh read, a bounded number of times with jittered exponential backoff, and only then
 * answers 503 with `Retry-After`. A true state conflict found on the fresh read (wrong status,
 * not enough stock) is the step's own typed error and ends the loop at once; so does a stale
 * `If-Match` (412), which is the caller's read, not ours.
 */
export const CONTENTION_POLICY = {
  /** Runs of the step in all, the first included. */
  attempts: 10,
  baseDelayMs: 10,
  maxDelayMs: 200,
  /** Sent as `Retry-After` once the attempts are spent. */
  retryAfterSeconds: 1,
} as const;

export type ContentionPolicy = { readonly [K in keyof typeof CONTENTION_POLICY]: number };

/**
 * A conditional write failed only because someone else changed what this request read
 * (`stale`: re-read and re-plan), or a transaction was cancelled by another in flight on the
 * same items (TransactionConflict: sending the same request again may succeed). Thrown inside
 * `retryOnContention`, it is retried; should one ever escape, it still answers 503 + Retry-After.
 */
export class ContentionError extends ServiceUnavailableError {
  readonly stale: boolean;
  constructor(options: { detail: string; stale?: boolean; cause?: unknown }) {
    super({
      detail: options.detail,
      cause: options.cause,
      headers: { 'retry-after': String(CONTENTION_POLICY.retryAfterSeconds) },
    });
    this.stale = options.stale ?? true;
  }
}

/** A single-item write that met a transaction in flight on its item. */
const isTransactionConflict = (error: unknown): boolean =>
  error instanceof Error && error.name === 'TransactionConflictException';

const isContention = (error: unknown): boolean =>
  error instanceof ContentionError || isTransactionConflict(error);

/** Equal jitter: half the exponential step, plus a random half, so racers spread out. */
export const backoffDelay = (attempt: number, policy: ContentionPolicy = CONTENTION_POLICY): number => {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return step / 2 + Math.random() * (step / 2);
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The answer once every attempt lost its race. */
export const contentionExhausted = (cause: unknown, policy: ContentionPolicy = CONTENTION_POLICY) =>
  new ServiceUnavailableError({
    detail: 'Too many concurrent changes to the same data; retry shortly.',
    headers: { 'retry-after': String(policy.retryAfterSeconds) },
    cause,
  });

/** Set while a step runs, so that nested loops (a service step around transactWrite) never multiply. */
const insideLoop = new AsyncLocalStorage<true>();

/**
 * Runs `step` (read → plan → write) and runs it again while it loses races. Only the outermost
 * loop retries: a nested call runs its step once and lets contention reach the outer loop,
 * which re-reads. `resends: true` says the step sends the very same request again (no
 * re-read), so a stale read cannot be fixed by it and is answered 503 at once.
 */
export const retryOnContention = async <T>(
  step: () => Promise<T>,
  options: { resends?: boolean; policy?: ContentionPolicy } = {},
): Promise<T> => {
  if (insideLoop.getStore()) return step();
  const policy = options.policy ?? CONTENTION_POLICY;
  return insideLoop.run(true, async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        if (!isContention(error)) throw error;
        const hopeless = options.resends && error instanceof ContentionError && error.stale;
        if (hopeless || attempt >= policy.attempts) throw contentionExhausted(error, policy);
        await pause(backoffDelay(attempt, policy));
      }
    }
  });
};
