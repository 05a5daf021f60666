import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { publishStockHealth, stockHealthEvents } from '../../../lib/replenishment/stock-health-events.js';
import type { StockHealthSummary } from '../../../lib/replenishment/sweep.js';

process.env.EVENT_BUS_NAME = 'test-bus';

const summary = (storeId: string): StockHealthSummary => ({
  storeId,
  sweptOn: '2026-12-01',
  belowReorderPoint: 3,
  outOfStock: 1,
  plannedNow: 1,
  alreadyOpen: 1,
  notPlanned: 1,
  failed: 0,
});
const now = new Date('2026-12-01T19:00:05Z');

describe('Inventory.StockHealth events', () => {
  it('makes one event per store with an id stable for the store and day', () => {
    const events = stockHealthEvents([summary('st_a'), summary('st_b')], now);
    expect(events.map((e) => [e.source, e.detailType, e.detail.eventId])).toEqual([
      ['storefleet.inventory', 'Inventory.StockHealth', 'stock-health:st_a:2026-12-01'],
      ['storefleet.inventory', 'Inventory.StockHealth', 'stock-health:st_b:2026-12-01'],
    ]);
    expect(events[0]?.detail).toEqual({
      version: 1,
      eventId: 'stock-health:st_a:2026-12-01',
      occurredAt: '2026-12-01T19:00:05.000Z',
      actor: 'system:sweep-replenishments',
      ...summary('st_a'),
    });
    // A retried sweep later the same day repeats the ids, so consumers count it once.
    expect(stockHealthEvents([summary('st_a')], new Date('2026-12-01T19:30:00Z'))[0]?.detail.eventId).toBe(
      'stock-health:st_a:2026-12-01',
    );
  });

  it('publishes in chunks of ten, retries only the failed entries, and throws for what never goes', async () => {
    const summaries = Array.from({ length: 12 }, (_, i) => summary(`st_${i}`));
    const calls: PutEventsRequestEntry[][] = [];
    let failOnce = true;
    await publishStockHealth(summaries, now, {
      sleep: async () => {},
      send: async (entries) => {
        calls.push(entries);
        const result = entries.map((entry, index) =>
          failOnce && index === 0 ? { ErrorCode: 'ThrottlingException', ErrorMessage: entry.Source } : {},
        );
        failOnce = false;
        return { Entries: result };
      },
    });
    expect(calls.map((c) => c.length)).toEqual([10, 2, 1]);
    expect(JSON.parse(calls[2]?.[0]?.Detail ?? '{}').storeId).toBe('st_0');
    expect(calls[0]?.[0]).toMatchObject({ EventBusName: 'test-bus', DetailType: 'Inventory.StockHealth' });

    await expect(
      publishStockHealth([summary('st_x')], now, {
        sleep: async () => {},
        maxAttempts: 2,
        send: async (entries) => ({ Entries: entries.map(() => ({ ErrorCode: 'InternalFailure' })) }),
      }),
    ).rejects.toThrow(
      'Could not publish 1 Inventory.StockHealth event(s): stock-health:st_x:2026-12-01 (InternalFailure)',
    );
  });
});
