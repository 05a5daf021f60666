import { execFile, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type BusEvent,
  type LocalEventBus,
  startLocalEventBus,
} from '../../../infra/local/local-event-bus.js';
import { formatEvent, parseSince } from '../../../infra/local/local-event-bus-format.js';
import { REPO_ROOT } from '../../../infra/local/repo-paths.js';

const event = (overrides: Partial<BusEvent> & { detail?: unknown } = {}): BusEvent => ({
  version: '0',
  id: 'b6f1c1b4-0000-4000-8000-000000000001',
  'detail-type': 'Inventory.LowStock',
  source: 'storefleet.inventory',
  account: '000000000000',
  time: '2026-12-01T10:30:01Z',
  region: 'ap-southeast-2',
  resources: [],
  detail: {
    version: 1,
    eventId: 'e1',
    storeId: 'st_syd_cbd',
    sku: 'BLK-CONT-10',
    available: 4,
    before: { available: 6 },
    reorderPoint: 5,
    actor: 'staff:mia',
  },
  ...overrides,
});

describe('formatEvent', () => {
  it('prints time, detail-type, source, the ids and a short summary on one line', () => {
    expect(formatEvent(event())).toBe(
      '2026-12-01 10:30:01  Inventory.LowStock  storefleet.inventory  storeId=st_syd_cbd sku=BLK-CONT-10  available 6→4, reorder point 5, by staff:mia',
    );
  });

  it('summarizes a status change and names orders', () => {
    const line = formatEvent(
      event({
        'detail-type': 'Order.Paid',
        source: 'storefleet.orders',
        detail: { storeId: 'st_syd_cbd', orderId: 'ord_1', status: 'PAID', before: { status: 'PLACED' } },
      }),
    );
    expect(line).toBe(
      '2026-12-01 10:30:01  Order.Paid  storefleet.orders  storeId=st_syd_cbd orderId=ord_1  PLACED→PAID',
    );
  });

  it('marks replayed events', () => {
    expect(formatEvent({ ...event(), 'replay-name': 'r1' })).toMatch(/\[replay r1\]$/);
  });

  it('copes with a detail that has none of the known fields', () => {
    expect(formatEvent(event({ detail: { other: true } }))).toBe(
      '2026-12-01 10:30:01  Inventory.LowStock  storefleet.inventory',
    );
  });
});

describe('parseSince', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  it('reads durations back from now', () => {
    expect(parseSince('10m', now).toISOString()).toBe('2026-12-01T09:50:00.000Z');
    expect(parseSince('2h', now).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(parseSince('30s', now).toISOString()).toBe('2026-12-01T09:59:30.000Z');
    expect(parseSince('1d', now).toISOString()).toBe('2026-11-30T10:00:00.000Z');
  });
  it('reads ISO times', () => {
    expect(parseSince('2026-12-01T09:00:00Z').toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });
  it('rejects anything else clearly', () => {
    expect(() => parseSince('yesterday')).toThrow(/--since takes an ISO time/);
    expect(() => parseSince('10x')).toThrow(/--since/);
  });
});

describe('npm run events (the CLI as a subprocess)', () => {
  const dirs: string[] = [];
  const buses: LocalEventBus[] = [];
  afterEach(async () => {
    for (const bus of buses.splice(0)) await bus.stop();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const run = (args: string[], stateDir: string) =>
    promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'infra/local/events-cli.ts'), ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, STOREFLEET_STATE_DIR: stateDir },
        timeout: 30_000,
      },
    );

  it('--no-follow prints every archived event, one line each, and exits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'events-cli-'));
    dirs.push(dir);
    const later = event({ time: '2026-12-01T11:00:00Z', detail: { storeId: 'st_par', sku: 'X' } });
    writeFileSync(join(dir, 'events.ndjson'), `${JSON.stringify(event())}\n${JSON.stringify(later)}\n`);
    const { stdout } = await run(['--no-follow'], dir);
    expect(stdout.trimEnd().split('\n')).toEqual([formatEvent(event()), formatEvent(later)]);
    const filtered = await run(['--no-follow', '--since', '2026-12-01T10:45:00Z'], dir);
    expect(filtered.stdout.trimEnd().split('\n')).toEqual([formatEvent(later)]);
  }, 60_000);

  it('follows new lines like tail -f, including a line written in two parts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'events-cli-'));
    dirs.push(dir);
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, `${JSON.stringify(event())}\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'infra/local/events-cli.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, STOREFLEET_STATE_DIR: dir },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    const waitFor = async (lines: number) => {
      const deadline = Date.now() + 20_000;
      while (stdout.split('\n').filter(Boolean).length < lines && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
    };
    try {
      await waitFor(1);
      const next = JSON.stringify(event({ detail: { storeId: 'st_par', orderId: 'ord_9' } }));
      appendFileSync(file, next.slice(0, 20));
      await new Promise((resolve) => setTimeout(resolve, 400));
      appendFileSync(file, `${next.slice(20)}\n`);
      await waitFor(2);
    } finally {
      child.kill('SIGTERM');
    }
    expect(stdout.trimEnd().split('\n')).toEqual([
      formatEvent(event()),
      formatEvent(event({ detail: { storeId: 'st_par', orderId: 'ord_9' } })),
    ]);
  }, 60_000);

  it('--replay --since replays onto the running bus found through runtime.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'events-cli-'));
    dirs.push(dir);
    const delivered: BusEvent[] = [];
    const bus = await startLocalEventBus({
      busName: 'storefleet-test',
      archiveFile: join(dir, 'events.ndjson'),
      rules: [
        {
          name: 'all',
          eventPattern: { source: [{ prefix: 'storefleet.' }] },
          maximumRetryAttempts: 0,
          deliver: async (delivery) => {
            delivered.push(delivery);
          },
          onFailure: async () => {},
        },
      ],
    });
    buses.push(bus);
    await bus.putEvents([
      {
        EventBusName: 'storefleet-test',
        Source: 'storefleet.inventory',
        DetailType: 'Inventory.LowStock',
        Detail: '{}',
      },
    ]);
    await bus.idle();
    writeFileSync(
      join(dir, 'runtime.json'),
      JSON.stringify({ pid: process.pid, eventBusEndpoint: bus.endpoint }),
    );
    const { stdout } = await run(['--replay', '--since', '10m'], dir);
    expect(stdout).toMatch(/^replayed 1 event\(s\) as local-replay-/);
    await bus.idle();
    expect(delivered).toHaveLength(2);
    expect(delivered[1]?.['replay-name']).toMatch(/^local-replay-/);
  }, 60_000);

  it('--replay without a running bus says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'events-cli-'));
    dirs.push(dir);
    await expect(run(['--replay', '--since', '10m'], dir)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/no running local bus/),
    });
  }, 60_000);
});
