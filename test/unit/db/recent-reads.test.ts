import { afterEach, describe, expect, it } from 'vitest';
import {
  attachRecentReadsInvalidation,
  forgetRecentReads,
  forgetWritten,
  RECENT_READ_TTL_MS,
  recentItem,
  rememberItem,
} from '../../../lib/db/recent-reads.js';

const store = { pk: 'STORE#st_1', sk: 'STORE', region: 'nsw' };
const card = { pk: 'PROMOTION', sk: 'LIVE', promotions: [] };
const key = (item: { pk: string; sk: string }) => ({ pk: item.pk, sk: item.sk });

afterEach(() => forgetRecentReads());

describe('recent reads (lib/db/recent-reads.ts)', () => {
  it('gives an item back within the window, and not after it', () => {
    rememberItem(store, 1_000);
    expect(recentItem(key(store), 1_000 + RECENT_READ_TTL_MS - 1)).toBe(store);
    expect(recentItem(key(store), 1_000 + RECENT_READ_TTL_MS)).toBeUndefined();
    // An expired entry is gone, even for an earlier clock.
    expect(recentItem(key(store), 1_000)).toBeUndefined();
  });

  it('remembers nothing without a key', () => {
    rememberItem({ region: 'nsw' }, 1_000);
    expect(recentItem({ pk: 'undefined', sk: 'undefined' }, 1_000)).toBeUndefined();
  });

  it('forgets what a write touched: document and base client inputs, every write command', () => {
    const now = Date.now();
    const writes: [string, object][] = [
      ['PutCommand', { Item: { ...store, region: 'vic' } }],
      ['UpdateItemCommand', { Key: { pk: { S: store.pk }, sk: { S: store.sk } } }],
      ['DeleteCommand', { Key: key(store) }],
      [
        'TransactWriteCommand',
        { TransactItems: [{ ConditionCheck: { Key: key(card) } }, { Update: { Key: key(store) } }] },
      ],
      ['BatchWriteCommand', { RequestItems: { table: [{ DeleteRequest: { Key: key(store) } }] } }],
    ];
    for (const [command, input] of writes) {
      rememberItem(store, now);
      rememberItem(card, now);
      forgetWritten(command, input);
      expect(recentItem(key(store), now), command).toBeUndefined();
      // A condition check writes nothing, and no other item is touched.
      expect(recentItem(key(card), now), command).toBe(card);
    }
  });

  it('keeps what a read touched', () => {
    const now = Date.now();
    rememberItem(store, now);
    forgetWritten('GetCommand', { Key: key(store) });
    forgetWritten('BatchGetCommand', { RequestItems: { table: { Keys: [key(store)] } } });
    expect(recentItem(key(store), now)).toBe(store);
  });

  it('forgets through the client middleware only once the write succeeded', async () => {
    type Handler = (args: { input: object }) => Promise<{ output: object }>;
    let middleware: ((next: Handler, context: { commandName?: string }) => Handler) | undefined;
    attachRecentReadsInvalidation({
      middlewareStack: {
        add: (added) => {
          middleware = added;
        },
      },
    });
    if (!middleware) throw new Error('no middleware added');
    const now = Date.now();
    rememberItem(store, now);
    const failing = middleware(() => Promise.reject(new Error('ConditionalCheckFailed')), {
      commandName: 'PutCommand',
    });
    await expect(failing({ input: { Item: store } })).rejects.toThrow('ConditionalCheckFailed');
    expect(recentItem(key(store), now)).toBe(store);
    const succeeding = middleware(() => Promise.resolve({ output: {} }), { commandName: 'PutCommand' });
    await succeeding({ input: { Item: store } });
    expect(recentItem(key(store), now)).toBeUndefined();
  });
});
