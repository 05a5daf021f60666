import { describe, expect, it } from 'vitest';
import type { ReorderRuleInput } from '../../lib/inventory/inventory-schemas.js';
import { setReorderRule } from '../../lib/inventory/inventory-service.js';
import {
  cancelPurchaseOrder,
  createPurchaseOrder,
  getPurchaseOrder,
  orderPurchaseOrder,
  receivePurchaseOrder,
} from '../../lib/purchasing/purchase-order-service.js';
import { planReplenishment } from '../../lib/replenishment/plan-replenishment.js';
import { releaseReplenishment } from '../../lib/replenishment/release-replenishment.js';
import { findGuard } from '../../lib/replenishment/replenishment-repository.js';
import { listStoreReplenishments } from '../../lib/replenishment/replenishment-service.js';
import { sweepReplenishments } from '../../lib/replenishment/sweep.js';
import { createStore } from '../../lib/stores/store-service.js';
import { createSupplier } from '../../lib/suppliers/supplier-service.js';
import {
  cancelTransfer,
  getTransfer,
  readyTransfer,
  receiveTransfer,
  shipTransfer,
} from '../../lib/transfers/transfer-service.js';
import { admin, managerOf, storeInput, uniqueSuffix } from '../support/fixtures.js';
import { newProduct, quantities, receiveStock } from '../support/stock-fixtures.js';

const storeIn = async (region: string) => (await createStore(admin, storeInput({ region }))).storeId;
const supplier = async () =>
  (await createSupplier(admin, { name: `Supplier ${uniqueSuffix()}`, currency: 'AUD' })).supplierId;

/**
 * A low store and two donors in one region (a third store elsewhere with plenty), one SKU:
 * low has 3 on hand with rule point 5 / quantity 10; donors have 20 and 12 (rules 5 + safety 2).
 */
const setUp = async (rule: Partial<ReorderRuleInput> = {}) => {
  const region = `r-${uniqueSuffix().toLowerCase()}`.slice(0, 20);
  const [low, big, small, far] = [
    await storeIn(region),
    await storeIn(region),
    await storeIn(region),
    await storeIn('elsewhere'),
  ];
  const { productId, skus } = await newProduct(1);
  const sku = skus[0] as string;
  const supplierId = await supplier();
  await receiveStock(low, sku, productId, 3);
  await receiveStock(big, sku, productId, 20);
  await receiveStock(small, sku, productId, 12);
  await receiveStock(far, sku, productId, 500);
  for (const donor of [big, small])
    await setReorderRule(admin, donor, sku, { reorderPoint: 5, reorderQuantity: 10, safetyStock: 2 });
  await setReorderRule(admin, low, sku, {
    reorderPoint: 5,
    reorderQuantity: 10,
    preferredSupplierId: supplierId,
    ...rule,
  });
  return { low, big, small, far, sku, productId, supplierId };
};

const lowStock = (storeId: string, sku: string, eventId = `ev-${uniqueSuffix()}`) => ({
  eventId,
  storeId,
  sku,
});

