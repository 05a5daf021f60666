import { describe, expect, it } from 'vitest';
import { stockAlertEvent } from '../../../lib/replenishment/stock-alert.js';

const crossing = {
  eventId: 'rec-1:Inventory.OutOfStock',
  storeId: 'st_a',
  sku: 'SKU-1',
  productId: 'pr_1',
  available: 0,
  reorderRule: { reorderPoint: 5, reorderQuantity: 10 },
};
const now = new Date('2026-12-01T10:00:00Z');

describe('the stock alert', () => {
  it('says why nothing was planned, reading the rule nested in an OutOfStock detail', async () => {
    const event = await stockAlertEvent(
      'Inventory.OutOfStock',
      crossing,
      { outcome: 'skipped', reason: 'notify-only' },
      now,
    );
    expect(event).toMatchObject({ source: 'storefleet.replenishment', detailType: 'Inventory.StockAlert' });
    expect(event.detail).toEqual({
      version: 1,
      eventId: 'stock-alert:rec-1:Inventory.OutOfStock',
      occurredAt: '2026-12-01T10:00:00.000Z',
      actor: 'system:replenishment',
      alert: 'Inventory.OutOfStock',
      crossingEventId: 'rec-1:Inventory.OutOfStock',
      storeId: 'st_a',
      sku: 'SKU-1',
      productId: 'pr_1',
      available: 0,
      reorderPoint: 5,
      reorderQuantity: 10,
      outcome: 'not-planned',
      reason: 'nothing: the reorder rule is notify_only',
      transfers: [],
      plan: 'nothing: the reorder rule is notify_only',
    });
  });

  it('names the transfer and purchase order of a replenishment it planned', async () => {
    const event = await stockAlertEvent(
      'Inventory.LowStock',
      {
        ...crossing,
        eventId: 'rec-2:Inventory.LowStock',
        available: 4,
        reorderPoint: 5,
        reorderQuantity: 10,
      },
      {
        outcome: 'planned',
        replenishment: {
          replenishmentId: 'rp_1',
          storeId: 'st_a',
          sku: 'SKU-1',
          productId: 'pr_1',
          status: 'OPEN',
          policy: 'transfer_then_purchase',
          autoApprove: true,
          trigger: { source: 'event', eventId: 'rec-2:Inventory.LowStock' },
          plannedFrom: {
            available: 4,
            incoming: 0,
            openNotIncoming: 0,
            projected: 4,
            reorderPoint: 5,
            reorderQuantity: 10,
            quantity: 11,
          },
          transfers: [{ transferId: 'tr_1', fromStoreId: 'st_b', quantity: 6 }],
          purchaseOrder: { purchaseOrderId: 'po_1', supplierId: 'su_1', quantity: 5, joined: false },
          unplanned: 0,
          pendingDocuments: ['tr_1', 'po_1'],
          createdAt: '2026-12-01T10:00:00.000Z',
          updatedAt: '2026-12-01T10:00:00.000Z',
          version: 1,
        } as never,
      },
      now,
    );
    expect(event.detail).toMatchObject({
      outcome: 'planned',
      replenishmentId: 'rp_1',
      transfers: [{ transferId: 'tr_1', fromStoreId: 'st_b', quantity: 6 }],
      purchaseOrder: { purchaseOrderId: 'po_1', supplierId: 'su_1', quantity: 5 },
      plan: 'planned replenishment rp_1: transfer tr_1 of 6 from st_b (READY_TO_SHIP), purchase order po_1 of 5 from su_1 (ORDERED)',
    });
    expect(event.detail).not.toHaveProperty('reason');
  });
});
