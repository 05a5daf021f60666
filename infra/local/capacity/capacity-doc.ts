/**
 * The generated part of docs/performance.md, "Capacity units per operation": one table row per
 * operation (measured, budget, minimum, why) and where each operation's units go, between
 * markers, so that `npm run perf:docs` rewrites only that part and the tests can compare it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CapacityCall } from '../../../lib/db/capacity-meter.js';
import { REPO_ROOT } from '../repo-paths.js';
import type { MeasuredOperation } from './measure-operations.js';

export const PERFORMANCE_DOC_PATH = join(REPO_ROOT, 'docs/performance.md');
export const CAPACITY_START = '<!-- capacity-units:start (npm run perf:docs) -->';
export const CAPACITY_END = '<!-- capacity-units:end -->';

/** Units as DynamoDB reports them: whole numbers or halves, printed without trailing zeros. */
const units = (value: number): string => String(Math.round(value * 1000) / 1000);
const pair = (read: number, write: number): string => `${units(read)} / ${units(write)}`;
const cell = (text: string): string => text.replaceAll('|', '\\|');

const callText = ({ command, read, write, indexes, items, failed }: CapacityCall): string => {
  const byIndex = Object.entries(indexes)
    .filter(([, value]) => value > 0)
    .map(([name, value]) => `${name} ${units(value)}`);
  const name = items === undefined ? command : `${command}[${items}]`;
  return `${name} ${units(read + write)}${byIndex.length ? ` (${byIndex.join(', ')})` : ''}${failed ? ` ✗${failed}` : ''}`;
};

type SummaryFields = Pick<
  MeasuredOperation,
  'operation' | 'route' | 'read' | 'write' | 'budget' | 'minimum' | 'why'
>;

/** One operation's row of the summary table. */
export const summaryRow = (m: SummaryFields): string =>
  `| ${cell(m.operation)} | \`${cell(m.route)}\` | ${pair(m.read, m.write)} | ${pair(m.budget.read, m.budget.write)} | ${pair(m.minimum.read, m.minimum.write)} | ${cell(m.why)} |`;

/** The summary table's rows as `doc` has them. */
export const summaryRowsInDoc = (doc: string): string[] =>
  capacityBlock(doc)
    .split('\n')
    .filter((line) => line.startsWith('| ') && line.includes('| `'));

/** Which operations a budget keeps above their minimum, the largest excess of writes first. */
const aboveMinimum = (measured: readonly MeasuredOperation[]): string => {
  const above = measured
    .map((m) => ({ m, read: m.budget.read - m.minimum.read, write: m.budget.write - m.minimum.write }))
    .filter(({ read, write }) => read > 0 || write > 0)
    .sort((a, b) => b.write - a.write || b.read - a.read || a.m.operation.localeCompare(b.m.operation));
  const excess = ({ read, write }: { read: number; write: number }) =>
    [read > 0 ? `${units(read)} RCU` : '', write > 0 ? `${units(write)} WCU` : ''].filter(Boolean).join(', ');
  return [
    `At their minimum: ${measured.length - above.length} of ${measured.length} operations. Above it (budget − minimum):`,
    above.map((entry) => `${entry.m.operation} ${excess(entry)}`).join(' · '),
  ].join(' ');
};

export const renderCapacityTables = (measured: readonly MeasuredOperation[]): string => {
  const summary = measured.map(summaryRow);
  const detail = measured.map(
    (m) => `| ${cell(m.operation)} | ${m.calls.length ? m.calls.map(callText).join(' · ') : '—'} |`,
  );
  return [
    CAPACITY_START,
    '',
    '| operation | route | measured RCU / WCU | budget RCU / WCU | minimum RCU / WCU | why that minimum |',
    '|---|---|---|---|---|---|',
    ...summary,
    '',
    aboveMinimum(measured),
    '',
    'Where the units go, command by command in the order sent (`[n]`: items in the transaction; index units included in the command’s):',
    '',
    '| operation | commands |',
    '|---|---|',
    ...detail,
    '',
    CAPACITY_END,
  ].join('\n');
};

/** The generated block of `doc` (markers included). */
export const capacityBlock = (doc: string): string => {
  const start = doc.indexOf(CAPACITY_START);
  const end = doc.indexOf(CAPACITY_END);
  if (start < 0 || end < start)
    throw new Error(`docs/performance.md has no ${CAPACITY_START} … ${CAPACITY_END} block`);
  return doc.slice(start, end + CAPACITY_END.length);
};

export const withCapacityTables = (doc: string, measured: readonly MeasuredOperation[]): string =>
  doc.replace(capacityBlock(doc), renderCapacityTables(measured));

export const readPerformanceDoc = (): string => readFileSync(PERFORMANCE_DOC_PATH, 'utf8');

/**
 * The measured figures as the doc states them (operation, route, units and commands), read back
 * from its tables: the unit test re-renders them with the declared budgets to find a stale row.
 */
export const measuredInDoc = (
  doc: string,
): Pick<MeasuredOperation, 'operation' | 'route' | 'read' | 'write'>[] =>
  summaryRowsInDoc(doc).map((line) => {
    const [operation = '', route = '', measured = ''] = line
      .slice(2, -2)
      .split(/(?<!\\) \| /)
      .map((text) => text.replaceAll('\\|', '|'));
    const [read = 'NaN', write = 'NaN'] = measured.split(' / ');
    return { operation, route: route.replaceAll('`', ''), read: Number(read), write: Number(write) };
  });
