import { describe, expect, it } from 'vitest';
import {
  cancelPurchaseOrder,
  closePurchaseOrder,
  createPurchaseOrder,
  getPurchaseOrder,
  listStorePurchaseOrders,
  orderPurchaseOrder,
  receivePurchaseOrder,
} from '../../lib/purchasing/purchase-order-service.js';
import { createSupplier } from '../../lib/suppliers/supplier-service.js';
import { admin, managerOf } from '../support/fixtures.js';
import {
  finance,
  movementReasons,
  movementSums,
  newProduct,
  newStore,
  quantities,
} from '../support/stock-fixtures.js';

const setUp = async () => {
  const storeId = await newStore();
  const { productId, skus } = await newProduct(2);
  const supplier = await createSupplier(admin, { name: 'Optics Supply', currency: 'AUD' });
  const [a, b] = skus as [string, string];
  return { storeId, productId, a, b, supplierId: supplier.supplierId };
};

const draftPo = (storeId: string, supplierId: string, a: string, b: string) =>
  createPurchaseOrder(admin, {
    supplierId,
    storeId,
    currency: 'AUD',
    lines: [
      { sku: a, quantity: 10, unitCost: 250 },
      { sku: b, quantity: 4, unitCost: 1000 },
    ],
  });

describe('purchase orders', () => {
  it('orders, receives in parts and completes, moving incoming to on hand', async () => {
    const { storeId, productId, a, b, supplierId } = await setUp();
    const po = await draftPo(storeId, supplierId, a, b);
    expect(po).toMatchObject({
      status: 'DRAFT',
      total: 6500,
      lines: [{ sku: a, productId, received: 0, lineTotal: 2500 }, { sku: b }],
    });
    await orderPurchaseOrder(managerOf(storeId), po.purchaseOrderId);
    expect(await quantities(storeId, a)).toMatchObject({ onHand: 0, incoming: 10 });

    const partial = await receivePurchaseOrder(admin, po.purchaseOrderId, {
      lines: [{ sku: a, quantity: 6 }],
    });
    expect(partial).toMatchObject({
      status: 'PARTIALLY_RECEIVED',
      lines: [{ received: 6 }, { received: 0 }],
    });
    expect(await quantities(storeId, a)).toMatchObject({ onHand: 6, incoming: 4, available: 6 });

    await expect(
      receivePurchaseOrder(admin, po.purchaseOrderId, { lines: [{ sku: a, quantity: 5 }] }),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.lines[0].quantity' }] });
    const done = await receivePurchaseOrder(admin, po.purchaseOrderId, {
      lines: [
        { sku: b, quantity: 4 },
        { sku: a, quantity: 4 },
      ],
    });
    expect(done.status).toBe('RECEIVED');
    expect(await quantities(storeId, a)).toMatchObject({ onHand: 10, incoming: 0 });
    expect(await movementReasons(storeId, a)).toEqual(['incoming', 'received', 'received']);
    const sums = await movementSums(storeId, b);
    expect(sums).toMatchObject({ onHand: 4, incoming: 0 });

    const closed = await closePurchaseOrder(admin, po.purchaseOrderId);
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });
    expect(await getPurchaseOrder(finance, po.purchaseOrderId)).toEqual(closed);
  });

  it('closes a partial delivery and cancels an ordered PO, releasing what is still incoming', async () => {
    const { storeId, a, b, supplierId } = await setUp();
    const partial = await draftPo(storeId, supplierId, a, b);
    await orderPurchaseOrder(admin, partial.purchaseOrderId);
    await receivePurchaseOrder(admin, partial.purchaseOrderId, { lines: [{ sku: a, quantity: 3 }] });
    await closePurchaseOrder(admin, partial.purchaseOrderId);
    expect(await quantities(storeId, a)).toMatchObject({ onHand: 3, incoming: 0 });
    expect(await quantities(storeId, b)).toMatchObject({ onHand: 0, incoming: 0 });

    const ordered = await draftPo(storeId, supplierId, a, b);
    await orderPurchaseOrder(admin, ordered.purchaseOrderId);
    expect(await quantities(storeId, b)).toMatchObject({ incoming: 4 });
    expect((await cancelPurchaseOrder(admin, ordered.purchaseOrderId)).status).toBe('CANCELLED');
    expect(await quantities(storeId, b)).toMatchObject({ incoming: 0 });
    expect(await movementReasons(storeId, b)).toEqual([
      'incoming',
      'incoming_cancelled',
      'incoming',
      'incoming_cancelled',
    ]);

    const drafted = await draftPo(storeId, supplierId, a, b);
    expect((await cancelPurchaseOrder(admin, drafted.purchaseOrderId)).status).toBe('CANCELLED');
    expect((await movementSums(storeId, a)).count).toBe(5);
  });

  it('answers 409 invalid-state for transitions the status does not allow, writing nothing', async () => {
    const { storeId, a, b, supplierId } = await setUp();
    const po = await draftPo(storeId, supplierId, a, b);
    await expect(
      receivePurchaseOrder(admin, po.purchaseOrderId, { lines: [{ sku: a, quantity: 1 }] }),
    ).rejects.toMatchObject({
      status: 409,
      slug: 'invalid-state',
      extensions: { currentStatus: 'DRAFT' },
    });
    await expect(closePurchaseOrder(admin, po.purchaseOrderId)).rejects.toMatchObject({
      slug: 'invalid-state',
    });
    await orderPurchaseOrder(admin, po.purchaseOrderId);
    await receivePurchaseOrder(admin, po.purchaseOrderId, { lines: [{ sku: a, quantity: 1 }] });
    await expect(cancelPurchaseOrder(admin, po.purchaseOrderId)).rejects.toMatchObject({
      extensions: { currentStatus: 'PARTIALLY_RECEIVED' },
    });
    const racing = await Promise.allSettled([
      receivePurchaseOrder(admin, po.purchaseOrderId, { lines: [{ sku: a, quantity: 9 }] }),
      receivePurchaseOrder(admin, po.purchaseOrderId, { lines: [{ sku: a, quantity: 9 }] }),
    ]);
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    // The loser either lost the transaction (409) or read the PO after the winner (400: nothing outstanding).
    const loser = racing.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect([400, 409]).toContain(loser?.reason.status);
    expect(await quantities(storeId, a)).toMatchObject({ onHand: 10, incoming: 0 });
  });

  it('checks the supplier inside the create transaction and hides other stores', async () => {
    const { storeId, a, b, supplierId } = await setUp();
    const lines = [{ sku: a, quantity: 1, unitCost: 100 }];
    await expect(
      createPurchaseOrder(admin, { supplierId: 'sup_missing', storeId, currency: 'AUD', lines }),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.supplierId' }] });
    await expect(
      createPurchaseOrder(admin, { supplierId, storeId, currency: 'USD', lines }),
    ).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body.currency', message: expect.stringContaining('invoices in AUD') }],
    });
    await expect(
      createPurchaseOrder(admin, { supplierId, storeId: 'st_nowhere', currency: 'AUD', lines }),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.storeId' }] });
    const other = await newStore();
    await expect(
      createPurchaseOrder(managerOf(other), { supplierId, storeId, currency: 'AUD', lines }),
    ).rejects.toMatchObject({ status: 404 });
    const po = await draftPo(storeId, supplierId, a, b);
    await expect(getPurchaseOrder(managerOf(other), po.purchaseOrderId)).rejects.toMatchObject({
      status: 404,
    });
    await expect(orderPurchaseOrder(managerOf(other), po.purchaseOrderId)).rejects.toMatchObject({
      status: 404,
    });
    await expect(listStorePurchaseOrders(managerOf(other), storeId, { limit: 5 })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('lists a store’s purchase orders newest first, by status, with a cursor', async () => {
    const { storeId, a, b, supplierId } = await setUp();
    const first = await draftPo(storeId, supplierId, a, b);
    const second = await draftPo(storeId, supplierId, a, b);
    const third = await draftPo(storeId, supplierId, a, b);
    await orderPurchaseOrder(admin, second.purchaseOrderId);
    const page1 = await listStorePurchaseOrders(admin, storeId, { limit: 2 });
    expect(page1.items.map((po) => po.purchaseOrderId)).toEqual([
      third.purchaseOrderId,
      second.purchaseOrderId,
    ]);
    const page2 = await listStorePurchaseOrders(admin, storeId, {
      limit: 2,
      cursor: page1.nextCursor ?? undefined,
    });
    expect(page2.items.map((po) => po.purchaseOrderId)).toEqual([first.purchaseOrderId]);
    const drafts = await listStorePurchaseOrders(admin, storeId, { limit: 10, status: 'DRAFT' });
    expect(drafts.items.map((po) => po.purchaseOrderId)).toEqual([
      third.purchaseOrderId,
      first.purchaseOrderId,
    ]);
    const ordered = await listStorePurchaseOrders(admin, storeId, { limit: 10, status: 'ORDERED' });
    expect(ordered.items.map((po) => po.status)).toEqual(['ORDERED']);
  });
});
