import { describe, expect, it } from 'vitest';
import {
  ALLOWED_FROM,
  afterTransition,
  MAX_PURCHASE_ORDER_LINES,
  PURCHASE_ORDER_STATUSES,
  type PurchaseOrderAction,
  type PurchaseOrderStatus,
  receiptQuantities,
  stockChangesFor,
} from '../../../lib/purchasing/purchase-order-rules.js';
import {
  CreatePurchaseOrderBody,
  type PurchaseOrder,
} from '../../../lib/purchasing/purchase-order-schemas.js';

const po = (status: PurchaseOrderStatus, received: [number, number] = [0, 0]): PurchaseOrder => ({
  purchaseOrderId: 'po_1',
  supplierId: 'sup_1',
  storeId: 'st_a',
  status,
  currency: 'AUD',
  lines: [
    { sku: 'A-1', productId: 'pr_1', quantity: 10, unitCost: 100, received: received[0], lineTotal: 1000 },
    { sku: 'B-1', productId: 'pr_1', quantity: 5, unitCost: 200, received: received[1], lineTotal: 1000 },
  ],
  total: 2000,
  createdBy: 'u',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  version: 1,
  updatedBy: 'u',
});

describe('purchase order state machine', () => {
  it('allows exactly the documented transitions', () => {
    const allowed: string[] = [];
    for (const status of PURCHASE_ORDER_STATUSES) {
      for (const action of Object.keys(ALLOWED_FROM) as PurchaseOrderAction[]) {
        try {
          const after = afterTransition(po(status, [1, 0]), action, new Map([['B-1', 5]]));
          allowed.push(`${status} -${action}-> ${after.status}`);
        } catch (error) {
          expect(error).toMatchObject({ status: 409, slug: 'invalid-state', currentStatus: status });
        }
      }
    }
    expect(allowed).toEqual([
      'DRAFT -order-> ORDERED',
      'DRAFT -cancel-> CANCELLED',
      'ORDERED -receive-> PARTIALLY_RECEIVED',
      'ORDERED -cancel-> CANCELLED',
      'PARTIALLY_RECEIVED -receive-> PARTIALLY_RECEIVED',
      'PARTIALLY_RECEIVED -close-> CLOSED',
      'RECEIVED -close-> CLOSED',
    ]);
  });

  it('becomes RECEIVED only when every line is complete', () => {
    expect(afterTransition(po('ORDERED', [10, 0]), 'receive', new Map([['B-1', 5]])).status).toBe('RECEIVED');
    expect(afterTransition(po('ORDERED'), 'receive', new Map([['A-1', 10]])).status).toBe(
      'PARTIALLY_RECEIVED',
    );
  });

  it('moves incoming and on-hand per transition', () => {
    const deltas = (order: PurchaseOrder, action: PurchaseOrderAction, received?: Map<string, number>) =>
      stockChangesFor(order, action, received).map((c) => [c.sku, c.reason, c.deltas, c.reference]);
    expect(deltas(po('DRAFT'), 'order')).toEqual([
      ['A-1', 'incoming', { incoming: 10 }, { type: 'purchase_order', id: 'po_1' }],
      ['B-1', 'incoming', { incoming: 5 }, { type: 'purchase_order', id: 'po_1' }],
    ]);
    expect(deltas(po('ORDERED'), 'receive', new Map([['A-1', 3]]))).toEqual([
      ['A-1', 'received', { incoming: -3, onHand: 3 }, { type: 'purchase_order', id: 'po_1' }],
    ]);
    expect(deltas(po('PARTIALLY_RECEIVED', [4, 5]), 'close').map(([sku, , d]) => [sku, d])).toEqual([
      ['A-1', { incoming: -6 }],
    ]);
    expect(deltas(po('ORDERED'), 'cancel').map(([, reason, d]) => [reason, d])).toEqual([
      ['incoming_cancelled', { incoming: -10 }],
      ['incoming_cancelled', { incoming: -5 }],
    ]);
    expect(deltas(po('DRAFT'), 'cancel')).toEqual([]);
  });

  it('refuses receipts above what is outstanding or for SKUs not ordered, naming the line', () => {
    expect(() => receiptQuantities(po('PARTIALLY_RECEIVED', [8, 0]), [{ sku: 'A-1', quantity: 3 }])).toThrow(
      expect.objectContaining({
        status: 400,
        errors: [expect.objectContaining({ path: 'body.lines[0].quantity' })],
      }),
    );
    expect(() =>
      receiptQuantities(po('ORDERED'), [
        { sku: 'B-1', quantity: 1 },
        { sku: 'Z-9', quantity: 1 },
      ]),
    ).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ path: 'body.lines[1].sku' })] }));
  });

  it('caps lines at one transaction and defaults the currency', () => {
    expect(2 * MAX_PURCHASE_ORDER_LINES + 1).toBeLessThanOrEqual(100);
    const body = (n: number) => ({
      supplierId: 'sup_1',
      storeId: 'st_a',
      lines: Array.from({ length: n }, (_, i) => ({ sku: `S-${i}`, quantity: 1, unitCost: 1 })),
    });
    expect(CreatePurchaseOrderBody.parse(body(MAX_PURCHASE_ORDER_LINES)).currency).toBe('AUD');
    expect(CreatePurchaseOrderBody.safeParse(body(MAX_PURCHASE_ORDER_LINES + 1)).success).toBe(false);
  });
});
