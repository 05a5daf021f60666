import type { BenchRun } from '../../infra/local/bench/bench-report.js';

/** A bench run of two CPUs on Node 20, quiet machine: each test gives what it asserts on. */
export const benchRunOf = (
  run: Pick<BenchRun, 'figures'> &
    Partial<Omit<BenchRun, 'machine'>> & { machine?: Partial<BenchRun['machine']> },
): BenchRun => ({
  startedAt: '2026-12-01T18:00:00.000Z',
  finishedAt: '2026-12-01T18:05:00.000Z',
  quick: true,
  sections: ['warm'],
  failures: [],
  ...run,
  machine: {
    node: 'v20.20.2',
    platform: 'linux-x64',
    cpus: 2,
    loadAverageBefore: [1, 1, 1],
    loadAverageAfter: [1, 1, 1],
    ...run.machine,
  },
});
