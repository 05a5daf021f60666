/**
 * The README's curl examples are part of the product: this runs them, as written, against the
 * README's own start command (`npm start -- --in-memory`, demo data and all) and fails when any
 * request in them stops succeeding. Only the host port changes (a free one), and the signing
 * keys and local state go to a throwaway directory (STOREFLEET_KEYS_DIR, STOREFLEET_STATE_DIR),
 * so `.local/` and `.data/` stay untouched.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/free-port.js';
import { REPO_ROOT } from '../../infra/local/repo-paths.js';
import { readRuntimeRecord } from '../../infra/local/runtime-file.js';

/** The first ```sh block after a README heading. */
const shellBlockAfter = (readme: string, heading: string): string => {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no heading "${heading}"`);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(start));
  if (!block?.[1]) throw new Error(`No sh block after "${heading}"`);
  return block[1];
};

const run = (
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

const exited = (child: ChildProcess): Promise<void> =>
  hasExited(child) ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

const answers = (url: string): Promise<boolean> =>
  fetch(url).then(
    () => true,
    () => false,
  );

/** `group`: like Ctrl-C, to npm and everything it started; otherwise to npm alone, like `kill`. */
const stop = async (child: ChildProcess, signal: NodeJS.Signals, group: boolean): Promise<void> => {
  if (child.pid === undefined || hasExited(child)) return;
  process.kill(group ? -child.pid : child.pid, signal);
  await exited(child);
};

describe('the README walkthrough', () => {
  let server: ChildProcess | undefined;
  let serverOutput = '';
  let keysDir: string;
  let port: number;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    keysDir = await mkdtemp(join(tmpdir(), 'storefleet-readme-keys-'));
    port = await freePort();
    // The keys, cursor secret and runtime record go to the throwaway directory.
    env = { ...process.env, PORT: String(port), STOREFLEET_KEYS_DIR: keysDir, STOREFLEET_STATE_DIR: keysDir };
    // Its own process group, so the test can signal npm and its children together.
    server = spawn('npm', ['start', '--', '--in-memory'], { cwd: REPO_ROOT, env, detached: true });
    server.stdout?.on('data', (chunk) => {
      serverOutput += chunk;
    });
    server.stderr?.on('data', (chunk) => {
      serverOutput += chunk;
    });
    for (let attempt = 0; ; attempt++) {
      if (hasExited(server)) throw new Error(`npm start exited:\n${serverOutput}`);
      const ready = await answers(`http://localhost:${port}/health`);
      if (ready && serverOutput.includes('Ctrl-C')) break;
      if (attempt > 200) throw new Error(`npm start did not come up:\n${serverOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 90_000);

  afterAll(async () => {
    // Only if a test failed before stopping it: never leave a server or Java behind.
    if (server && !hasExited(server)) await stop(server, 'SIGKILL', true);
    await rm(keysDir, { recursive: true, force: true });
  }, 30_000);

  it('runs every example of "Examples" and "A day in a store" against npm start, all succeeding', async () => {
    const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
    const examples = shellBlockAfter(readme, '### Examples')
      .split('\n')
      // A placeholder a reader fills in by hand.
      .filter((line) => !line.includes('<nextCursor'))
      .join('\n');
    const day = shellBlockAfter(readme, '### A day in a store');
    const script = [
      'set -euo pipefail',
      // Each request's status line goes to stderr, so the `| json field` pipelines still read pure JSON.
      `curl() { command curl -sS -w '%{stderr}HTTP %{http_code} %{method} %{url_effective}\\n' "$@"; }`,
      examples,
      day,
    ]
      .join('\n')
      .replaceAll('localhost:3000', `localhost:${port}`);

    const result = await run('bash', ['-c', script], env);
    const requests = [...result.stderr.matchAll(/^HTTP (\d{3}) (\S+) (\S+)$/gm)].map(
      ([, status, method, url]) => ({ status: Number(status), request: `${method} ${url}` }),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(requests.length).toBeGreaterThanOrEqual(35);
    expect(requests.filter(({ status }) => status >= 400)).toEqual([]);
    // The walkthrough's story, checked at its milestones.
    const made = (method: string, path: RegExp) =>
      requests.filter(({ request }) => request.startsWith(`${method} `) && path.test(request));
    expect(made('POST', /\/orders$/).map(({ status }) => status)).toEqual([201, 200]);
    for (const step of [/\/payments$/, /\/fulfil$/, /\/complete$/, /\/refunds$/, /\/stocktakes$/]) {
      expect(made('POST', step), String(step)).toHaveLength(1);
    }
    expect(made('GET', /\/orders\/[^/]+\/receipt$/), 'receipt as JSON and as text').toHaveLength(2);
    for (const step of [/\/transfers\/[^/]+\/receive$/, /\/purchase-orders\/[^/]+\/receive$/]) {
      expect(made('POST', step), String(step)).toHaveLength(1);
    }
  }, 120_000);

  it('stops on a SIGTERM to npm alone, shutting DynamoDB Local down too', async () => {
    if (!server) throw new Error('npm start did not run');
    const dynamoEndpoint = /DynamoDB Local\s+(http:\/\/\S+)/.exec(serverOutput)?.[1];
    expect(dynamoEndpoint, serverOutput).toBeDefined();
    // While it runs, npm run invoke finds its database through the runtime record.
    expect(readRuntimeRecord(keysDir)).toMatchObject({
      dynamoEndpoint,
      inMemory: true,
      url: expect.any(String),
    });
    await stop(server, 'SIGTERM', false);
    // npm forwards the signal; the runtime then closes the gateway and stops Java.
    const endpoints = [`http://localhost:${port}/health`, dynamoEndpoint as string];
    for (let attempt = 0; attempt < 40; attempt++) {
      if (!(await Promise.all(endpoints.map(answers))).some(Boolean)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await Promise.all(endpoints.map(answers))).toEqual([false, false]);
    expect(readRuntimeRecord(keysDir)).toBeUndefined();
  }, 30_000);
});
