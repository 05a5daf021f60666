/**
 * DynamoDB's per-partition write ceiling, modelled where DynamoDB Local has none: a token bucket
 * per partition key, refilled at `writesPerSecond` and holding at most one second of writes
 * (on-demand tables have no burst credit to spend on a single hot item). A write that finds the
 * bucket empty is throttled, as DynamoDB throttles it with a ThrottlingException
 * (KeyRangeThroughputExceeded), and is retried by the caller. The clock is injected, so the
 * limiter is tested without timing.
 */
export interface ThroughputLimit {
  /** Takes one write from the key's bucket; false when the write is throttled. */
  tryWrite(key: string): boolean;
  throttled(): number;
}

export const throughputLimit = (
  writesPerSecond: number,
  now: () => number = () => performance.now() / 1000,
): ThroughputLimit => {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let throttled = 0;
  return {
    tryWrite: (key) => {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: writesPerSecond, at: t };
      bucket.tokens = Math.min(writesPerSecond, bucket.tokens + (t - bucket.at) * writesPerSecond);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) {
        throttled += 1;
        return false;
      }
      bucket.tokens -= 1;
      return true;
    },
    throttled: () => throttled,
  };
};
