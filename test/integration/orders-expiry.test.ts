import { readFileSync } from 'node:fs';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/orders/expire-unpaid-orders.js';
import { expireUnpaidOrders } from '../../lib/orders/order-expiry.js';
import { recordPayment } from '../../lib/orders/order-lifecycle.js';
import { placeOrder } from '../../lib/orders/order-placement.js';
import { getOrder } from '../../lib/orders/order-queries.js';
import type { OrderDetail } from '../../lib/orders/order-schemas.js';
import { admin } from '../support/fixtures.js';
import { idempotencyKey, newSellingStore, orderInput, stockedSkus } from '../support/order-fixtures.js';
import { movementReasons, movementSums, quantities } from '../support/stock-fixtures.js';

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

const placeAt = async (storeId: string, sku: string, quantity: number, at: Date) =>
  (await placeOrder(admin, orderInput(storeId, [{ sku, quantity }]), idempotencyKey(), { now: at })).order;

describe('expiring unpaid orders', () => {
  it('cancels orders past their time to pay, once, releasing their stock and refunding part payments', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [10]);
    const sku = skus[0] as string;
    const t0 = new Date('2031-03-01T00:00:00.000Z');
    const old = await placeAt(storeId, sku, 2, t0);
    const partPaid = await placeAt(storeId, sku, 1, minutes(t0, 1));
    const fresh = await placeAt(storeId, sku, 3, minutes(t0, 20));
    await recordPayment(admin, partPaid.orderId, { method: 'cash', amount: 1000 }, minutes(t0, 2));
    expect(await quantities(storeId, sku)).toMatchObject({ committed: 6, available: 4 });

    const now = minutes(t0, 35);
    const summary = await expireUnpaidOrders(now);
    expect(summary).toMatchObject({ expired: 2, skipped: 0, failed: 0 });
    expect(await getOrder(admin, old.orderId)).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'expired',
      updatedBy: 'system:expire-unpaid-orders',
    });
    expect(await getOrder(admin, partPaid.orderId)).toMatchObject({
      status: 'CANCELLED',
      amountRefunded: 1000,
      refunds: [{ amount: 1000, restock: 'none' }],
    });
    expect(await getOrder(admin, fresh.orderId)).toMatchObject({ status: 'PENDING_PAYMENT' });
    expect(await quantities(storeId, sku)).toMatchObject({ onHand: 10, committed: 3, available: 7 });

    expect(await expireUnpaidOrders(now)).toMatchObject({ candidates: 0, expired: 0 });
    expect(await expireUnpaidOrders(minutes(t0, 51))).toMatchObject({ expired: 1 });
    expect(await quantities(storeId, sku)).toMatchObject({ committed: 0, available: 10 });
    expect((await movementReasons(storeId, sku)).filter((reason) => reason === 'release')).toHaveLength(3);
  });

  it('releases stock exactly once when two runs overlap and payments race them', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [100]);
    const sku = skus[0] as string;
    const t0 = new Date('2031-04-01T00:00:00.000Z');
    const orders: OrderDetail[] = [];
    for (let i = 0; i < 12; i++) orders.push(await placeAt(storeId, sku, 1 + (i % 3), minutes(t0, i % 2)));
    const now = minutes(t0, 45);

    const pay = (order: (typeof orders)[number]) =>
      recordPayment(admin, order.orderId, { method: 'card', amount: order.total }, now);
    // Paid before the runs (must survive), racing them (either way, cleanly), after them (must fail).
    const before = await Promise.all(orders.slice(0, 4).map(pay));
    const [runA, runB, ...racing] = await Promise.allSettled([
      expireUnpaidOrders(now),
      expireUnpaidOrders(now),
      ...orders.slice(4, 8).map(pay),
    ]);
    const late = await Promise.allSettled(orders.slice(8).map(pay));
    expect(runA?.status).toBe('fulfilled');
    expect(runB?.status).toBe('fulfilled');
    expect(before.every((order) => order.status === 'PAID')).toBe(true);
    for (const payment of [...racing, ...late]) {
      if (payment.status === 'rejected')
        expect(payment.reason).toMatchObject({ status: 409, slug: 'invalid-state' });
    }
    expect(late.every((payment) => payment.status === 'rejected')).toBe(true);

    const finals = await Promise.all(orders.map((order) => getOrder(admin, order.orderId)));
    const cancelled = finals.filter((order) => order.status === 'CANCELLED');
    const kept = finals.filter((order) => order.status === 'PAID');
    expect(cancelled.length + kept.length).toBe(12);
    expect(kept.length).toBe(4 + racing.filter((p) => p.status === 'fulfilled').length);
    const expiredByRuns = [runA, runB].reduce(
      (sum, run) => sum + (run?.status === 'fulfilled' ? run.value.expired : 0),
      0,
    );
    expect(expiredByRuns).toBe(cancelled.length);
    for (const order of cancelled) expect(order.payments).toEqual([]);

    const committedForPaid = kept.reduce((sum, order) => sum + (order.lines[0]?.quantity ?? 0), 0);
    expect(await quantities(storeId, sku)).toMatchObject({ onHand: 100, committed: committedForPaid });
    const sums = await movementSums(storeId, sku);
    expect(sums.committed).toBe(committedForPaid);
    expect((await movementReasons(storeId, sku)).filter((reason) => reason === 'release')).toHaveLength(
      cancelled.length,
    );
  });

  it('runs as a scheduled function with the Powertools chain', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [3]);
    const order = await placeAt(storeId, skus[0] as string, 1, minutes(new Date(), -120));
    const event = JSON.parse(
      readFileSync(new URL('../../events/scheduled/expire-unpaid-orders.json', import.meta.url), 'utf8'),
    ) as ScheduledEvent;
    const context = { awsRequestId: 'it', functionName: 'expire', getRemainingTimeInMillis: () => 60_000 };
    const summary = await handler(event, context as unknown as Context);
    expect(summary).toMatchObject({ failed: 0 });
    expect(summary.expired).toBeGreaterThanOrEqual(1);
    expect(await getOrder(admin, order.orderId)).toMatchObject({ status: 'CANCELLED' });
  });
});
