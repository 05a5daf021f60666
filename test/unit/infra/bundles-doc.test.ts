import { describe, expect, it } from 'vitest';
import type { BenchFigure } from '../../../infra/local/bench/bench-figure.js';
import {
  BUNDLES_END,
  BUNDLES_START,
  functionStandings,
  renderBundlesBlock,
  withBundlesBlock,
} from '../../../infra/local/bench/bundles-doc.js';
import { benchRunOf } from '../../support/bench-run.js';

const bytes = (name: string, value: number, baseline: number): BenchFigure => ({
  section: 'bundles',
  name,
  unit: 'KiB',
  value,
  baseline,
  baselineName: 'bare DynamoDB',
  ratio: Number((value / baseline).toFixed(3)),
});
const cold = (name: string, value: number, baseline: number, rounds = 5): BenchFigure => ({
  section: 'cold-import',
  name,
  unit: 'ms CPU',
  value,
  baseline,
  baselineName: 'bare DynamoDB',
  ratio: Number((value / baseline).toFixed(2)),
  target: `≤ 1.1× bare (median of ${rounds} paired rounds)`,
});

const run = benchRunOf({
  startedAt: '2026-12-01T22:00:00.000Z',
  finishedAt: '2026-12-01T22:30:00.000Z',
  quick: false,
  sections: ['bundles'],
  machine: { loadAverageBefore: [1.5, 1, 1], loadAverageAfter: [2.25, 2, 2] },
  figures: [
    bytes('createOrder', 330, 334),
    bytes('runUploadedImport', 560, 458),
    bytes('getStore', 280, 334),
    cold('createOrder', 46, 44),
    cold('runUploadedImport', 70, 57, 15),
    cold('getStore', 40, 44),
    // Not a function: the source-maps figure has no bytes row and is left out.
    cold('createOrder with --enable-source-maps', 50, 46),
    { section: 'orders', name: 'POST /orders', unit: 'orders/s', value: 40, baseline: 50, ratio: 0.8 },
  ],
});

describe('the bundles table of docs/performance.md, rendered from a bench run', () => {
  it('joins each function’s bytes and cold import, smallest ratio first', () => {
    const rows = functionStandings(run.figures);
    expect(rows.map((row) => row.name)).toEqual(['getStore', 'createOrder', 'runUploadedImport']);
    expect(rows[1]).toMatchObject({
      kib: 330,
      bareKib: 334,
      coldMs: 46,
      bareColdMs: 44,
      baseline: 'DynamoDB',
    });
  });

  it('states the counts, the median and what is over each target', () => {
    const block = renderBundlesBlock(run);
    expect(block.startsWith(BUNDLES_START)).toBe(true);
    expect(block.endsWith(BUNDLES_END)).toBe(true);
    expect(block).toContain('1 December 2026');
    expect(block).toContain('load average 1.5 at the start and 2.3 at the end');
    expect(block).toContain(
      'median CPU-time ratio of 5 paired rounds (15 for the 1 function whose first 5 put it over 1.1×, measured again) of each function',
    );
    expect(block).toContain('2 of 3 functions are at or below their baseline; the median ratio is 0.988×');
    expect(block).toContain('Over 1.0×: `runUploadedImport` 1.22×');
    expect(block).toContain('2 of 3 functions are at or below 1.1×');
    expect(block).toContain('Over 1.1×: `runUploadedImport` 1.23×');
    expect(block).toContain('| createOrder | 330.0 | 334.0 | 0.988× | DynamoDB | 46.0 | 44.0 | 1.05× |');
    expect(block).not.toContain('enable-source-maps');
  });

  it('replaces only the block between the markers, and refuses a doc without them', () => {
    const doc = `# Perf\n\nbefore\n${BUNDLES_START}\nold table\n${BUNDLES_END}\n\nafter\n`;
    const written = withBundlesBlock(doc, run);
    expect(written.startsWith('# Perf\n\nbefore\n')).toBe(true);
    expect(written.endsWith('\n\nafter\n')).toBe(true);
    expect(written).not.toContain('old table');
    expect(withBundlesBlock(written, run)).toBe(written);
    expect(() => withBundlesBlock('# Perf\n', run)).toThrow(/no <!-- measured: bundles-table -->/);
    expect(() => renderBundlesBlock({ ...run, figures: [] })).toThrow(/no bundles figures/);
  });
});
