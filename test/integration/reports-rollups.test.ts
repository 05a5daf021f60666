import { describe, expect, it } from 'vitest';
import { countOrderEvent } from '../../functions/reports/count-order-event.js';
import { cancelOrder, fulfilOrder, recordPayment } from '../../lib/orders/order-lifecycle.js';
import { refundOrder } from '../../lib/orders/order-refunds.js';
import { utcDay } from '../../lib/reports/report-days.js';
import { SaleNotCountedYetError } from '../../lib/reports/rollup-consumer.js';
import { newReadMeter } from '../../lib/reports/rollup-reads.js';
import { salesReport } from '../../lib/reports/sales-report.js';
import { takingsReport } from '../../lib/reports/takings-report.js';
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

const today = utcDay(new Date());

/**
 * Two stores in a region of their own. At A: an in-store order of 2 lenses (4500, cost 2000)
 * and a case (1000, cost 300) paid 6000 card + 4000 cash; an online order of 1 lens paid by
 * card, fulfilled and refunded with the lens back in stock. At B: 3 cases paid cash then
 * cancelled (refunded), and an unpaid order cancelled (never counts).
 */
const scenario = async () => {
  const region = uniqueRegion();
  const a = await sellingStoreIn(region);
  const b = await sellingStoreIn(region);
  const lens = await pricedSku('contact-lenses', 4500, 2000, { [a]: 10 });
  const kase = await pricedSku('accessories', 1000, 300, { [a]: 10, [b]: 10 });

  const first = await place(admin, a, [
    { sku: lens.sku, quantity: 2 },
    { sku: kase.sku, quantity: 1 },
  ]);
  await recordPayment(admin, first.orderId, { method: 'card', amount: 6000 });
  await recordPayment(admin, first.orderId, { method: 'cash', amount: 4000 });

  const second = await place(admin, a, [{ sku: lens.sku, quantity: 1 }], { channel: 'online' });
  await recordPayment(admin, second.orderId, { method: 'card', amount: 4500 });
  await fulfilOrder(admin, second.orderId, {});
  await refundOrder(admin, second.orderId, {
    lines: [{ sku: lens.sku, quantity: 1 }],
    restock: 'available',
    reason: 'wrong power',
  });

  const third = await place(admin, b, [{ sku: kase.sku, quantity: 3 }]);
  await recordPayment(admin, third.orderId, { method: 'cash', amount: 3000 });
  await cancelOrder(admin, third.orderId, 'customer changed mind');

  const unpaid = await place(admin, b, [{ sku: kase.sku, quantity: 1 }]);
  await cancelOrder(admin, unpaid.orderId, 'walked out');

  const events = await reportedOrderEvents([first.orderId, second.orderId, third.orderId, unpaid.orderId]);
  return { region, a, b, lens, kase, orders: { first, second, third, unpaid }, events };
};

const figures = (values: Record<string, number>) => ({ currency: 'AUD', discounts: 0, ...values });

