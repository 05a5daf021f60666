import { describe, expect, it } from 'vitest';
import { countOrderEvent } from '../../functions/reports/count-order-event.js';
import { setReorderRule } from '../../lib/inventory/inventory-service.js';
import { cancelOrder, recordPayment } from '../../lib/orders/order-lifecycle.js';
import { listOrders } from '../../lib/reports/cross-store-orders.js';
import { ListOrdersQuery } from '../../lib/reports/report-schemas.js';
import { stockReport } from '../../lib/reports/stock-report.js';
import { admin, managerOf } from '../support/fixtures.js';
import { place } from '../support/order-fixtures.js';
import {
  busEvent,
  pricedSku,
  reportedOrderEvents,
  sellingStoreIn,
  uniqueRegion,
} from '../support/report-fixtures.js';
import { finance } from '../support/stock-fixtures.js';

const paidOrder = async (storeId: string, sku: string, quantity: number, amount: number) => {
  const order = await place(admin, storeId, [{ sku, quantity }]);
  await recordPayment(admin, order.orderId, { method: 'card', amount });
  return order;
};

describe('stock report', () => {
  it('values stock at cost and lists low, out of stock, cover, slow movers and top sellers', async () => {
    const store = await sellingStoreIn(uniqueRegion());
    const lens = await pricedSku('contact-lenses', 4500, 2000, { [store]: 10 });
    const kase = await pricedSku('accessories', 1000, 300, { [store]: 2 });
    const slow = await pricedSku('accessories', 800, 250, { [store]: 7 });
    await setReorderRule(admin, store, lens.sku, { reorderPoint: 5, reorderQuantity: 10 });
    const orders = [await paidOrder(store, lens.sku, 6, 27000), await paidOrder(store, kase.sku, 2, 2000)];
    for (const event of await reportedOrderEvents(orders.map((order) => order.orderId)))
      await countOrderEvent(busEvent(event));

    const report = await stockReport(finance, { storeId: store });
    expect(report).toMatchObject({
      storeId: store,
      currency: 'AUD',
      // Paid, not yet fulfilled: still on hand (committed).
      units: 19,
      skus: 3,
      stockValue: 10 * 2000 + 2 * 300 + 7 * 250,
      atOrBelowReorderPoint: [{ sku: lens.sku, productId: lens.productId, available: 4, reorderPoint: 5 }],
      outOfStock: [{ sku: kase.sku, productId: kase.productId }],
      daysOfCover: [
        { sku: kase.sku, available: 0, soldLast28Days: 2, daysOfCover: 0 },
        { sku: lens.sku, available: 4, soldLast28Days: 6, daysOfCover: 18.7 },
      ],
      slowMovers: [{ sku: slow.sku, productId: slow.productId, available: 7 }],
      topSellers: [
        { sku: lens.sku, productId: lens.productId, units: 6, net: 27000 },
        { sku: kase.sku, productId: kase.productId, units: 2, net: 2000 },
      ],
    });
    expect(report.slowMovers[0]).not.toHaveProperty('lastSoldAt');
  });

  it('answers 404 for a store outside a manager’s scope', async () => {
    const region = uniqueRegion();
    const [mine, theirs] = [await sellingStoreIn(region), await sellingStoreIn(region)];
    await expect(stockReport(managerOf(mine), { storeId: theirs })).rejects.toMatchObject({ status: 404 });
    await expect(stockReport(finance, { storeId: 'st_nowhere' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('orders across stores', () => {
  it('merges the caller’s stores newest first, by status and time, page by page', async () => {
    const region = uniqueRegion();
    const stores = [await sellingStoreIn(region), await sellingStoreIn(region), await sellingStoreIn(region)];
    const [s0, s1, s2] = stores as [string, string, string];
    const lens = await pricedSku('contact-lenses', 100, 50, { [s0]: 50, [s1]: 50, [s2]: 50 });
    const placed: Awaited<ReturnType<typeof paidOrder>>[] = [];
    for (const storeId of [s0, s1, s2, s0, s1]) placed.push(await paidOrder(storeId, lens.sku, 1, 100));
    await cancelOrder(admin, placed[4]?.orderId ?? '', 'test');
    const ids = placed.map((order) => order.orderId);
    const newestFirst = [...ids].reverse();
    const from = placed[0]?.createdAt ?? '';

    const manager = managerOf(s0, s1);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOrders(
        manager,
        ListOrdersQuery.parse({ from, limit: 2, ...(cursor ? { cursor } : {}) }),
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((order) => order.orderId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const storeOf = new Map(placed.map((order) => [order.orderId, order.storeId]));
    expect(seen).toEqual(newestFirst.filter((id) => storeOf.get(id) !== s2));

    const paid = await listOrders(finance, ListOrdersQuery.parse({ from, status: 'PAID', limit: 100 }));
    expect(paid.items.map((order) => order.orderId).filter((id) => ids.includes(id))).toEqual(
      newestFirst.slice(1),
    );

    const upTo = placed[2]?.createdAt ?? '';
    const early = await listOrders(finance, ListOrdersQuery.parse({ from, to: upTo, limit: 100 }));
    expect(early.items.map((order) => order.orderId).filter((id) => ids.includes(id))).toEqual(
      ids.slice(0, 3).reverse(),
    );

    const one = await listOrders(finance, ListOrdersQuery.parse({ storeId: s2, limit: 100 }));
    expect(one.items.map((order) => order.orderId)).toEqual([placed[2]?.orderId]);
    await expect(listOrders(manager, ListOrdersQuery.parse({ storeId: s2 }))).rejects.toMatchObject({
      status: 404,
    });
  });

  it('refuses a cursor from another caller’s listing', async () => {
    const region = uniqueRegion();
    const [a, b] = [await sellingStoreIn(region), await sellingStoreIn(region)];
    const lens = await pricedSku('contact-lenses', 100, 50, { [a]: 5, [b]: 5 });
    for (const storeId of [a, a, b]) await paidOrder(storeId, lens.sku, 1, 100);
    const page = await listOrders(managerOf(a, b), ListOrdersQuery.parse({ limit: 1 }));
    expect(page.nextCursor).not.toBeNull();
    await expect(
      listOrders(managerOf(a), ListOrdersQuery.parse({ limit: 1, cursor: page.nextCursor ?? '' })),
    ).rejects.toMatchObject({ status: 400 });
  });
});
