import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { functionBuildOptions } from '../../infra/bundling.js';
import { REPO_ROOT } from '../../infra/local/repo-paths.js';

type Handler = (id: string) => Promise<Record<string, unknown> | undefined>;

// The bundle as Lambda runs it (shipped esbuild options, credential alias included), against DynamoDB Local.
describe('a function bundle talks to DynamoDB with the Lambda-environment credentials', () => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'storefleet-bundled-client-'));
  let handler: Handler;
  let inputs: string[];

  beforeAll(async () => {
    const built = await build({
      ...functionBuildOptions(),
      entryPoints: { entry: path.join(REPO_ROOT, 'test/support/bundled-client-entry.ts') },
      outdir,
      outExtension: { '.js': '.mjs' },
      metafile: true,
      logLevel: 'error',
    });
    inputs = Object.keys(built.metafile.inputs);
    ({ handler } = (await import(pathToFileURL(path.join(outdir, 'entry.mjs')).href)) as {
      handler: Handler;
    });
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(outdir, { recursive: true, force: true });
  });

  it('bundles the environment provider instead of the default chain', () => {
    expect(inputs).toContain('lib/runtime/lambda-credentials.ts');
    expect(inputs.some((input) => input.includes('credential-provider-node'))).toBe(false);
  });

  it('signs with the environment credentials and round-trips an item', async () => {
    // The key the test table was created with (DynamoDB Local keeps a database per access key).
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
    await expect(handler('round-trip')).resolves.toEqual({
      pk: 'TEST#round-trip',
      sk: 'A',
      id: 'round-trip',
    });
  });

  it('fails with the provider’s own message when the environment has no credentials', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    await expect(handler('no-credentials')).rejects.toThrow(
      /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set/,
    );
  });
});
