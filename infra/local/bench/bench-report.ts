/**
 * The benchmark's output: one table of every section's figures for the terminal, and the same
 * figures as JSON (`.data/bench/bench-<time>.json`, and `latest.json` beside it) so that runs
 * can be compared over time — as ratios, since absolute timings depend on the machine's load.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchFigure } from './bench-figure.js';

export interface BenchMachine {
  node: string;
  platform: string;
  cpus: number;
  /** `os.loadavg()` (1, 5, 15 minutes) when the run started and when it ended. */
  loadAverageBefore: number[];
  loadAverageAfter: number[];
}

export interface BenchFailure {
  section: string;
  error: string;
}

export interface BenchRun {
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  sections: string[];
  machine: BenchMachine;
  figures: BenchFigure[];
  /** Sections that crashed: their figures are missing, which the table says. */
  failures: BenchFailure[];
}

/** A number with as many decimals as its size needs (1234, 123.4, 12.34, 1.234, 0.123). */
export const formatNumber = (value: number): string => {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  const decimals = size >= 1000 || Number.isInteger(value) ? 0 : size >= 100 ? 1 : size >= 10 ? 2 : 3;
  return value.toFixed(decimals);
};

const verdict = (figure: BenchFigure): string =>
  figure.pass === undefined ? '' : figure.pass ? 'met' : 'NOT MET';

const COLUMNS = ['section', 'figure', 'value', 'baseline', 'ratio', 'target', ''] as const;

/** The figures as an aligned text table, one row per figure, then each detail indented below it. */
export const formatTable = (
  figures: readonly BenchFigure[],
  failures: readonly BenchFailure[] = [],
): string => {
  const rows = figures.map((figure) => [
    figure.section,
    figure.name,
    `${formatNumber(figure.value)} ${figure.unit}`,
    figure.baseline === undefined ? '' : `${formatNumber(figure.baseline)} ${figure.unit}`,
    figure.ratio === undefined ? '' : `${figure.ratio.toFixed(2)}×`,
    figure.target ?? '',
    verdict(figure),
  ]);
  const widths = COLUMNS.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column >= 2 && column <= 4 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const out = [line(COLUMNS), line(widths.map((width) => '-'.repeat(width)))];
  figures.forEach((figure, index) => {
    out.push(line(rows[index] ?? []));
    const baseline = figure.baselineName ? `baseline: ${figure.baselineName}` : '';
    const notes = [baseline, figure.detail ?? ''].filter(Boolean).join('; ');
    if (notes) out.push(`${' '.repeat((widths[0] ?? 0) + 2)}  ${notes}`);
  });
  for (const failure of failures)
    out.push(`${failure.section.padEnd(widths[0] ?? 0)}  FAILED: ${failure.error}`);
  const judged = figures.filter((figure) => figure.pass !== undefined);
  out.push('', `targets met: ${judged.filter((figure) => figure.pass).length} of ${judged.length}`);
  return out.join('\n');
};

/** The file name of a run: its start time, with characters that file systems dislike replaced. */
export const runFileName = (startedAt: string): string => `bench-${startedAt.replaceAll(':', '-')}.json`;

/** Writes the run as `<dir>/bench-<time>.json` and `<dir>/latest.json`; returns both paths. */
export const writeBenchRun = async (run: BenchRun, directory: string): Promise<string[]> => {
  await mkdir(directory, { recursive: true });
  const json = `${JSON.stringify(run, null, 2)}\n`;
  const paths = [join(directory, runFileName(run.startedAt)), join(directory, 'latest.json')];
  for (const path of paths) await writeFile(path, json);
  return paths;
};
