/**
 * One figure of `npm run bench`: a measurement next to its baseline from the same run, so
 * that figures compare across machines and over time as ratios, never as absolute timings.
 * Every section of the benchmark returns these; the runner prints them as one table and
 * writes them as JSON.
 */
export interface BenchFigure {
  /** The part of the benchmark: 'bundles', 'cold-import', 'warm', 'orders', 'capacity', … */
  section: string;
  /** What was measured, e.g. a function name or an operation. */
  name: string;
  /** Unit of `value` and `baseline`: 'KiB', 'ms', 'orders/s', 'WCU', … */
  unit: string;
  value: number;
  /** The same quantity for the baseline, measured in the same run (interleaved where timed). */
  baseline?: number;
  /** What the baseline is, e.g. 'bare DynamoDB handler'. */
  baselineName?: string;
  /** `value / baseline` (or the section's own comparison, explained in `target`). */
  ratio?: number;
  /** The target in words, e.g. '≤ 1.0× bare' or '≤ budget 12 WCU'. */
  target?: string;
  /** Whether the target is met; undefined when the figure has no target. */
  pass?: boolean;
  /** Anything else worth printing (p95, CPU per order, …). */
  detail?: string;
}

export interface BenchSectionOptions {
  /** Fewer rounds and requests (for a smoke run in a test); figures still real. */
  quick: boolean;
}

/** A section of the benchmark: runs its measurements and returns their figures. */
export type BenchSection = (options: BenchSectionOptions) => Promise<BenchFigure[]>;
