import type { FunctionDefinition } from '../../app-definition-types.js';
import { tableAccessOf } from '../../bindings.js';

/**
 * Warm duration of one invocation on Lambda (arm64, 512 MB), ms, by what the function does:
 * the assumption the simulations start from where the benchmark has no measurement of its own
 * (`npm run bench` measures getStore and createOrder in-process; those figures replace these
 * when given). Round figures from the shape of the work: one or two DynamoDB round trips of
 * ~5–10 ms each plus the HTTP chain for a read, a transaction for a write, a batch for a stream.
 */
export const ASSUMED_DURATION_MS = {
  httpRead: 25,
  httpWrite: 60,
  stream: 150,
  event: 60,
  schedule: 1500,
  objectCreated: 20_000,
} as const;

/** Functions whose work is far from their kind's typical figure (their own documented runs). */
export const DURATION_OVERRIDES_MS: Readonly<Record<string, number>> = {
  createOrder: 90,
  compactChanges: 60_000,
  writeReportFiles: 10_000,
  exportChanges: 2_000,
  health: 5,
  openApi: 10,
};

export const assumedDurationMs = (name: string, fn: FunctionDefinition): number => {
  const override = DURATION_OVERRIDES_MS[name];
  if (override !== undefined) return override;
  const kind = fn.triggers[0]?.kind ?? 'http';
  if (kind === 'http')
    return tableAccessOf(fn) === 'read-write' ? ASSUMED_DURATION_MS.httpWrite : ASSUMED_DURATION_MS.httpRead;
  return ASSUMED_DURATION_MS[kind];
};
