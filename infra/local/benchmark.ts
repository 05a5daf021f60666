/**
 * `npm run bench`: every section of infra/local/bench/sections.ts, each in a process of its own
 * (warm-up first, then each figure measured next to its baseline in the same run, interleaved),
 * printed as one table and written as JSON to `.data/bench/bench-<time>.json` and
 * `.data/bench/latest.json`. Quiet: a section's own output (library warnings included) is kept
 * and shown only if the section fails, or with `--verbose`.
 *
 *   npm run bench                          every section, full size
 *   npm run bench -- --quick               fewer rounds (a smoke run; the figures are still real)
 *   npm run bench -- --only warm,orders    some sections (repeatable or comma separated)
 *   npm run bench -- --out <dir>           write the JSON elsewhere
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchFigure } from './bench/bench-figure.js';
import { type BenchFailure, type BenchRun, formatTable, writeBenchRun } from './bench/bench-report.js';
import { BENCH_SECTIONS } from './bench/sections.js';
import { DEFAULT_LOCAL_STATE_DIR, REPO_ROOT } from './repo-paths.js';

const usage = () =>
  [
    'usage: npm run bench -- [--quick] [--only <section>[,<section>…]] [--out <dir>] [--verbose]',
    '',
    'sections:',
    ...BENCH_SECTIONS.map((section) => `  ${section.name.padEnd(14)} ${section.summary}`),
  ].join('\n');

const parse = () => {
  try {
    return parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        only: { type: 'string', multiple: true },
        out: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage()}`);
    process.exit(2);
  }
};

const args = parse();
if (args.help) {
  console.log(usage());
  process.exit(0);
}
const wanted = (args.only ?? []).flatMap((value) => value.split(',')).filter(Boolean);
const unknown = wanted.filter((name) => !BENCH_SECTIONS.some((section) => section.name === name));
if (unknown.length > 0) {
  console.error(`Unknown section ${unknown.join(', ')}.\n\n${usage()}`);
  process.exit(2);
}
const sections = BENCH_SECTIONS.filter((section) => wanted.length === 0 || wanted.includes(section.name));

/** Runs one section in a child process; resolves with its figures, or rejects with its output. */
const runSection = async (name: string, directory: string): Promise<BenchFigure[]> => {
  const out = join(directory, `${name}.json`);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'infra/local/bench/section-process.ts'),
      name,
      args.quick ? 'quick' : 'full',
      out,
    ],
    {
      cwd: REPO_ROOT,
      // Quiet at the source: no SDK Node-version notice, no Powertools logs, metrics or traces
      // (sections that start the local runtime get the same from its quiet environment).
      env: {
        ...process.env,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        POWERTOOLS_LOG_LEVEL: 'SILENT',
        POWERTOOLS_METRICS_DISABLED: 'true',
        POWERTOOLS_TRACE_ENABLED: 'false',
        POWERTOOLS_DEV: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (args.verbose && output.trim() !== '') console.log(output.trimEnd());
  if (code !== 0) throw new Error(`exit code ${code}\n${output.trimEnd()}`);
  return JSON.parse(await readFile(out, 'utf8')) as BenchFigure[];
};

const main = async () => {
  const startedAt = new Date().toISOString();
  const loadAverageBefore = loadavg();
  console.log(
    `storefleet bench${args.quick ? ' (quick)' : ''}: ${sections.map((s) => s.name).join(', ')}` +
      ` — ${cpus().length} CPUs, load average ${loadAverageBefore.map((n) => n.toFixed(2)).join(' ')}`,
  );
  const scratch = await mkdtemp(join(tmpdir(), 'storefleet-bench-'));
  const figures: BenchFigure[] = [];
  const failures: BenchFailure[] = [];
  try {
    for (const section of sections) {
      const started = performance.now();
      process.stdout.write(`  ${section.name} … `);
      try {
        const found = await runSection(section.name, scratch);
        figures.push(...found);
        console.log(`${((performance.now() - started) / 1000).toFixed(0)} s`);
      } catch (error) {
        const message = (error as Error).message;
        failures.push({ section: section.name, error: message.split('\n')[0] ?? message });
        console.log(`failed\n${message}`);
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const run: BenchRun = {
    startedAt,
    finishedAt: new Date().toISOString(),
    quick: args.quick,
    sections: sections.map((section) => section.name),
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      loadAverageBefore,
      loadAverageAfter: loadavg(),
    },
    figures,
    failures,
  };
  console.log(`\n${formatTable(figures, failures)}`);
  const paths = await writeBenchRun(run, args.out ?? join(DEFAULT_LOCAL_STATE_DIR, 'bench'));
  console.log(`load average after: ${run.machine.loadAverageAfter.map((n) => n.toFixed(2)).join(' ')}`);
  console.log(`written: ${paths.join(', ')}`);
  if (failures.length > 0) process.exitCode = 1;
};

await main();
