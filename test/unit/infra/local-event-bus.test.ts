import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type BusEvent,
  type LocalEventBus,
  type LocalRule,
  startLocalEventBus,
} from '../../../infra/local/local-event-bus.js';

const BUS = 'storefleet-test';
const dirs: string[] = [];
const buses: LocalEventBus[] = [];

afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const recordingRule = (name: string, eventPattern: Record<string, unknown>, failTimes = 0) => {
  const delivered: BusEvent[] = [];
  const failed: { event: BusEvent; error: unknown }[] = [];
  let attempts = 0;
  const rule: LocalRule = {
    name,
    eventPattern,
    maximumRetryAttempts: 2,
    deliver: async (event) => {
      attempts++;
      if (attempts <= failTimes) throw new Error(`boom ${attempts}`);
      delivered.push(event);
    },
    onFailure: async (event, error) => {
      failed.push({ event, error });
    },
  };
  return { rule, delivered, failed, attempts: () => attempts };
};

const start = async (rules: LocalRule[]) => {
  const dir = mkdtempSync(join(tmpdir(), 'event-bus-'));
  dirs.push(dir);
  const archiveFile = join(dir, 'events.ndjson');
  const bus = await startLocalEventBus({ busName: BUS, archiveFile, rules, retryBaseDelayMs: 5 });
  buses.push(bus);
  const client = new EventBridgeClient({
    endpoint: bus.endpoint,
    region: 'ap-southeast-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const archive = () =>
    readFileSync(archiveFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as BusEvent);
  return { bus, client, archive, archiveFile };
};

const lowStock = (storeId: string, extra: Record<string, unknown> = {}) => ({
  EventBusName: BUS,
  Source: 'storefleet.inventory',
  DetailType: 'Inventory.LowStock',
  Detail: JSON.stringify({
    version: 1,
    eventId: `e-${storeId}`,
    storeId,
    sku: 'BLK-CONT-10',
    available: 2,
    ...extra,
  }),
});

describe('local event bus over the real EventBridge SDK client', () => {
  it('accepts valid entries and answers per entry for the invalid ones (partial failure)', async () => {
    const { client, archive } = await start([]);
    const result = await client.send(
      new PutEventsCommand({
        Entries: [
          lowStock('st_syd'),
          { EventBusName: BUS, DetailType: 'Inventory.LowStock', Detail: '{}' },
          { EventBusName: BUS, Source: 'storefleet.inventory', Detail: '{}' },
          { EventBusName: BUS, Source: 'storefleet.inventory', DetailType: 'X', Detail: '{not json' },
          { EventBusName: BUS, Source: 'storefleet.inventory', DetailType: 'X', Detail: '[1,2]' },
          { ...lowStock('st_par'), EventBusName: 'other-bus' },
          { ...lowStock('st_par'), EventBusName: undefined },
          {
            ...lowStock('st_arn'),
            EventBusName: `arn:aws:events:ap-southeast-2:000000000000:event-bus/${BUS}`,
          },
        ],
      }),
    );
    expect(result.FailedEntryCount).toBe(6);
    const entries = result.Entries ?? [];
    expect(entries[0]?.EventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries[1]).toMatchObject({
      ErrorCode: 'InvalidArgument',
      ErrorMessage: expect.stringMatching(/Source/),
    });
    expect(entries[2]).toMatchObject({
      ErrorCode: 'InvalidArgument',
      ErrorMessage: expect.stringMatching(/DetailType/),
    });
    expect(entries[3]).toMatchObject({ ErrorCode: 'MalformedDetail' });
    expect(entries[4]).toMatchObject({ ErrorCode: 'MalformedDetail' });
    expect(entries[5]).toMatchObject({ ErrorCode: 'ResourceNotFoundException' });
    expect(entries[6]).toMatchObject({ ErrorCode: 'ResourceNotFoundException' });
    expect(entries[7]?.EventId).toBeDefined();
    expect(archive().map((event) => event.id)).toEqual([entries[0]?.EventId, entries[7]?.EventId]);
  });

  it('rejects more than 10 entries, and more than 256 KB, as a whole (ValidationException), archiving nothing', async () => {
    const { client, archiveFile } = await start([]);
    const eleven = Array.from({ length: 11 }, (_, i) => lowStock(`st_${i}`));
    await expect(client.send(new PutEventsCommand({ Entries: eleven }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    const big = (n: number) => lowStock(`st_${n}`, { padding: 'x'.repeat(90 * 1024) });
    await expect(
      client.send(new PutEventsCommand({ Entries: [big(1), big(2), big(3)] })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/over the limit/),
    });
    expect(() => readFileSync(archiveFile)).toThrow();
  });

  it('builds each event as EventBridge delivers it and archives it as one JSON line', async () => {
    const { bus, client, archive } = await start([]);
    const time = new Date('2026-12-01T10:00:00.500Z');
    await client.send(
      new PutEventsCommand({ Entries: [{ ...lowStock('st_syd'), Time: time, Resources: ['r1'] }] }),
    );
    const [event] = archive();
    expect(event).toEqual({
      version: '0',
      id: expect.any(String),
      'detail-type': 'Inventory.LowStock',
      source: 'storefleet.inventory',
      account: '000000000000',
      time: '2026-12-01T10:00:00Z',
      region: 'ap-southeast-2',
      resources: ['r1'],
      detail: { version: 1, eventId: 'e-st_syd', storeId: 'st_syd', sku: 'BLK-CONT-10', available: 2 },
    });
    await bus.putEvents([lowStock('st_par')]);
    expect(archive()).toHaveLength(2);
  });

  it('delivers to the rules whose pattern matches, without blocking PutEvents', async () => {
    const low = recordingRule('lowStock', {
      source: ['storefleet.inventory'],
      'detail-type': ['Inventory.LowStock'],
    });
    const syd = recordingRule('sydneyOnly', { detail: { storeId: [{ prefix: 'st_syd' }] } });
    const orders = recordingRule('orders', { source: ['storefleet.orders'] });
    const slow: LocalRule = {
      ...recordingRule('slow', { source: ['storefleet.inventory'] }).rule,
      deliver: () => new Promise((resolve) => setTimeout(resolve, 300)),
    };
    const { bus, client } = await start([low.rule, syd.rule, orders.rule, slow]);
    const started = Date.now();
    await client.send(new PutEventsCommand({ Entries: [lowStock('st_syd_cbd'), lowStock('st_par')] }));
    expect(Date.now() - started).toBeLessThan(250);
    await bus.idle();
    expect(low.delivered.map((event) => (event.detail as { storeId: string }).storeId)).toEqual([
      'st_syd_cbd',
      'st_par',
    ]);
    expect(syd.delivered).toHaveLength(1);
    expect(orders.delivered).toHaveLength(0);
  });

  it('retries a failing delivery with backoff, then succeeds', async () => {
    const flaky = recordingRule('flaky', { source: ['storefleet.inventory'] }, 2);
    const { bus } = await start([flaky.rule]);
    await bus.putEvents([lowStock('st_syd')]);
    await bus.idle();
    expect(flaky.attempts()).toBe(3);
    expect(flaky.delivered).toHaveLength(1);
    expect(flaky.failed).toHaveLength(0);
  });

  it('gives up after maximumRetryAttempts and hands the event to onFailure (the DLQ)', async () => {
    const broken = recordingRule('broken', { source: ['storefleet.inventory'] }, 99);
    const { bus } = await start([broken.rule]);
    const { Entries } = await bus.putEvents([lowStock('st_syd')]);
    await bus.idle();
    expect(broken.attempts()).toBe(3);
    expect(broken.failed).toHaveLength(1);
    expect(broken.failed[0]?.event.id).toBe((Entries[0] as { EventId: string }).EventId);
    expect(String(broken.failed[0]?.error)).toMatch(/boom 3/);
  });

  it('refuses to start with a rule whose pattern PutRule would reject', async () => {
    const bad = recordingRule('bad', { source: 'storefleet.inventory' });
    await expect(start([bad.rule])).rejects.toThrow(/Event pattern is not valid/);
  });

  it('replays archived events since a time onto the rules, marked with replay-name, without archiving them again', async () => {
    const low = recordingRule('lowStock', { 'detail-type': ['Inventory.LowStock'] });
    const { bus, archive } = await start([low.rule]);
    await bus.putEvents([{ ...lowStock('st_old'), Time: new Date('2026-01-01T00:00:00Z') }]);
    await bus.putEvents([{ ...lowStock('st_new'), Time: new Date('2026-06-01T00:00:00Z') }]);
    await bus.idle();
    expect(low.delivered).toHaveLength(2);

    const replayed = await bus.replay(new Date('2026-03-01T00:00:00Z'), { name: 'after-fix' });
    await bus.idle();
    expect(replayed).toBe(1);
    const last = low.delivered.at(-1);
    expect(last?.['replay-name']).toBe('after-fix');
    expect(last?.detail).toMatchObject({ storeId: 'st_new' });
    expect(last?.id).toBe(archive()[1]?.id);
    expect(archive()).toHaveLength(2);
  });

  it('replays over HTTP on the loopback replay endpoint', async () => {
    const low = recordingRule('lowStock', { 'detail-type': ['Inventory.LowStock'] });
    const { bus } = await start([low.rule]);
    await bus.putEvents([lowStock('st_syd')]);
    await bus.idle();
    const response = await fetch(`${bus.endpoint}/local/replay`, {
      method: 'POST',
      body: JSON.stringify({ since: new Date(Date.now() - 60_000).toISOString() }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ replayed: 1, replayName: expect.any(String) });
    await bus.idle();
    expect(low.delivered).toHaveLength(2);
    const bad = await fetch(`${bus.endpoint}/local/replay`, {
      method: 'POST',
      body: JSON.stringify({ since: 'x' }),
    });
    expect(bad.status).toBe(400);
  });
});
