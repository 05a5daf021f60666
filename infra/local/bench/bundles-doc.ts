/**
 * docs/performance.md, "Where the functions stand": every function's bundle bytes and cold
 * import against its bare baseline, rendered from a `npm run bench` run (its `bundles` and
 * `cold-import` figures), so the table in the doc is the benchmark's own output and not copied
 * by hand. Written by `npm run bench:docs` (infra/local/bench/write-bundles-doc.ts).
 */
import type { BenchFigure } from './bench-figure.js';
import type { BenchRun } from './bench-report.js';
import { COLD_IMPORT_TARGET } from './bundles-bench.js';
import { median } from './cold-import.js';

export const BUNDLES_START = '<!-- measured: bundles-table -->';
export const BUNDLES_END = '<!-- /measured: bundles-table -->';

export interface FunctionStanding {
  name: string;
  kib: number;
  bareKib: number;
  bytesRatio: number;
  baseline: string;
  coldMs?: number;
  bareColdMs?: number;
  coldRatio?: number;
}

/** One row per function that has a `bundles` figure, joined with its `cold-import` figure. */
export const functionStandings = (figures: readonly BenchFigure[]): FunctionStanding[] => {
  const cold = new Map(
    figures.filter((figure) => figure.section === 'cold-import').map((figure) => [figure.name, figure]),
  );
  return figures
    .filter((figure) => figure.section === 'bundles')
    .map((figure) => {
      const coldFigure = cold.get(figure.name);
      return {
        name: figure.name,
        kib: figure.value,
        bareKib: figure.baseline ?? Number.NaN,
        bytesRatio: figure.ratio ?? Number.NaN,
        baseline: (figure.baselineName ?? '').replace(/^bare /, ''),
        coldMs: coldFigure?.value,
        bareColdMs: coldFigure?.baseline,
        coldRatio: coldFigure?.ratio,
      };
    })
    .sort((a, b) => a.bytesRatio - b.bytesRatio || a.name.localeCompare(b.name));
};

const times = (ratio: number | undefined, digits = 2): string =>
  ratio === undefined ? '–' : `${ratio.toFixed(digits)}×`;
const list = (
  rows: readonly FunctionStanding[],
  pick: (row: FunctionStanding) => number | undefined,
): string => rows.map((row) => `\`${row.name}\` ${times(pick(row))}`).join(', ');

const day = (iso: string): string =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The block between the markers, from a bench run that measured the bundles section. */
export const renderBundlesBlock = (run: BenchRun): string => {
  const rows = functionStandings(run.figures);
  if (rows.length === 0)
    throw new Error('the bench run has no bundles figures: run `npm run bench -- --only bundles`');
  const overBytes = rows.filter((row) => row.bytesRatio > 1).sort((a, b) => b.bytesRatio - a.bytesRatio);
  const colds = rows.filter((row) => row.coldRatio !== undefined);
  const overCold = colds
    .filter((row) => (row.coldRatio as number) > COLD_IMPORT_TARGET)
    .sort((a, b) => (b.coldRatio as number) - (a.coldRatio as number));
  const coldRatios = colds.map((row) => row.coldRatio as number);
  const roundsOf = (figure: BenchFigure) =>
    Number(/median of (\d+) paired rounds/.exec(figure.target ?? '')?.[1]);
  const coldFigures = run.figures.filter(
    (figure) => figure.section === 'cold-import' && roundsOf(figure) > 0,
  );
  const rounds = Math.min(...coldFigures.map(roundsOf));
  const remeasured = coldFigures.filter((figure) => roundsOf(figure) > rounds).length;
  const roundsText = `${rounds} paired rounds${remeasured > 0 ? ` (${rounds * 3} for the ${remeasured} function${remeasured === 1 ? '' : 's'} whose first ${rounds} put ${remeasured === 1 ? 'it' : 'them'} over ${COLD_IMPORT_TARGET}×, measured again)` : ''}`;
  const [loadBefore] = run.machine.loadAverageBefore;
  const [loadAfter] = run.machine.loadAverageAfter;
  const lines = [
    BUNDLES_START,
    `Measured by \`npm run bench\` on ${day(run.startedAt)} (${run.machine.cpus} CPUs, Node ${run.machine.node}, load average ${loadBefore?.toFixed(1)} at the start and ${loadAfter?.toFixed(1)} at the end) and written here by \`npm run bench:docs\`. Bytes are exact; cold import is the median CPU-time ratio of ${roundsText} of each function against the same run's bare handler of the same SDK clients.`,
    '',
    `- **Bytes:** ${rows.length - overBytes.length} of ${rows.length} functions are at or below their baseline; the median ratio is ${times(median(rows.map((row) => row.bytesRatio)), 3)}.${overBytes.length > 0 ? ` Over 1.0×: ${list(overBytes, (row) => row.bytesRatio)}.` : ''}`,
    `- **Cold import:** ${colds.length - overCold.length} of ${colds.length} functions are at or below ${COLD_IMPORT_TARGET}×, with a median of ${times(median(coldRatios))} and a range of ${times(Math.min(...coldRatios))} to ${times(Math.max(...coldRatios))}.${overCold.length > 0 ? ` Over ${COLD_IMPORT_TARGET}×: ${list(overCold, (row) => row.coldRatio)}.` : ''}`,
    '',
    '| function | bundle KiB | bare KiB | bytes ratio | baseline | cold import CPU ms | bare CPU ms | cold ratio |',
    '|---|---:|---:|---:|---|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.kib.toFixed(1)} | ${row.bareKib.toFixed(1)} | ${times(row.bytesRatio, 3)} | ${row.baseline} | ${row.coldMs?.toFixed(1) ?? '–'} | ${row.bareColdMs?.toFixed(1) ?? '–'} | ${times(row.coldRatio)} |`,
    ),
    BUNDLES_END,
  ];
  return lines.join('\n');
};

/** `doc` with its bundles block replaced by the one rendered from `run`. */
export const withBundlesBlock = (doc: string, run: BenchRun): string => {
  const start = doc.indexOf(BUNDLES_START);
  const end = doc.indexOf(BUNDLES_END);
  if (start < 0 || end < start)
    throw new Error(`docs/performance.md has no ${BUNDLES_START} … ${BUNDLES_END} block`);
  return `${doc.slice(0, start)}${renderBundlesBlock(run)}${doc.slice(end + BUNDLES_END.length)}`;
};
