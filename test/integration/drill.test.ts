import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/repo-paths.js';

const run = promisify(execFile);

/**
 * `npm run drill` (a few rounds keep it quick) on this run's DynamoDB Local (`--endpoint`: a JVM
 * of its own would cost seconds of CPU); never throws, gives the exit code.
 */
const drill = async (args: string[]) => {
  try {
    const { stdout, stderr } = await run(
      join(REPO_ROOT, 'node_modules/.bin/tsx'),
      [join(REPO_ROOT, 'infra/local/drill.ts'), '--endpoint', process.env.DYNAMODB_ENDPOINT ?? '', ...args],
      { cwd: REPO_ROOT, env: process.env, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

// Concurrent: each drill waits on DynamoDB Local most of the time.
describe.concurrent('npm run drill', () => {
  it('exports, runs a workload, restores into a new table and every check holds', {
    timeout: 150_000,
  }, async () => {
    const { code, stdout, stderr } = await drill(['--rounds', '4']);
    expect(stderr.trim(), stdout).toBe('');
    expect(code, stdout).toBe(0);
    // Every step ran, with its duration.
    for (let step = 1; step <= 10; step++)
      expect(stdout).toMatch(new RegExp(`\\[${step}/10\\] .+ \\d+\\.\\d s`));
    expect(stdout).toMatch(/export it \(parallel Scan to a file\)\.* +\d+\.\d s {2}\d+ items/);
    // The restored table: its settings, the export's counts per type, and integrity.
    for (const check of [
      'table settings',
      'item counts per entity type match',
      'inventory levels equal the sum of their movements',
      'unique guards point at live owners holding the value',
      'every unique value has its guard',
      'points balances equal the sum of their entries',
      'child items have their parent',
      'the restored table is the export, without the later writes',
    ])
      expect(stdout).toContain(`✓ ${check}`);
    expect(stdout).toMatch(/InventoryMovement +\d+/);
    expect(stdout).not.toContain('✗');
    expect(stdout).toMatch(/drill passed in \d+\.\d s/);
  });

  it('fails, exit 1, when the restore lost an item (--inject-fault)', { timeout: 150_000 }, async () => {
    const { code, stdout, stderr } = await drill(['--rounds', '1', '--inject-fault']);
    expect(code, `${stdout}\n${stderr}`).toBe(1);
    expect(stdout).toMatch(/fault injected: dropped the movement MOVES#\S+ \/ \S+ from the export/);
    expect(stdout).toContain('✗ item counts per entity type match');
    expect(stdout).toMatch(/ {4}InventoryMovement: expected (\d+), found (\d+)/);
    expect(stdout).toMatch(/✗ inventory levels equal the sum of their movements .*: 1 failure\(s\)/);
    expect(stdout).toContain('✗ the restored table is the export, without the later writes');
    expect(stderr).toMatch(
      /drill FAILED in \d+\.\d s: restored drill-restored-\w+: item counts per entity type match/,
    );
  });

  it('refuses a bad option before starting anything', async () => {
    const { code, stderr } = await drill(['--rounds', 'none']);
    expect(code).toBe(2);
    expect(stderr).toContain('--rounds must be a positive whole number');
  });
});
