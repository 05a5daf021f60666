import type { LineIssue, LineOutcome } from './import-report.js';

/**
 * What one import writes in one transaction (a product with its variant rows, a customer, a
 * level): it is written whole or not at all, so its lines share one fate.
 */
export interface Unit {
  /** Issues by line; any issue refuses the whole unit. */
  issues: Map<number, LineIssue[]>;
  /** Why nothing needed writing (imported by an earlier run). */
  skipped?: string;
  written?: boolean;
}

export const unitOutcomes = (unit: Unit, lines: readonly number[], id: string | undefined): LineOutcome[] => {
  const withId = id === undefined ? {} : { id };
  if (unit.issues.size > 0) {
    const faulty = [...unit.issues.keys()];
    return lines.map((line) => ({
      line,
      status: 'rejected',
      ...withId,
      issues: unit.issues.get(line) ?? [
        { column: '', reason: `Not imported: line ${faulty.join(', ')} of the same item is rejected.` },
      ],
    }));
  }
  if (unit.skipped) {
    const reason = unit.skipped;
    return lines.map((line) => ({ line, status: 'skipped', ...withId, issues: [{ column: '', reason }] }));
  }
  return lines.map((line) => ({ line, status: unit.written ? 'imported' : 'valid', ...withId, issues: [] }));
};
