/**
 * Timing helpers of `npm run bench`: a measurement and its baseline sampled in alternating
 * order (ABBA), so that drift on a shared machine (another process waking up, the JIT, GC)
 * falls on both alike and their ratio stays meaningful even when the absolute times do not.
 */

/** The p-th percentile (0–100) of ascending `sorted`, nearest rank; 0 for no samples. */
export const percentile = (sorted: readonly number[], p: number): number => {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? 0;
};

export interface Distribution {
  samples: number;
  p50: number;
  p95: number;
  mean: number;
}

export const distribution = (values: readonly number[]): Distribution => {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: sorted.length === 0 ? 0 : sum / sorted.length,
  };
};

/**
 * Runs `rounds` rounds; each round times one call of every sampler, in ABBA order (reversed on
 * odd rounds), and returns each sampler's durations in milliseconds, index i from round i —
 * so `paired` differences compare calls made side by side.
 */
export const interleave = async <K extends string>(
  rounds: number,
  samplers: Record<K, () => Promise<unknown>>,
): Promise<Record<K, number[]>> => {
  const names = Object.keys(samplers) as K[];
  const durations = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const started = performance.now();
      await samplers[name]();
      durations[name].push(performance.now() - started);
    }
  }
  return durations;
};

/** `a[i] - b[i]` for each round: the per-round difference of two interleaved series. */
export const paired = (a: readonly number[], b: readonly number[]): number[] =>
  a.slice(0, b.length).map((value, index) => value - (b[index] ?? 0));

/** Runs `work` `count` times with `concurrency` in flight; resolves when all are done. */
export const runConcurrently = async (
  count: number,
  concurrency: number,
  work: (index: number) => Promise<unknown>,
): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
};