describe('report rollups from real order events', () => {
  it('count sales, refunds and a cancellation by store, channel, category and region, once', async () => {
    const { region, a, b, events } = await scenario();
    expect(events.map((event) => event.detailType).sort()).toEqual(
      [
        'Order.Cancelled',
        'Order.Cancelled',
        'Order.Paid',
        'Order.Paid',
        'Order.Paid',
        'Order.Refunded',
        'Order.Refunded',
      ].sort(),
    );
    for (const event of events) await countOrderEvent(busEvent(event));

    const sales = (groupBy: 'day' | 'store' | 'region' | 'category' | 'channel', storeId?: string) =>
      salesReport(finance, { from: today, to: today, groupBy, region, ...(storeId ? { storeId } : {}) });

    const byStore = await sales('store');
    const storeA = figures({
      orders: 2,
      units: 4,
      gross: 14500,
      net: 14500,
      refunds: 4500,
      cost: 4300,
      margin: 5700,
      averageBasket: 7250,
    });
    const storeB = figures({
      orders: 1,
      units: 3,
      gross: 3000,
      net: 3000,
      refunds: 3000,
      cost: 0,
      margin: 0,
      averageBasket: 3000,
    });
    expect(byStore.groups).toEqual(
      [
        { key: a, ...storeA },
        { key: b, ...storeB },
      ].sort((x, y) => (x.key < y.key ? -1 : 1)),
    );
    const all = figures({
      orders: 3,
      units: 7,
      gross: 17500,
      net: 17500,
      refunds: 7500,
      cost: 4300,
      margin: 5700,
      averageBasket: 5833,
    });
    expect(byStore.totals).toEqual([all]);
    expect((await sales('region')).groups).toEqual([{ key: region, ...all }]);
    expect((await sales('day')).groups).toEqual([{ key: today, ...all }]);

    expect((await sales('category', a)).groups).toEqual([
      {
        key: 'accessories',
        ...figures({
          orders: 1,
          units: 1,
          gross: 1000,
          net: 1000,
          refunds: 0,
          cost: 300,
          margin: 700,
          averageBasket: 1000,
        }),
      },
      {
        key: 'contact-lenses',
        ...figures({
          orders: 2,
          units: 3,
          gross: 13500,
          net: 13500,
          refunds: 4500,
          cost: 4000,
          margin: 5000,
          averageBasket: 6750,
        }),
      },
    ]);
    expect((await sales('channel', a)).groups).toEqual([
      {
        key: 'in_store',
        ...figures({
          orders: 1,
          units: 3,
          gross: 10000,
          net: 10000,
          refunds: 0,
          cost: 4300,
          margin: 5700,
          averageBasket: 10000,
        }),
      },
      {
        key: 'online',
        ...figures({
          orders: 1,
          units: 1,
          gross: 4500,
          net: 4500,
          refunds: 4500,
          cost: 0,
          margin: 0,
          averageBasket: 4500,
        }),
      },
    ]);

    const takings = await takingsReport(finance, { date: today });
    const ours = takings.stores.filter((store) => store.storeId === a || store.storeId === b);
    expect(ours).toEqual(
      [
        {
          storeId: a,
          currency: 'AUD',
          payments: [
            { method: 'card', amount: 10500, count: 2 },
            { method: 'cash', amount: 4000, count: 1 },
          ],
          refunds: [{ method: 'card', amount: 4500, count: 1 }],
          net: 10000,
          count: 4,
        },
        {
          storeId: b,
          currency: 'AUD',
          payments: [{ method: 'cash', amount: 3000, count: 1 }],
          refunds: [{ method: 'cash', amount: 3000, count: 1 }],
          net: 0,
          count: 2,
        },
      ].sort((x, y) => (x.storeId < y.storeId ? -1 : 1)),
    );

    // Redelivered, every event finds its markers: nothing counts twice.
    for (const event of events) {
      const outcome = await countOrderEvent(busEvent(event));
      expect(outcome.applied).toEqual([]);
    }
    expect((await sales('store')).groups).toEqual(byStore.groups);
    expect(
      (await takingsReport(finance, { date: today })).stores.filter(
        (s) => s.storeId === a || s.storeId === b,
      ),
    ).toEqual(ours);
  });

  it('retries a refund that arrives before its sale, then counts it once', async () => {
    const region = uniqueRegion();
    const store = await sellingStoreIn(region);
    const lens = await pricedSku('contact-lenses', 4500, 2000, { [store]: 5 });
    const order = await place(admin, store, [{ sku: lens.sku, quantity: 1 }]);
    await recordPayment(admin, order.orderId, { method: 'card', amount: 4500 });
    await fulfilOrder(admin, order.orderId, {});
    await refundOrder(admin, order.orderId, { amount: 500, restock: 'none', reason: 'scratched box' });
    const events = await reportedOrderEvents([order.orderId]);
    const refunded = events.find((event) => event.detailType === 'Order.Refunded');
    const paid = events.find((event) => event.detailType === 'Order.Paid');
    if (!refunded || !paid) throw new Error('expected Paid and Refunded');
    await expect(countOrderEvent(busEvent(refunded))).rejects.toBeInstanceOf(SaleNotCountedYetError);
    await countOrderEvent(busEvent(paid));
    await countOrderEvent(busEvent(refunded));
    const report = await salesReport(finance, { from: today, to: today, groupBy: 'store', storeId: store });
    expect(report.totals).toEqual([
      figures({
        orders: 1,
        units: 1,
        gross: 4500,
        net: 4500,
        refunds: 500,
        cost: 2000,
        margin: 2000,
        averageBasket: 4500,
      }),
    ]);
  });

  it('scopes managers to their stores and answers 404 for another store', async () => {
    const region = uniqueRegion();
    const mine = await sellingStoreIn(region);
    const theirs = await sellingStoreIn(region);
    const manager = managerOf(mine);
    const report = await salesReport(manager, { from: today, to: today, groupBy: 'store' });
    expect(report.groups.every((group) => group.key === mine)).toBe(true);
    await expect(
      salesReport(manager, { from: today, to: today, groupBy: 'day', storeId: theirs }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(takingsReport(manager, { date: today, storeId: theirs })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('reads the same for 5 orders as for 50 on the same days and stores', async () => {
    const store = await sellingStoreIn(uniqueRegion());
    const lens = await pricedSku('contact-lenses', 100, 50, { [store]: 1000 });
    const sell = async (count: number) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const order = await place(admin, store, [{ sku: lens.sku, quantity: 1 }]);
        await recordPayment(admin, order.orderId, { method: 'card', amount: 100 });
        ids.push(order.orderId);
      }
      for (const event of await reportedOrderEvents(ids)) await countOrderEvent(busEvent(event));
    };
    const measure = async () => {
      const meter = newReadMeter();
      const report = await salesReport(
        finance,
        { from: today, to: today, groupBy: 'category', storeId: store },
        meter,
      );
      return { meter, orders: report.totals[0]?.orders };
    };
    await sell(5);
    const few = await measure();
    await sell(45);
    const many = await measure();
    expect([few.orders, many.orders]).toEqual([5, 50]);
    expect(many.meter).toEqual(few.meter);
    expect(few.meter.queries).toBe(2);
    // DynamoDB's own count of the read capacity the Queries used, the same for ten times the orders.
    expect(few.meter.capacityUnits).toBeGreaterThan(0);
  });
});
