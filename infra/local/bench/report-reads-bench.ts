/**
 * Section `report-reads`: a report's read units after few and after many orders of one store
 * and day (report-reads-figures.ts); flat (1.00×) is the design's promise.
 */
import type { BenchSection } from './bench-figure.js';
import { benchRuntime } from './bench-runtime.js';

export const benchReportReads: BenchSection = async ({ quick }) => {
  const runtime = await benchRuntime();
  // Imported only now: lib/ reads the environment the runtime applied.
  const { reportReadFigures } = await import('./report-reads-figures.js');
  const admin = await runtime.signToken({ role: 'admin' });
  return reportReadFigures(runtime.url, admin, quick ? 20 : 100, quick ? 500 : 10_000);
};