describe('replenishment planning', () => {
  it('moves surplus from same-region donors (best first) and buys the rest as a draft PO', async () => {
    const { low, big, small, sku, supplierId } = await setUp();
    const outcome = await planReplenishment(lowStock(low, sku));
    expect(outcome.outcome).toBe('planned');
    if (outcome.outcome !== 'planned') return;
    const r = outcome.replenishment;
    // projected 3 → bring up to 5 + 10: 12. big spares 20−7−1 = 12, so small gives nothing.
    expect(r.plannedFrom).toMatchObject({
      available: 3,
      incoming: 0,
      projected: 3,
      reorderPoint: 5,
      quantity: 12,
    });
    expect(r.transfers).toEqual([
      expect.objectContaining({ fromStoreId: big, quantity: 12, status: 'DRAFT' }),
    ]);
    expect(r.transfers.some((t) => t.fromStoreId === small)).toBe(false);
    expect(r.purchaseOrder).toBeUndefined();
    const transfer = await getTransfer(admin, r.transfers[0]?.transferId as string);
    expect(transfer).toMatchObject({
      status: 'DRAFT',
      fromStoreId: big,
      toStoreId: low,
      lines: [{ sku, quantity: 12 }],
    });
    expect(await quantities(big, sku)).toMatchObject({ committed: 0, available: 20 });
    const guard = await findGuard(low, sku);
    expect(guard).toMatchObject({ replenishmentId: r.replenishmentId, eventId: r.trigger.eventId });
    expect(guard?.plannedFrom).toMatchObject({ projected: 3, quantity: 12 });
    expect(supplierId).toBeTruthy();
  });

  it('buys what donors cannot give from the preferred supplier, and never from another region', async () => {
    const { low, big, small, far, sku, productId, supplierId } = await setUp({ reorderQuantity: 30 });
    // Need 5 + 30 − 3 = 32: big 12, small 12 − 7 − 1 = 4, the rest (16) purchased; far is elsewhere.
    const outcome = await planReplenishment(lowStock(low, sku));
    if (outcome.outcome !== 'planned') throw new Error(JSON.stringify(outcome));
    const r = outcome.replenishment;
    expect(r.transfers.map((t) => [t.fromStoreId, t.quantity])).toEqual([
      [big, 12],
      [small, 4],
    ]);
    expect(r.transfers.some((t) => t.fromStoreId === far)).toBe(false);
    expect(r.purchaseOrder).toMatchObject({ supplierId, quantity: 16, joined: false, status: 'DRAFT' });
    const po = await getPurchaseOrder(admin, r.purchaseOrder?.purchaseOrderId as string);
    expect(po).toMatchObject({
      status: 'DRAFT',
      storeId: low,
      supplierId,
      lines: [{ sku, productId, quantity: 16, unitCost: 2000 }],
    });
    expect(r.pendingDocuments).toHaveLength(3);
  });

  it('joins an open draft purchase order to the same supplier (purchase_only)', async () => {
    const { low, sku, supplierId } = await setUp({ replenishment: 'purchase_only' });
    const other = (await newProduct(1)).skus[0] as string;
    const draft = await createPurchaseOrder(admin, {
      supplierId,
      storeId: low,
      currency: 'AUD',
      lines: [{ sku: other, quantity: 2, unitCost: 100 }],
    });
    const outcome = await planReplenishment(lowStock(low, sku));
    if (outcome.outcome !== 'planned') throw new Error(JSON.stringify(outcome));
    expect(outcome.replenishment.transfers).toEqual([]);
    expect(outcome.replenishment.purchaseOrder).toMatchObject({
      purchaseOrderId: draft.purchaseOrderId,
      joined: true,
      quantity: 12,
    });
    const joined = await getPurchaseOrder(admin, draft.purchaseOrderId);
    expect(joined.version).toBe(2);
    expect(joined.lines.map((l) => [l.sku, l.quantity])).toEqual([
      [other, 2],
      [sku, 12],
    ]);
  });

  it('autoApprove readies the transfer (stock committed at the donor) and orders the PO', async () => {
    const { low, big, sku } = await setUp({ reorderQuantity: 30, autoApprove: true });
    const outcome = await planReplenishment(lowStock(low, sku));
    if (outcome.outcome !== 'planned') throw new Error(JSON.stringify(outcome));
    const r = outcome.replenishment;
    expect(r.transfers[0]).toMatchObject({ fromStoreId: big, quantity: 12, status: 'READY_TO_SHIP' });
    expect(await quantities(big, sku)).toMatchObject({ committed: 12, available: 8 });
    expect(r.purchaseOrder).toMatchObject({ status: 'ORDERED', quantity: 16 });
    expect(await quantities(low, sku)).toMatchObject({ incoming: 16 });
  });

  it('plans nothing above the point, without a rule, for notify_only, or with nothing to give', async () => {
    const { low, big, sku, productId } = await setUp({ replenishment: 'notify_only' });
    expect(await planReplenishment(lowStock(low, sku))).toMatchObject({ reason: 'notify-only' });
    expect(await planReplenishment(lowStock(big, sku))).toMatchObject({ reason: 'above-reorder-point' });
    const bare = await storeIn('nowhere');
    await receiveStock(bare, sku, productId, 1);
    expect(await planReplenishment(lowStock(bare, sku))).toMatchObject({ reason: 'no-rule' });
    await setReorderRule(admin, bare, sku, {
      reorderPoint: 2,
      reorderQuantity: 5,
      replenishment: 'transfer_only',
    });
    expect(await planReplenishment(lowStock(bare, sku))).toMatchObject({ reason: 'nothing-available' });
    expect(await findGuard(low, sku)).toBeUndefined();
  });

  it('counts incoming stock: an ordered PO that covers the point means nothing to plan', async () => {
    const { low, sku, supplierId } = await setUp({ replenishment: 'purchase_only' });
    const po = await createPurchaseOrder(admin, {
      supplierId,
      storeId: low,
      currency: 'AUD',
      lines: [{ sku, quantity: 5, unitCost: 100 }],
    });
    await orderPurchaseOrder(admin, po.purchaseOrderId);
    expect(await planReplenishment(lowStock(low, sku))).toMatchObject({
      reason: 'above-reorder-point',
      plannedFrom: { available: 3, incoming: 5, projected: 8 },
    });
  });

  it('plans exactly one replenishment for 50 concurrent low-stock events', async () => {
    const { low, sku } = await setUp();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        planReplenishment(lowStock(low, sku, `burst-${uniqueSuffix()}-${i}`)),
      ),
    );
    const planned = outcomes.filter((o) => o.outcome === 'planned');
    expect(planned).toHaveLength(1);
    expect(
      outcomes
        .filter((o) => o.outcome === 'skipped')
        .every((o) => 'reason' in o && o.reason === 'already-open'),
    ).toBe(true);
    const page = await listStoreReplenishments(admin, low, { limit: 100 });
    expect(page.items).toHaveLength(1);
  });

  it('a redelivered event plans nothing new, even after its replenishment closed', async () => {
    const { low, sku } = await setUp();
    const event = lowStock(low, sku);
    const first = await planReplenishment(event);
    if (first.outcome !== 'planned') throw new Error(JSON.stringify(first));
    expect(await planReplenishment(event)).toMatchObject({ reason: 'duplicate-event' });
    const transferId = first.replenishment.transfers[0]?.transferId as string;
    await cancelTransfer(admin, transferId);
    expect(await releaseReplenishment({ transferId })).toEqual([
      { sku, replenishmentId: first.replenishment.replenishmentId, result: 'closed' },
    ]);
    expect(await findGuard(low, sku)).toBeUndefined();
    expect(await planReplenishment(event)).toMatchObject({ reason: 'duplicate-event' });
    // A new crossing (a new event) plans again.
    expect((await planReplenishment(lowStock(low, sku))).outcome).toBe('planned');
  });
});

