import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PublishItem, publishEntries } from '../../../lib/events/event-publisher.js';
import { chunkEntries, entrySize, MAX_BYTES_PER_CALL } from '../../../lib/events/put-events-chunks.js';

const item = (key: string, detailBytes = 10): PublishItem => ({
  key,
  entry: {
    Source: 'storefleet.test',
    DetailType: 'Test.Happened',
    Detail: JSON.stringify({ p: 'x'.repeat(detailBytes) }),
  },
});
const noSleep = async () => {};

describe('PutEvents chunks', () => {
  it('measures entries as EventBridge does: Time is 14 bytes, strings by their UTF-8 bytes', () => {
    expect(
      entrySize({ Source: 'ab', DetailType: 'é', Detail: '{}', Resources: ['r1'], EventBusName: 'ignored' }),
    ).toBe(2 + 2 + 2 + 2);
    expect(entrySize({ Source: 'a', DetailType: 'b', Time: new Date() })).toBe(16);
  });

  it('puts at most 10 entries in a call', () => {
    const { chunks } = chunkEntries(Array.from({ length: 23 }, (_, i) => item(String(i))));
    expect(chunks.map((chunk) => chunk.length)).toEqual([10, 10, 3]);
  });

  it('closes a chunk before it would pass 256 KB, and sets apart an entry that can never fit', () => {
    const big = 100 * 1024;
    const items = [
      item('a', big),
      item('b', big),
      item('c', big),
      item('huge', MAX_BYTES_PER_CALL),
      item('d'),
    ];
    const { chunks, oversized } = chunkEntries(items);
    expect(chunks.map((chunk) => chunk.map((i) => i.key))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(oversized.map((i) => i.key)).toEqual(['huge']);
    for (const chunk of chunks)
      expect(chunk.reduce((sum, i) => sum + entrySize(i.entry), 0)).toBeLessThanOrEqual(MAX_BYTES_PER_CALL);
  });
});

describe('publishEntries', () => {
  const eventBridge = mockClient(EventBridgeClient);
  beforeEach(() => {
    eventBridge.reset();
    process.env.EVENT_BUS_NAME = 'storefleet-test';
  });
  afterEach(() => eventBridge.reset());

  it('sends 12 entries in two calls', async () => {
    eventBridge
      .on(PutEventsCommand)
      .callsFake((input) => ({ FailedEntryCount: 0, Entries: input.Entries.map(() => ({ EventId: 'e' })) }));
    const failures = await publishEntries(
      Array.from({ length: 12 }, (_, i) => item(String(i))),
      { sleep: noSleep },
    );
    expect(failures).toEqual([]);
    expect(
      eventBridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries?.length),
    ).toEqual([10, 2]);
  });

  it('retries only the entries that failed, with growing capped backoff', async () => {
    let call = 0;
    eventBridge.on(PutEventsCommand).callsFake((input) => {
      call++;
      return {
        FailedEntryCount: call === 1 ? 2 : 0,
        Entries: input.Entries.map((_: unknown, index: number) =>
          call === 1 && index % 2 === 1
            ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }
            : { EventId: 'e' },
        ),
      };
    });
    const delays: number[] = [];
    const failures = await publishEntries(
      ['a', 'b', 'c', 'd'].map((key) => item(key)),
      {
        sleep: async (ms) => {
          delays.push(ms);
        },
      },
    );
    expect(failures).toEqual([]);
    const calls = eventBridge
      .commandCalls(PutEventsCommand)
      .map((c) => c.args[0].input.Entries?.map((e) => e.Detail));
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual([item('b').entry.Detail, item('d').entry.Detail]);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeLessThanOrEqual(100);
  });

  it('gives up after maxAttempts and returns what failed, also when the call itself throws', async () => {
    eventBridge.on(PutEventsCommand).rejects(new Error('network down'));
    const delays: number[] = [];
    const failures = await publishEntries([item('a'), item('b')], {
      maxAttempts: 3,
      baseDelayMs: 100,
      maxDelayMs: 150,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect(failures.map((f) => [f.item.key, f.errorMessage, f.permanent])).toEqual([
      ['a', 'network down', false],
      ['b', 'network down', false],
    ]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(3);
    expect(delays.every((ms) => ms >= 0 && ms <= 150)).toBe(true);
  });
});
