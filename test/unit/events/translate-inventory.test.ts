import { describe, expect, it } from 'vitest';
import { translateRecord } from '../../../lib/events/translate-record.js';
import { levelItem, streamRecord } from '../../support/stream-records.js';

const rule = { reorderPoint: 5, reorderQuantity: 20, preferredSupplierId: 'su_1' };
const typesOf = (old: Record<string, unknown> | undefined, now: Record<string, unknown>) =>
  translateRecord(streamRecord(old, now)).map((event) => event.detailType);

describe('inventory level translation', () => {
  it('publishes LevelChanged with before, after and delta', () => {
    const [event] = translateRecord(
      streamRecord(levelItem({ onHand: 10 }, rule), levelItem({ onHand: 10, committed: 2 }, rule)),
    );
    expect(event?.source).toBe('storefleet.inventory');
    expect(event?.detailType).toBe('Inventory.LevelChanged');
    expect(event?.detail).toMatchObject({
      storeId: 'st_1',
      sku: 'SKU-1',
      productId: 'pr_1',
      actor: 'user-1',
      occurredAt: '2026-03-02T09:15:00.000Z',
      before: { onHand: 10, committed: 0, available: 10 },
      after: { onHand: 10, committed: 2, available: 8 },
      delta: { onHand: 0, committed: 2, available: -2 },
      reorderRule: rule,
    });
  });

  it('fires LowStock when available goes from above the point to exactly at it', () => {
    const events = translateRecord(
      streamRecord(levelItem({ onHand: 6 }, rule), levelItem({ onHand: 5 }, rule)),
    );
    const low = events.find((event) => event.detailType === 'Inventory.LowStock');
    expect(low?.detail).toMatchObject({
      available: 5,
      onHand: 5,
      committed: 0,
      reorderPoint: 5,
      reorderQuantity: 20,
      preferredSupplierId: 'su_1',
      before: { available: 6 },
      cause: 'stock',
    });
  });

  it('fires LowStock when available jumps from above to below the point', () => {
    expect(typesOf(levelItem({ onHand: 9 }, rule), levelItem({ onHand: 2 }, rule))).toEqual([
      'Inventory.LevelChanged',
      'Inventory.LowStock',
    ]);
  });

  it('does not fire again while the level stays at or below the point', () => {
    expect(typesOf(levelItem({ onHand: 5 }, rule), levelItem({ onHand: 3 }, rule))).toEqual([
      'Inventory.LevelChanged',
    ]);
    expect(typesOf(levelItem({ onHand: 4 }, rule), levelItem({ onHand: 4, committed: 1 }, rule))).toEqual([
      'Inventory.LevelChanged',
    ]);
  });

  it('does not fire on a rise, nor on a level without a rule', () => {
    expect(typesOf(levelItem({ onHand: 3 }, rule), levelItem({ onHand: 8 }, rule))).toEqual([
      'Inventory.LevelChanged',
    ]);
    expect(typesOf(levelItem({ onHand: 9 }), levelItem({ onHand: 2 }))).toEqual(['Inventory.LevelChanged']);
  });

  it('fires LowStock (cause reorder-rule) when a rule is set on a low level or its point raised to available', () => {
    const set = translateRecord(streamRecord(levelItem({ onHand: 3 }), levelItem({ onHand: 3 }, rule)));
    expect(set.map((event) => event.detailType)).toEqual(['Inventory.LowStock']);
    expect(set[0]?.detail).toMatchObject({ cause: 'reorder-rule', available: 3, reorderPoint: 5 });
    const raised = translateRecord(
      streamRecord(levelItem({ onHand: 8 }, rule), levelItem({ onHand: 8 }, { ...rule, reorderPoint: 8 })),
    );
    expect(raised.map((event) => event.detailType)).toEqual(['Inventory.LowStock']);
    // Lowering the point, or removing the rule, publishes nothing: no quantity moved.
    expect(
      typesOf(levelItem({ onHand: 3 }, rule), levelItem({ onHand: 3 }, { ...rule, reorderPoint: 1 })),
    ).toEqual([]);
    expect(typesOf(levelItem({ onHand: 3 }, rule), levelItem({ onHand: 3 }))).toEqual([]);
  });

  it('fires OutOfStock at zero and BackInStock above zero', () => {
    expect(typesOf(levelItem({ onHand: 1 }), levelItem({ onHand: 1, committed: 1 }))).toEqual([
      'Inventory.LevelChanged',
      'Inventory.OutOfStock',
    ]);
    expect(typesOf(levelItem({ onHand: 6 }, rule), levelItem({ onHand: 0 }, rule))).toEqual([
      'Inventory.LevelChanged',
      'Inventory.LowStock',
      'Inventory.OutOfStock',
    ]);
    expect(typesOf(levelItem({ onHand: 0 }, rule), levelItem({ onHand: 12 }, rule))).toEqual([
      'Inventory.LevelChanged',
      'Inventory.BackInStock',
    ]);
  });

  it('treats a new level as coming from nothing: first stock is BackInStock, created low is LowStock', () => {
    expect(typesOf(undefined, levelItem({ onHand: 4 }))).toEqual([
      'Inventory.LevelChanged',
      'Inventory.BackInStock',
    ]);
    expect(typesOf(undefined, levelItem({ onHand: 0 }, rule))).toEqual(['Inventory.LowStock']);
  });

  it('gives every event of a record a distinct id derived from the record, the same on redelivery', () => {
    const record = streamRecord(levelItem({ onHand: 6 }, rule), levelItem({ onHand: 0 }, rule), 'evt-abc');
    const ids = translateRecord(record).map((event) => event.detail.eventId);
    expect(ids).toEqual([
      'evt-abc:Inventory.LevelChanged',
      'evt-abc:Inventory.LowStock',
      'evt-abc:Inventory.OutOfStock',
    ]);
    expect(translateRecord(structuredClone(record)).map((event) => event.detail.eventId)).toEqual(ids);
  });
});