describe('replenishment release', () => {
  it('stays open until every document completes, ignores unfinished ones, and is idempotent', async () => {
    const { low, big, small, sku } = await setUp({ reorderQuantity: 30 });
    const outcome = await planReplenishment(lowStock(low, sku));
    if (outcome.outcome !== 'planned') throw new Error(JSON.stringify(outcome));
    const [t1, t2] = outcome.replenishment.transfers.map((t) => t.transferId) as [string, string];
    const poId = outcome.replenishment.purchaseOrder?.purchaseOrderId as string;

    // Not finished yet: nothing happens.
    expect(await releaseReplenishment({ transferId: t1 })).toEqual([]);

    await readyTransfer(managerOf(big), t1);
    await shipTransfer(managerOf(big), t1);
    await receiveTransfer(managerOf(low), t1, {});
    expect(await releaseReplenishment({ transferId: t1 })).toEqual([
      { sku, replenishmentId: outcome.replenishment.replenishmentId, result: 'still-open' },
    ]);
    expect(await releaseReplenishment({ transferId: t1 })).toEqual([{ sku, result: 'nothing' }]);
    expect((await findGuard(low, sku))?.pendingDocuments).toEqual([t2, poId]);

    await cancelTransfer(managerOf(small), t2);
    await releaseReplenishment({ transferId: t2 });
    await orderPurchaseOrder(admin, poId);
    await receivePurchaseOrder(admin, poId, { lines: [{ sku, quantity: 16 }] });
    expect(await releaseReplenishment({ purchaseOrderId: poId })).toEqual([
      { sku, replenishmentId: outcome.replenishment.replenishmentId, result: 'closed' },
    ]);
    expect(await findGuard(low, sku)).toBeUndefined();

    const page = await listStoreReplenishments(admin, low, { limit: 10 });
    expect(page.items[0]).toMatchObject({
      status: 'CLOSED',
      closedAt: expect.any(String),
      pendingDocuments: [],
      transfers: [
        { transferId: t1, status: 'RECEIVED' },
        { transferId: t2, status: 'CANCELLED' },
      ],
      purchaseOrder: { purchaseOrderId: poId, status: 'RECEIVED' },
    });
  });

  it('a cancelled PO of another plan does not release the open guard', async () => {
    const { low, sku, supplierId } = await setUp({ replenishment: 'purchase_only' });
    const outcome = await planReplenishment(lowStock(low, sku));
    if (outcome.outcome !== 'planned') throw new Error(JSON.stringify(outcome));
    const other = await createPurchaseOrder(admin, {
      supplierId,
      storeId: low,
      currency: 'AUD',
      lines: [{ sku, quantity: 1, unitCost: 1 }],
    });
    await cancelPurchaseOrder(admin, other.purchaseOrderId);
    expect(await releaseReplenishment({ purchaseOrderId: other.purchaseOrderId })).toEqual([
      { sku, result: 'nothing' },
    ]);
    expect(await findGuard(low, sku)).toBeDefined();
  });
});

