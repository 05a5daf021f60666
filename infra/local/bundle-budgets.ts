/**
 * Each function's bundle budget: its bytes at most this multiple of its bare baseline's
 * (infra/local/bundle-build.ts), checked by test/infra/bundle-size.test.ts. The target is 1.0
 * for every function (issue 10). With zod/mini on the request path (about 30 KiB of zod core
 * where classic zod put 95 KiB), the functions listed here are still above it by their own
 * weight: the order flows (lib/orders, lib/promotions, lib/db), the lake and report writers
 * (hyparquet), the importer (libphonenumber-js, csv-parse), routeNotFound (every route
 * contract, to tell 404 from 405), and openApi (zod-openapi and zod's JSON Schema code, which
 * build the document at cold start); docs/performance.md, "Bundles and cold starts". Their
 * budget is today's measured ratio, rounded up to the next hundredth, so that no change makes
 * a bundle larger unnoticed. Lower a budget whenever a bundle shrinks; remove the entry when
 * it reaches 1.0.
 */
import type { FunctionName } from '../app-definition.js';

export const BUNDLE_RATIO_TARGET = 1;

const OVER_TARGET_TODAY: Partial<Record<FunctionName, number>> = {
  compactChanges: 1.08,
  createImport: 1.04,
  createOrder: 1.04,
  getImport: 1.01,
  runUploadedImport: 1.42,
  writeReportFiles: 1.08,
};

/** The ratio to the bare baseline that `name`'s bundle may not exceed. */
export const functionBundleBudget = (name: string): number =>
  OVER_TARGET_TODAY[name as FunctionName] ?? BUNDLE_RATIO_TARGET;
