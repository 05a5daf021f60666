/**
 * Each function's bundle budget: its bytes at most this multiple of its bare baseline's
 * (infra/local/bundle-build.ts), checked by test/infra/bundle-size.test.ts. The target is 1.0
 * for every function (issue 10), and every function is within it today (docs/performance.md,
 * "Bundles and cold starts"). Should a function ever need more, list it here with its
 * measured ratio rounded up to the next hundredth, so that no change makes it larger
 * unnoticed, and lower or remove the entry whenever it shrinks.
 */
import type { FunctionName } from '../app-definition.js';

export const BUNDLE_RATIO_TARGET = 1;

const OVER_TARGET_TODAY: Partial<Record<FunctionName, number>> = {};

/** The ratio to the bare baseline that `name`'s bundle may not exceed. */
export const functionBundleBudget = (name: string): number =>
  OVER_TARGET_TODAY[name as FunctionName] ?? BUNDLE_RATIO_TARGET;
