import type { EventBridgeEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { planOnLowStock } from '../../../functions/replenishment/plan-on-low-stock.js';
import { releaseOnCompletion } from '../../../functions/replenishment/release-on-completion.js';
import { replenishmentIdOf } from '../../../lib/replenishment/plan-replenishment.js';

const event = (detailType: string, detail: unknown): EventBridgeEvent<string, unknown> => ({
  version: '0',
  id: 'e1',
  'detail-type': detailType,
  source: 'storefleet.inventory',
  account: '000000000000',
  time: '2026-12-01T00:00:00Z',
  region: 'ap-southeast-2',
  resources: [],
  detail,
});

describe('replenishment event handlers', () => {
  it('refuse a detail without the ids they need, before touching the table', async () => {
    await expect(planOnLowStock(event('Inventory.LowStock', { storeId: 'st_1' }))).rejects.toThrow(
      /eventId|sku/,
    );
    await expect(releaseOnCompletion(event('Transfer.Received', { eventId: 'x' }))).rejects.toThrow(
      /transferId/,
    );
    await expect(releaseOnCompletion(event('Order.Placed', { eventId: 'x' }))).rejects.toThrow(
      /does not handle/,
    );
  });

  it('derive a stable replenishment id from the event id', () => {
    expect(replenishmentIdOf('abc')).toBe(replenishmentIdOf('abc'));
    expect(replenishmentIdOf('abc')).not.toBe(replenishmentIdOf('abd'));
    expect(replenishmentIdOf('abc')).toMatch(/^rp_[0-9a-f]{26}$/);
  });
});
