/**
 * A seeded pseudo-random source, so that a simulation gives the same figures on every run and
 * machine (Math.random cannot be seeded). mulberry32: a well-known 32-bit generator, plenty for
 * simulation and a few lines, not worth a dependency.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Exponential with the given rate (events per unit of time): the gap of a Poisson process. */
  exponential(rate: number): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
}

export const seededRandom = (seed: number): SeededRandom => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    exponential: (rate) => -Math.log(1 - next()) / rate,
    between: (min, max) => min + (max - min) * next(),
  };
};

/** How many times a step with an expected `count` (e.g. 1.3) happens once: 1, plus 1 with p = 0.3. */
export const occurrences = (count: number, random: SeededRandom): number => {
  const whole = Math.floor(count);
  return whole + (random.next() < count - whole ? 1 : 0);
};
