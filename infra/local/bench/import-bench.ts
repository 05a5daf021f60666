/**
 * Section `import`: the product CSV import against a bare BatchWrite of the same items
 * (import-figures.ts), in the bench runtime's table.
 */
import type { BenchSection } from './bench-figure.js';
import { benchRuntime } from './bench-runtime.js';

export const benchImport: BenchSection = async ({ quick }) => {
  await benchRuntime();
  // Imported only now: lib/ reads the environment the runtime applied.
  const { importFigures } = await import('./import-figures.js');
  return importFigures(quick ? 500 : 5000);
};
