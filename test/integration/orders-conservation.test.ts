import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { expireUnpaidOrders } from '../../lib/orders/order-expiry.js';
import { cancelOrder, completeOrder, fulfilOrder, recordPayment } from '../../lib/orders/order-lifecycle.js';
import { placeOrder } from '../../lib/orders/order-placement.js';
import { getOrder } from '../../lib/orders/order-queries.js';
import { refundOrder } from '../../lib/orders/order-refunds.js';
import type { OrderDetail } from '../../lib/orders/order-schemas.js';
import { admin } from '../support/fixtures.js';
import { idempotencyKey, newSellingStore, orderInput, staffAt } from '../support/order-fixtures.js';
import { movementSums, newProduct, quantities, receiveStock } from '../support/stock-fixtures.js';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const SEED = 20_310_501;
const ROUNDS = 14;
const OPS_PER_ROUND = 8;

describe('stock conservation under a randomized mixed workload', () => {
  it('keeps every quantity equal to its movements and to what the orders say, never negative', async () => {
    const rand = random(SEED);
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(rand() * items.length)];
    const stores = [await newSellingStore(), await newSellingStore()];
    const { productId, skus } = await newProduct(2);
    const received = new Map<string, number>();
    const receive = async (storeId: string, sku: string, quantity: number) => {
      await receiveStock(storeId, sku, productId, quantity);
      received.set(`${storeId}|${sku}`, (received.get(`${storeId}|${sku}`) ?? 0) + quantity);
    };
    for (const storeId of stores) for (const sku of skus) await receive(storeId, sku, 6);

    const orderIds: string[] = [];
    const known = new Map<string, OrderDetail>();
    let clock = new Date('2031-05-01T00:00:00.000Z').getTime();
    const outcomes: Record<string, number> = {};
    const expectedRejection = (error: unknown) =>
      error instanceof AppError && (error.status === 409 || error.status === 404) ? error.slug : undefined;

    const operation = async (now: Date): Promise<string> => {
      const roll = rand();
      const inStatus = (...statuses: string[]) =>
        orderIds.filter((id) => statuses.includes(known.get(id)?.status ?? ''));
      if (roll < 0.3) {
        const storeId = pick(stores) as string;
        const lines = skus
          .filter(() => rand() < 0.7)
          .map((sku) => ({ sku, quantity: 1 + Math.floor(rand() * 3) }));
        if (lines.length === 0) lines.push({ sku: pick(skus) as string, quantity: 1 });
        const { order } = await placeOrder(staffAt(storeId), orderInput(storeId, lines), idempotencyKey(), {
          now,
        });
        orderIds.push(order.orderId);
        known.set(order.orderId, order);
        return 'place';
      }
      if (roll < 0.45) {
        const id = pick(inStatus('PENDING_PAYMENT'));
        if (!id) return 'noop';
        const due = known.get(id)?.amountDue ?? 0;
        const amount = rand() < 0.7 ? due : Math.max(1, Math.floor(due / 2));
        known.set(id, await recordPayment(admin, id, { method: 'card', amount }, now));
        return 'pay';
      }
      if (roll < 0.57) {
        const id = pick(inStatus('PAID'));
        if (!id) return 'noop';
        known.set(id, await fulfilOrder(admin, id, {}, now));
        return 'fulfil';
      }
      if (roll < 0.65) {
        const id = pick(inStatus('FULFILLED'));
        if (!id) return 'noop';
        known.set(id, await completeOrder(admin, id, now));
        return 'complete';
      }
      if (roll < 0.75) {
        const id = pick(inStatus('PENDING_PAYMENT', 'PAID'));
        if (!id) return 'noop';
        known.set(id, await cancelOrder(admin, id, 'changed mind', now));
        return 'cancel';
      }
      if (roll < 0.87) {
        const id = pick(inStatus('FULFILLED', 'COMPLETED'));
        const order = id ? known.get(id) : undefined;
        const line = order ? pick(order.lines) : undefined;
        if (!id || !line) return 'noop';
        const restock = pick(['available', 'unavailable', 'none'] as const) ?? 'none';
        known.set(
          id,
          await refundOrder(
            admin,
            id,
            { lines: [{ sku: line.sku, quantity: 1 }], restock, reason: 'return' },
            now,
          ),
        );
        return 'refund';
      }
      if (roll < 0.95) {
        await expireUnpaidOrders(now);
        return 'expire';
      }
      await receive(pick(stores) as string, pick(skus) as string, 1 + Math.floor(rand() * 4));
      return 'receive';
    };

    for (let round = 0; round < ROUNDS; round++) {
      clock += 7 * 60_000;
      const now = new Date(clock);
      const results = await Promise.allSettled(Array.from({ length: OPS_PER_ROUND }, () => operation(now)));
      for (const result of results) {
        const outcome = result.status === 'fulfilled' ? result.value : expectedRejection(result.reason);
        if (!outcome) throw result.status === 'rejected' ? result.reason : new Error('unknown outcome');
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
      // Refresh what we know, so the next round picks orders by their real status.
      for (const id of orderIds) known.set(id, await getOrder(admin, id));
    }
    // One order left unpaid on purpose (its unit received first), so that the final expiry has
    // one to expire whatever the rounds' interleaving did to the unpaid ones.
    const [lastStore = '', lastSku = ''] = [stores[0], skus[0]];
    await receive(lastStore, lastSku, 1);
    const { order: unpaid } = await placeOrder(
      staffAt(lastStore),
      orderInput(lastStore, [{ sku: lastSku, quantity: 1 }]),
      idempotencyKey(),
      { now: new Date(clock) },
    );
    orderIds.push(unpaid.orderId);
    await expireUnpaidOrders(new Date(clock + 60 * 60_000));
    const finals = await Promise.all(orderIds.map((id) => getOrder(admin, id)));

    // The workload exercised every kind of change.
    expect(Object.keys(outcomes)).toEqual(
      expect.arrayContaining(['place', 'pay', 'fulfil', 'complete', 'cancel', 'refund', 'expire']),
    );
    expect(finals.find((order) => order.orderId === unpaid.orderId)?.cancelReason).toBe('expired');
    expect(finals.some((order) => order.status === 'PENDING_PAYMENT')).toBe(false);

    for (const storeId of stores) {
      for (const sku of skus) {
        const level = await quantities(storeId, sku);
        const moves = await movementSums(storeId, sku);
        const mine = finals.filter((order) => order.storeId === storeId);
        const qty = (order: OrderDetail) => order.lines.find((line) => line.sku === sku)?.quantity ?? 0;
        const returned = (restock: string[]) =>
          mine
            .flatMap((order) => order.refunds)
            .filter((refund) => restock.includes(refund.restock))
            .flatMap((refund) => refund.lines)
            .filter((line) => line.sku === sku)
            .reduce((sum, line) => sum + line.quantity, 0);
        const sold = mine
          .filter((order) => ['FULFILLED', 'COMPLETED'].includes(order.status))
          .reduce((sum, order) => sum + qty(order), 0);
        const held = mine
          .filter((order) => ['PENDING_PAYMENT', 'PAID'].includes(order.status))
          .reduce((sum, order) => sum + qty(order), 0);

        const where = `${storeId} ${sku}`;
        expect(
          { onHand: level.onHand, committed: level.committed, unavailable: level.unavailable },
          where,
        ).toEqual({
          onHand: moves.onHand,
          committed: moves.committed,
          unavailable: moves.unavailable,
        });
        expect(level.committed, where).toBe(held);
        expect(level.onHand, where).toBe(
          (received.get(`${storeId}|${sku}`) ?? 0) - sold + returned(['available', 'unavailable']),
        );
        expect(level.unavailable, where).toBe(returned(['unavailable']));
        expect(level.available, where).toBe(level.onHand - level.committed - level.unavailable);
        for (const value of Object.values(level)) expect(value, where).toBeGreaterThanOrEqual(0);
      }
    }
    for (const order of finals) {
      const paid = order.payments.reduce((sum, payment) => sum + payment.amount, 0);
      const refunded = order.refunds.reduce((sum, refund) => sum + refund.amount, 0);
      expect(order.amountPaid).toBe(paid);
      expect(order.amountRefunded).toBe(refunded);
      expect(refunded).toBeLessThanOrEqual(paid);
      expect(order.refundableAmount).toBe(paid - refunded);
      for (const line of order.lines) expect(line.refundedQuantity).toBeLessThanOrEqual(line.quantity);
    }
  });
});
