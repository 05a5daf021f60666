import { existsSync, readFileSync } from 'node:fs';
import type { BenchFigure } from '../../bench/bench-figure.js';

/**
 * Warm durations measured by `npm run bench`, read from its JSON (`.data/bench/latest.json`):
 * a figure in ms whose `name` is a function of the app definition is that function's handler
 * time (the warm section's in-process p50). Functions without such a figure keep the stated
 * assumption (../assumed-durations.ts); docs/cost.md says which is which.
 */
export const durationsFromFigures = (
  figures: readonly BenchFigure[],
  functionNames: ReadonlySet<string>,
): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const figure of figures)
    if (figure.unit === 'ms' && functionNames.has(figure.name) && out[figure.name] === undefined)
      out[figure.name] = figure.value;
  return out;
};

/** The figures of a benchmark JSON file (an array, or `{ figures }`); none if there is no file. */
export const readBenchFigures = (file: string): BenchFigure[] => {
  if (!existsSync(file)) return [];
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const figures = Array.isArray(parsed) ? parsed : (parsed as { figures?: unknown }).figures;
  return Array.isArray(figures) ? (figures as BenchFigure[]) : [];
};