describe('listing and the daily sweep', () => {
  it('lists open replenishments before closed ones', async () => {
    const { low, sku, productId } = await setUp();
    const first = await planReplenishment(lowStock(low, sku));
    if (first.outcome !== 'planned') throw new Error('not planned');
    const transferId = first.replenishment.transfers[0]?.transferId as string;
    await cancelTransfer(admin, transferId);
    await releaseReplenishment({ transferId });
    const second = await planReplenishment(lowStock(low, sku));
    if (second.outcome !== 'planned') throw new Error('not planned');
    const page = await listStoreReplenishments(admin, low, { limit: 1 });
    expect(page.items.map((r) => [r.replenishmentId, r.status])).toEqual([
      [second.replenishment.replenishmentId, 'OPEN'],
    ]);
    const next = await listStoreReplenishments(admin, low, { limit: 1, cursor: page.nextCursor as string });
    expect(next.items.map((r) => [r.replenishmentId, r.status])).toEqual([
      [first.replenishment.replenishmentId, 'CLOSED'],
    ]);
    expect(productId).toBeTruthy();
  });

  it('plans what events missed, counts what is open, and summarises each store', async () => {
    const { low, sku } = await setUp({ replenishment: 'purchase_only' });
    const otherProduct = await newProduct(1);
    const second = otherProduct.skus[0] as string;
    await setReorderRule(admin, low, second, {
      reorderPoint: 1,
      reorderQuantity: 4,
      replenishment: 'notify_only',
    });
    const published: unknown[] = [];
    const now = new Date('2026-12-01T19:00:00Z');
    const result = await sweepReplenishments({ now, publish: async (s) => void published.push(...s) });
    const summary = result.summaries.find((s) => s.storeId === low);
    expect(summary).toEqual({
      storeId: low,
      sweptOn: '2026-12-01',
      belowReorderPoint: 2,
      outOfStock: 1,
      plannedNow: 1,
      alreadyOpen: 0,
      notPlanned: 1,
      failed: 0,
    });
    expect(published).toHaveLength(result.summaries.length);
    expect(await findGuard(low, sku)).toBeDefined();
    // The next run (or a retry) finds it open and plans nothing twice.
    const again = await sweepReplenishments({ now });
    expect(again.summaries.find((s) => s.storeId === low)).toMatchObject({ plannedNow: 0, alreadyOpen: 1 });
  });
});
