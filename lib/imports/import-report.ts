import { stringifyCsv } from './csv.js';

/**
 * What happened to one line of an import file:
 * - `imported`: written now;
 * - `skipped`: already in the database from an earlier run of the same data (nothing written);
 * - `rejected`: not written, with one issue per column at fault;
 * - `valid`: a dry run found nothing wrong (nothing written).
 */
export type LineStatus = 'imported' | 'skipped' | 'rejected' | 'valid';

export interface LineIssue {
  /** The column at fault, or empty when the row as a whole is refused. */
  column: string;
  reason: string;
}

export interface LineOutcome {
  line: number;
  status: LineStatus;
  /** The id of what the line became (product, customer, SKU of a level). */
  id?: string;
  /** Rejections: at least one; skips: why. */
  issues: LineIssue[];
}

export interface ImportCounts {
  rows: number;
  imported: number;
  skipped: number;
  rejected: number;
  valid: number;
}

export const REPORT_COLUMNS = ['line', 'status', 'id', 'column', 'reason'] as const;

export const countOutcomes = (outcomes: readonly LineOutcome[]): ImportCounts => {
  const counts: ImportCounts = { rows: outcomes.length, imported: 0, skipped: 0, rejected: 0, valid: 0 };
  for (const outcome of outcomes) counts[outcome.status]++;
  return counts;
};

/**
 * The result report: one CSV line per file line (by line number), or one per issue when a
 * line has several, so a spreadsheet filter on `status` = rejected shows every fix to make.
 */
export const reportCsv = (outcomes: readonly LineOutcome[]): string => {
  const sorted = [...outcomes].sort((a, b) => a.line - b.line);
  const records = sorted.flatMap((outcome) => {
    const base = [String(outcome.line), outcome.status, outcome.id ?? ''];
    if (outcome.issues.length === 0) return [[...base, '', '']];
    return outcome.issues.map((issue) => [...base, issue.column, issue.reason]);
  });
  return stringifyCsv([[...REPORT_COLUMNS], ...records]);
};
