import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchRun } from '../../infra/local/bench/bench-report.js';
import { BENCH_DYNAMODB_ENDPOINT_ENV } from '../../infra/local/bench/bench-runtime.js';
import { REPO_ROOT } from '../../infra/local/repo-paths.js';

/**
 * `npm run bench -- --quick --only warm` end to end: the runner starts the section in a process
 * of its own (on this worker's DynamoDB Local, a table of its own with the demo data), prints
 * the table quietly and writes the JSON. Figures are real but never judged here: timing has no place in a test.
 */
describe('npm run bench (smoke)', () => {
  const scratch = mkdtemp(join(tmpdir(), 'storefleet-bench-smoke-'));
  afterAll(async () => rm(await scratch, { recursive: true, force: true }));

  it('runs the warm section and writes its figures as JSON', { timeout: 240_000 }, async () => {
    const directory = await scratch;
    const out = join(directory, 'out');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      STOREFLEET_STATE_DIR: join(directory, 'state'),
      STOREFLEET_KEYS_DIR: join(directory, 'keys'),
    };
    // This file's table is not the bench's; the DynamoDB Local is shared (a JVM costs seconds).
    env[BENCH_DYNAMODB_ENDPOINT_ENV] = process.env.DYNAMODB_ENDPOINT;
    delete env.DYNAMODB_ENDPOINT;
    delete env.TABLE_NAME;
    const child = spawn(
      'npm',
      ['run', '--silent', 'bench', '--', '--quick', '--only', 'warm', '--out', out],
      {
        cwd: REPO_ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });

    const files = (await readdir(out)).sort();
    expect(files).toHaveLength(2);
    expect(files).toContain('latest.json');
    const run = JSON.parse(await readFile(join(out, 'latest.json'), 'utf8')) as BenchRun;
    expect(JSON.parse(await readFile(join(out, files[0] as string), 'utf8'))).toEqual(run);
    expect(run).toMatchObject({ quick: true, sections: ['warm'], failures: [] });
    expect(run.machine.loadAverageBefore).toHaveLength(3);
    expect(run.figures.map((figure) => figure.name)).toEqual([
      'GET /stores/{id} p50',
      'GET /stores/{id} p95',
      'GET /stores/{id} overhead p50',
      'GET /stores/{id} overhead p95',
      'GET /stores/{id} CPU per call',
    ]);
    for (const figure of run.figures) {
      expect(figure.section).toBe('warm');
      expect(Number.isFinite(figure.value)).toBe(true);
    }
    for (const figure of run.figures.filter((f) => f.baseline !== undefined))
      expect(figure.baseline).toBeGreaterThan(0);
    // Quiet: the progress line, the table and where it was written; no library warnings.
    expect(stdout).toMatch(/^storefleet bench \(quick\): warm — \d+ CPUs, load average/);
    expect(stdout).toMatch(/^warm\s+GET \/stores\/\{id\} overhead p50/m);
    expect(stdout).not.toMatch(/warn|deprecat/i);
    expect(stdout).toContain(`written: ${join(out, files[0] as string)}`);
  });
});
