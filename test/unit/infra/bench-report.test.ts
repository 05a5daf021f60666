import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchFigure } from '../../../infra/local/bench/bench-figure.js';
import {
  formatNumber,
  formatTable,
  runFileName,
  writeBenchRun,
} from '../../../infra/local/bench/bench-report.js';
import {
  distribution,
  interleave,
  paired,
  percentile,
  runConcurrently,
} from '../../../infra/local/bench/interleave.js';
import { BENCH_SECTIONS, sectionNamed } from '../../../infra/local/bench/sections.js';
import { benchRunOf } from '../../support/bench-run.js';

const figures: BenchFigure[] = [
  {
    section: 'warm',
    name: 'GET /stores/{id} overhead p50',
    unit: 'ms',
    value: 0.2125,
    target: '≤ 0.3 ms over raw',
    pass: true,
    detail: 'function p50 1.5 − raw p50 1.3',
  },
  {
    section: 'orders',
    name: 'POST /orders',
    unit: 'orders/s',
    value: 123.456,
    baseline: 150,
    baselineName: 'bare TransactWriteItems',
    ratio: 0.82304,
    target: '≥ 0.8× bare',
    pass: false,
  },
  { section: 'capacity', name: 'GET /orders/{id}', unit: 'RCU', value: 1, baseline: 1, ratio: 1 },
];

describe('bench report', () => {
  it('formats numbers with as many decimals as their size needs', () => {
    expect([1234.5, 123.45, 12.345, 1.2345, 0.12345, 7].map(formatNumber)).toEqual([
      '1235',
      '123.5',
      '12.35',
      '1.234',
      '0.123',
      '7',
    ]);
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });

  it('prints one row per figure with value, baseline, ratio, target and verdict, and details beneath', () => {
    const table = formatTable(figures).split('\n');
    expect(table[0]).toMatch(/^section\s+figure\s+value\s+baseline\s+ratio\s+target$/);
    const orders = table.find((line) => line.startsWith('orders'));
    expect(orders).toMatch(
      /POST \/orders\s+123\.5 orders\/s\s+150 orders\/s\s+0\.82×\s+≥ 0\.8× bare\s+NOT MET$/,
    );
    expect(table.find((line) => line.startsWith('warm'))).toMatch(/0\.212 ms\s+≤ 0\.3 ms over raw\s+met$/);
    expect(table).toContainEqual(expect.stringMatching(/^\s+baseline: bare TransactWriteItems$/));
    expect(table).toContainEqual(expect.stringMatching(/^\s+function p50 1\.5 − raw p50 1\.3$/));
    // A figure without a target gets no verdict.
    expect(table.find((line) => line.startsWith('capacity'))).toMatch(/1 RCU\s+1 RCU\s+1\.00×$/);
    expect(table.at(-1)).toBe('targets met: 1 of 2');
  });

  it('names a failed section in the table', () => {
    const table = formatTable(figures.slice(0, 1), [{ section: 'orders', error: 'exit code 1' }]);
    expect(table).toMatch(/^orders\s+FAILED: exit code 1$/m);
  });

  it('writes the run as JSON under its start time and as latest.json', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'bench-report-'));
    try {
      const run = benchRunOf({
        sections: ['warm', 'orders'],
        machine: { loadAverageBefore: [1, 2, 3], loadAverageAfter: [2, 2, 3] },
        figures,
      });
      const paths = await writeBenchRun(run, join(directory, 'bench'));
      expect(runFileName(run.startedAt)).toBe('bench-2026-12-01T18-00-00.000Z.json');
      expect((await readdir(join(directory, 'bench'))).sort()).toEqual([
        runFileName(run.startedAt),
        'latest.json',
      ]);
      for (const path of paths) expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(run);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('bench timing helpers', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 100)]).toEqual([50, 95, 100]);
    expect(percentile([], 50)).toBe(0);
    expect(distribution([3, 1, 2])).toEqual({ samples: 3, p50: 2, p95: 3, mean: 2 });
  });

  it('interleaves samplers in ABBA order and pairs their rounds', async () => {
    const calls: string[] = [];
    const times = await interleave(4, {
      a: async () => calls.push('a'),
      b: async () => calls.push('b'),
    });
    expect(calls.join('')).toBe('abbaabba');
    expect(times.a).toHaveLength(4);
    expect(times.b).toHaveLength(4);
    expect(paired([5, 7], [2, 3])).toEqual([3, 4]);
  });

  it('runs work with at most the given number in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await runConcurrently(10, 3, async (index) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      done.push(index);
    });
    expect(most).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('lists every section once, each loadable by name', () => {
    const names = BENCH_SECTIONS.map((section) => section.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['warm', 'orders']));
    expect(sectionNamed('warm')?.summary).toMatch(/GetCommand/);
    expect(sectionNamed('nope')).toBeUndefined();
  });
});
