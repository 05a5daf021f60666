import { describe, expect, it } from 'vitest';
import { createProduct } from '../../lib/catalog/product-service.js';
import { promotionKeys } from '../../lib/db/keys.js';
import { getItem } from '../../lib/db/query-page.js';
import { getPointsStatement } from '../../lib/loyalty/points-service.js';
import {
  cancelOrder,
  completeOrder,
  fulfilOrder,
  recordPayment,
  recordPaymentOnce,
} from '../../lib/orders/order-lifecycle.js';
import { placeOrder } from '../../lib/orders/order-placement.js';
import { getOrder, listCustomerOrders, listStoreOrders } from '../../lib/orders/order-queries.js';
import { refundOrder, refundOrderOnce } from '../../lib/orders/order-refunds.js';
import { listAllStores } from '../../lib/stores/store-repository.js';
import { updateStore } from '../../lib/stores/store-service.js';
import { admin, managerOf, productInput, uniqueSuffix } from '../support/fixtures.js';
import {
  idempotencyKey,
  newCoupon,
  newCustomer,
  newSellingStore,
  orderInput,
  orderPartition,
  place,
  pointsBalance,
  staffAt,
  stockedSkus,
} from '../support/order-fixtures.js';
import { finance, movementReasons, movementSums, quantities } from '../support/stock-fixtures.js';

const pay = (actor: Parameters<typeof recordPayment>[0], orderId: string, amount: number) =>
  recordPayment(actor, orderId, { method: 'card', amount });

describe('placing orders', () => {
  it('prices from the catalog, commits stock and records the order in one transaction', async () => {
    const storeId = await newSellingStore();
    const { productId, skus } = await stockedSkus(storeId, [5, 3]);
    const [a, b] = skus as [string, string];
    const staff = staffAt(storeId);
    const { order, replayed } = await placeOrder(
      staff,
      orderInput(storeId, [
        { sku: a, quantity: 2 },
        { sku: b, quantity: 1 },
      ]),
      idempotencyKey(),
    );
    expect(replayed).toBe(false);
    expect(order).toMatchObject({
      storeId,
      status: 'PENDING_PAYMENT',
      currency: 'AUD',
      subtotal: 13_500,
      total: 13_500,
      amountDue: 13_500,
      version: 1,
      createdBy: 'test-till',
      payments: [],
      refunds: [],
    });
    expect(order.lines[0]).toMatchObject({
      sku: a,
      productId,
      unitPrice: 4500,
      quantity: 2,
      lineTotal: 9000,
    });
    expect(Date.parse(order.expiresAt) - Date.parse(order.createdAt)).toBe(30 * 60_000);
    expect(await quantities(storeId, a)).toMatchObject({ onHand: 5, committed: 2, available: 3 });
    expect(await quantities(storeId, b)).toMatchObject({ onHand: 3, committed: 1, available: 2 });
    expect(await movementReasons(storeId, a)).toEqual(['received', 'commit']);
    expect(await getOrder(staff, order.orderId)).toEqual(order);
  });

  it('answers a retry with the first order and reserves nothing twice; another body with the key is 422', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const sku = skus[0] as string;
    const key = idempotencyKey();
    const first = await placeOrder(admin, orderInput(storeId, [{ sku, quantity: 2 }]), key);
    const again = await placeOrder(admin, orderInput(storeId, [{ sku, quantity: 2 }]), key);
    expect(again).toEqual({ order: first.order, replayed: true });
    expect(await quantities(storeId, sku)).toMatchObject({ committed: 2, available: 3 });
    await expect(placeOrder(admin, orderInput(storeId, [{ sku, quantity: 3 }]), key)).rejects.toMatchObject({
      status: 422,
      slug: 'idempotency-key-reused',
    });
    // The key is per store: another store may use the same key.
    const otherStore = await newSellingStore();
    const other = await stockedSkus(otherStore, [1]);
    const elsewhere = await placeOrder(
      admin,
      orderInput(otherStore, [{ sku: other.skus[0] as string, quantity: 1 }]),
      key,
    );
    expect(elsewhere.replayed).toBe(false);
  });

  it('lists every short SKU with what is available, and writes nothing', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [1, 5, 0]);
    const [a, b, c] = skus as [string, string, string];
    const error = await placeOrder(
      admin,
      orderInput(storeId, [
        { sku: a, quantity: 2 },
        { sku: b, quantity: 5 },
        { sku: c, quantity: 1 },
      ]),
      idempotencyKey(),
    ).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      status: 409,
      slug: 'insufficient-stock',
      shortages: [
        { storeId, sku: a, requested: 2, available: 1 },
        { storeId, sku: c, requested: 1, available: 0 },
      ],
    });
    expect(await quantities(storeId, b)).toMatchObject({ committed: 0, available: 5 });
    expect((await listStoreOrders(admin, storeId, { limit: 10 })).items).toEqual([]);
  });

  it('rejects what the store cannot sell, naming the field', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const sku = skus[0] as string;
    const draft = await createProduct(admin, productInput({ status: 'draft' }));
    const usd = await createProduct(
      admin,
      productInput({
        variants: [{ sku: `USD-${uniqueSuffix()}`, options: {}, price: 100, cost: 50, currency: 'USD' }],
      }),
    );
    const attempt = (lines: { sku: string; quantity: number }[], extra = {}) =>
      placeOrder(admin, orderInput(storeId, lines, extra), idempotencyKey()).catch((e: unknown) => e);

    expect(await attempt([{ sku: 'NO-SUCH-SKU', quantity: 1 }])).toMatchObject({
      status: 400,
      errors: [{ path: 'body.lines[0].sku' }],
    });
    expect(
      await attempt([
        { sku, quantity: 1 },
        { sku: draft.variants[0]?.sku as string, quantity: 1 },
      ]),
    ).toMatchObject({
      status: 400,
      errors: [{ path: 'body.lines[1].sku', message: expect.stringContaining('draft') }],
    });
    expect(
      await attempt([
        { sku, quantity: 1 },
        { sku: usd.variants[0]?.sku as string, quantity: 1 },
      ]),
    ).toMatchObject({
      status: 400,
      errors: [{ path: 'body.lines[1].sku', message: expect.stringContaining('USD') }],
    });
    expect(await attempt([{ sku, quantity: 1 }], { channel: 'marketplace' })).toMatchObject({
      status: 400,
      errors: [{ path: 'body.channel' }],
    });
    expect(await attempt([{ sku, quantity: 1 }], { customerId: 'cu_nobody' })).toMatchObject({
      status: 400,
      errors: [{ path: 'body.customerId' }],
    });
    await expect(
      placeOrder(managerOf('st_elsewhere'), orderInput(storeId, [{ sku, quantity: 1 }]), idempotencyKey()),
    ).rejects.toMatchObject({ status: 404 });

    const store = (await listAllStores(100, undefined)).items.find((s) => s.storeId === storeId);
    await updateStore(admin, storeId, { status: 'closed' }, store?.version ?? 1);
    expect(await attempt([{ sku, quantity: 1 }])).toMatchObject({ status: 409, slug: 'store-closed' });
    expect(await quantities(storeId, sku)).toMatchObject({ committed: 0 });
  });

  it('applies coupons and redeems points, capped at the total', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const sku = skus[0] as string;
    const coupon = await newCoupon(10);
    const customerId = await newCustomer(100_000);
    const order = await place(admin, storeId, [{ sku, quantity: 2 }], {
      customerId,
      couponCode: coupon.code.toLowerCase(),
      pointsToRedeem: 1000,
    });
    expect(order).toMatchObject({
      subtotal: 9000,
      discountTotal: 900,
      pointsRedeemed: 1000,
      pointsDiscount: 1000,
      total: 7100,
      appliedPromotions: [{ promotionId: coupon.promotionId, amount: 900 }],
    });
    expect(order.lines[0]).toMatchObject({ lineTotal: 8100, allocatedDiscount: 1000, netTotal: 7100 });
    expect(await pointsBalance(customerId)).toBe(99_000);
    expect((await getItem(promotionKeys.item(coupon.promotionId)))?.usedCount).toBe(1);

    const free = await place(admin, storeId, [{ sku, quantity: 1 }], { customerId, pointsToRedeem: 90_000 });
    expect(free).toMatchObject({ total: 0, pointsRedeemed: 4500, status: 'PAID' });
    expect(await pointsBalance(customerId)).toBe(94_500);

    await expect(
      place(admin, storeId, [{ sku, quantity: 1 }], {
        customerId: await newCustomer(10),
        pointsToRedeem: 11,
      }),
    ).rejects.toMatchObject({ status: 409, slug: 'insufficient-points' });
  });
});

describe('the order lifecycle', () => {
  it('pays in parts, fulfils, completes with points, then refunds with restock and reversal', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [10, 10]);
    const [a, b] = skus as [string, string];
    const staff = staffAt(storeId);
    const manager = managerOf(storeId);
    const customerId = await newCustomer();
    const order = await place(
      staff,
      storeId,
      [
        { sku: a, quantity: 2 },
        { sku: b, quantity: 1 },
      ],
      { customerId },
    );
    expect(order.total).toBe(13_500);

    const part = await pay(staff, order.orderId, 5_000);
    expect(part).toMatchObject({
      status: 'PENDING_PAYMENT',
      amountPaid: 5_000,
      amountDue: 8_500,
      version: 2,
    });
    await expect(pay(staff, order.orderId, 8_501)).rejects.toMatchObject({
      status: 409,
      slug: 'payment-exceeds-due',
    });
    await expect(fulfilOrder(staff, order.orderId, {})).rejects.toMatchObject({
      status: 409,
      slug: 'invalid-state',
      extensions: { currentStatus: 'PENDING_PAYMENT' },
    });
    const paid = await pay(staff, order.orderId, 8_500);
    expect(paid).toMatchObject({
      status: 'PAID',
      amountDue: 0,
      amountPaid: 13_500,
      refundableAmount: 13_500,
    });
    expect(paid.payments.map((p) => p.amount)).toEqual([5_000, 8_500]);
    await expect(pay(staff, order.orderId, 1)).rejects.toMatchObject({ slug: 'invalid-state' });

    const fulfilled = await fulfilOrder(staff, order.orderId, {
      carrier: 'AusPost',
      trackingNumber: 'AP123',
    });
    expect(fulfilled).toMatchObject({
      status: 'FULFILLED',
      fulfilment: { carrier: 'AusPost', trackingNumber: 'AP123' },
    });
    expect(await quantities(storeId, a)).toMatchObject({ onHand: 8, committed: 0, available: 8 });

    // A refund before completion: points are then earned on what was kept.
    const early = await refundOrder(manager, order.orderId, {
      lines: [{ sku: b, quantity: 1 }],
      restock: 'unavailable',
      reason: 'scratched',
    });
    expect(early).toMatchObject({ amountRefunded: 4_500, refundableAmount: 9_000 });
    expect(await quantities(storeId, b)).toMatchObject({ onHand: 10, unavailable: 1, available: 9 });

    const completed = await completeOrder(staff, order.orderId);
    expect(completed).toMatchObject({ status: 'COMPLETED', pointsEarned: 90 });
    expect(await pointsBalance(customerId)).toBe(90);

    const refunded = await refundOrder(manager, order.orderId, {
      lines: [{ sku: a, quantity: 1 }],
      restock: 'available',
      reason: 'changed mind',
    });
    expect(refunded).toMatchObject({ amountRefunded: 9_000, refundableAmount: 4_500, pointsEarned: 45 });
    expect(refunded.refunds.at(-1)).toMatchObject({
      amount: 4_500,
      pointsReversed: 45,
      pointsNotReversed: 0,
    });
    expect(refunded.lines.map((line) => line.refundedQuantity)).toEqual([1, 1]);
    expect(await pointsBalance(customerId)).toBe(45);
    expect(await quantities(storeId, a)).toMatchObject({ onHand: 9, available: 9 });
    expect(await movementReasons(storeId, a)).toEqual(['received', 'commit', 'sale', 'return']);

    await expect(
      refundOrder(manager, order.orderId, { lines: [{ sku: b, quantity: 1 }], restock: 'none', reason: 'x' }),
    ).rejects.toMatchObject({ status: 409, slug: 'refund-exceeds-sold' });
    await expect(
      refundOrder(manager, order.orderId, { amount: 4_501, restock: 'none', reason: 'x' }),
    ).rejects.toMatchObject({ status: 409, slug: 'refund-exceeds-paid' });
    await expect(completeOrder(staff, order.orderId)).rejects.toMatchObject({ slug: 'invalid-state' });
    expect((await orderPartition(order.orderId)).map((item) => item.entityType).sort()).toEqual([
      'Order',
      'Payment',
      'Payment',
      'Refund',
      'Refund',
    ]);
  });

  it('never takes a balance below zero: points already spent are recorded as not reversed', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const sku = skus[0] as string;
    const customerId = await newCustomer();
    const order = await place(admin, storeId, [{ sku, quantity: 2 }], { customerId });
    await pay(admin, order.orderId, order.total);
    await fulfilOrder(admin, order.orderId, {});
    await completeOrder(admin, order.orderId);
    expect(await pointsBalance(customerId)).toBe(90);
    await place(admin, storeId, [{ sku, quantity: 1 }], { customerId, pointsToRedeem: 80 });
    const refunded = await refundOrder(admin, order.orderId, {
      amount: order.total,
      restock: 'none',
      reason: 'x',
    });
    expect(refunded.refunds[0]).toMatchObject({ pointsReversed: 10, pointsNotReversed: 80 });
    expect(await pointsBalance(customerId)).toBe(0);
  });

  it('gives redeemed points back with returned units, netted against points taken back', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const sku = skus[0] as string;
    const customerId = await newCustomer(1000);
    const order = await place(admin, storeId, [{ sku, quantity: 2 }], { customerId, pointsToRedeem: 1000 });
    expect(order).toMatchObject({ subtotal: 9_000, pointsRedeemed: 1000, total: 8_000 });
    expect(await pointsBalance(customerId)).toBe(0);
    await pay(admin, order.orderId, order.total);
    await fulfilOrder(admin, order.orderId, {});

    // Half the goods come back: half the money paid and half the points redeemed.
    const first = await refundOrder(admin, order.orderId, {
      lines: [{ sku, quantity: 1 }],
      restock: 'available',
      reason: 'changed mind',
    });
    expect(first.refunds[0]).toMatchObject({ amount: 4_000, pointsReturned: 500, pointsReversed: 0 });
    expect(await pointsBalance(customerId)).toBe(500);

    // Completed on what was kept (40 points), then the rest comes back: +500 returned, −40 taken back.
    await completeOrder(admin, order.orderId);
    expect(await pointsBalance(customerId)).toBe(540);
    const second = await refundOrder(admin, order.orderId, {
      lines: [{ sku, quantity: 1 }],
      restock: 'available',
      reason: 'faulty',
    });
    expect(second.refunds[1]).toMatchObject({ amount: 4_000, pointsReturned: 500, pointsReversed: 40 });
    expect(second).toMatchObject({ amountRefunded: 8_000, pointsEarned: 0 });
    expect(await pointsBalance(customerId)).toBe(1000);

    const statement = await getPointsStatement(customerId, { limit: 100 });
    const refundEntries = statement.entries.filter((entry) => entry.reference?.type === 'refund');
    expect(refundEntries.map((entry) => entry.delta).sort((a, b) => a - b)).toEqual([-40, 500, 500]);
    expect(statement.entries.reduce((total, entry) => total + entry.delta, 0)).toBe(statement.balance);
  });

  it('cancels an unpaid or paid order, giving back stock, coupon use, points and money', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const sku = skus[0] as string;
    const coupon = await newCoupon(5);
    const customerId = await newCustomer(500);
    const order = await place(admin, storeId, [{ sku, quantity: 3 }], {
      customerId,
      couponCode: coupon.code,
      pointsToRedeem: 500,
    });
    await pay(admin, order.orderId, 1000);
    const cancelled = await cancelOrder(managerOf(storeId), order.orderId, 'customer left');
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'customer left',
      amountDue: 0,
      amountRefunded: 1000,
      refundableAmount: 0,
    });
    expect(cancelled.refunds).toMatchObject([{ amount: 1000, lines: [], restock: 'none' }]);
    expect(await quantities(storeId, sku)).toMatchObject({ onHand: 5, committed: 0, available: 5 });
    expect(await pointsBalance(customerId)).toBe(500);
    expect((await getItem(promotionKeys.item(coupon.promotionId)))?.usedCount).toBe(0);
    expect(await movementReasons(storeId, sku)).toEqual(['received', 'commit', 'release']);
    await expect(cancelOrder(admin, order.orderId, 'again')).rejects.toMatchObject({
      slug: 'invalid-state',
      extensions: { currentStatus: 'CANCELLED' },
    });
    await expect(
      refundOrder(admin, order.orderId, { amount: 1, restock: 'none', reason: 'x' }),
    ).rejects.toMatchObject({
      slug: 'invalid-state',
    });

    const paid = await place(admin, storeId, [{ sku, quantity: 1 }]);
    await pay(admin, paid.orderId, paid.total);
    await fulfilOrder(admin, paid.orderId, {});
    await expect(cancelOrder(admin, paid.orderId, 'too late')).rejects.toMatchObject({
      slug: 'invalid-state',
    });
  });

  it('lets staff cancel only orders with nothing paid: cancelling a paid one would refund it', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const sku = skus[0] as string;
    const staff = staffAt(storeId);
    const unpaid = await place(staff, storeId, [{ sku, quantity: 1 }]);
    expect(await cancelOrder(staff, unpaid.orderId, 'changed mind')).toMatchObject({ status: 'CANCELLED' });

    // Part-paid (PENDING_PAYMENT) and paid orders both have money to give back.
    const partPaid = await place(staff, storeId, [{ sku, quantity: 1 }]);
    await pay(staff, partPaid.orderId, 100);
    const paid = await place(staff, storeId, [{ sku, quantity: 2 }]);
    await pay(staff, paid.orderId, paid.total);
    for (const order of [partPaid, paid]) {
      const before = await getOrder(admin, order.orderId);
      const stockBefore = await quantities(storeId, sku);
      await expect(cancelOrder(staff, order.orderId, 'refund me')).rejects.toMatchObject({
        status: 403,
        slug: 'forbidden',
      });
      expect(await getOrder(admin, order.orderId)).toEqual(before);
      expect(await quantities(storeId, sku)).toEqual(stockBefore);
    }
    const cancelled = await cancelOrder(managerOf(storeId), paid.orderId, 'refund me');
    expect(cancelled).toMatchObject({ status: 'CANCELLED', amountRefunded: paid.total, refundableAmount: 0 });
    expect(cancelled.refunds).toMatchObject([{ amount: paid.total }]);
    expect(await quantities(storeId, sku)).toMatchObject({ committed: 1 });
  });

  it('hides other stores’ orders as 404 and never double-counts concurrent payments', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const order = await place(admin, storeId, [{ sku: skus[0] as string, quantity: 1 }]);
    const stranger = staffAt('st_other');
    await expect(getOrder(stranger, order.orderId)).rejects.toMatchObject({ status: 404 });
    await expect(pay(stranger, order.orderId, 1)).rejects.toMatchObject({ status: 404 });
    await expect(cancelOrder(stranger, order.orderId, 'x')).rejects.toMatchObject({ status: 404 });
    await expect(getOrder(admin, 'or_missing')).rejects.toMatchObject({ status: 404 });

    const results = await Promise.allSettled(Array.from({ length: 6 }, () => pay(admin, order.orderId, 900)));
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const final = await getOrder(admin, order.orderId);
    expect(ok).toBe(5);
    const statuses = results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as { status: number }).status] : [],
    );
    expect(statuses).toEqual([409]);
    expect(final).toMatchObject({ status: 'PAID', amountPaid: 4500, amountDue: 0 });
    expect(final.payments.reduce((sum, p) => sum + p.amount, 0)).toBe(4500);
  });
});

describe('idempotent payments and refunds', () => {
  it('records a retried payment once, even when retries race or arrive after the order is PAID', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const order = await place(admin, storeId, [{ sku: skus[0] as string, quantity: 2 }]);
    const key = idempotencyKey();
    const half = { method: 'card' as const, amount: order.total / 2 };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => recordPaymentOnce(admin, order.orderId, half, key)),
    );
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    const rest = await recordPaymentOnce(admin, order.orderId, half, idempotencyKey());
    expect(rest.value).toMatchObject({ status: 'PAID', amountDue: 0 });
    // The first key retried after the order is PAID: answered, not a 409 for paying a paid order.
    const late = await recordPaymentOnce(admin, order.orderId, half, key);
    expect(late).toMatchObject({ replayed: true, value: { status: 'PAID' } });
    expect(late.value.payments).toHaveLength(2);
    await expect(
      recordPaymentOnce(admin, order.orderId, { ...half, method: 'cash' }, key),
    ).rejects.toMatchObject({ status: 422 });
    // Without a key a payment is simply recorded (here refused: nothing is due any more).
    await expect(recordPaymentOnce(admin, order.orderId, half, undefined)).rejects.toMatchObject({
      status: 409,
    });
  });

  it('pays a retried refund out once', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const sku = skus[0] as string;
    const order = await place(admin, storeId, [{ sku, quantity: 2 }]);
    await pay(admin, order.orderId, order.total);
    await fulfilOrder(admin, order.orderId, {});
    const key = idempotencyKey();
    const input = { lines: [{ sku, quantity: 1 }], restock: 'available' as const, reason: 'faulty' };
    const [first, retry] = await Promise.all([
      refundOrderOnce(admin, order.orderId, input, key),
      refundOrderOnce(admin, order.orderId, input, key),
    ]);
    expect([first.replayed, retry.replayed].sort()).toEqual([false, true]);
    const now = await getOrder(admin, order.orderId);
    expect(now.refunds).toHaveLength(1);
    expect(now.amountRefunded).toBe(order.total / 2);
    expect(await quantities(storeId, sku)).toMatchObject({ onHand: 4 });
  });
});

describe('listing orders', () => {
  it('lists a store’s orders newest first, by status and time range, page by page', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [50]);
    const sku = skus[0] as string;
    const times = ['2030-01-01T09:00:00.000Z', '2030-01-01T10:00:00.000Z', '2030-01-01T11:00:00.000Z'];
    const orders = [];
    for (const at of times) {
      orders.push(
        (
          await placeOrder(admin, orderInput(storeId, [{ sku, quantity: 1 }]), idempotencyKey(), {
            now: new Date(at),
          })
        ).order,
      );
    }
    await pay(admin, orders[1]?.orderId as string, 4500);
    const ids = (page: { items: { orderId: string }[] }) => page.items.map((o) => o.orderId);
    const [o1, o2, o3] = orders.map((o) => o.orderId);

    expect(ids(await listStoreOrders(admin, storeId, { limit: 10 }))).toEqual([o3, o2, o1]);
    expect(ids(await listStoreOrders(admin, storeId, { limit: 10, status: 'PENDING_PAYMENT' }))).toEqual([
      o3,
      o1,
    ]);
    expect(ids(await listStoreOrders(admin, storeId, { limit: 10, status: 'PAID' }))).toEqual([o2]);
    expect(
      ids(
        await listStoreOrders(admin, storeId, {
          limit: 10,
          from: '2030-01-01T10:00:00Z',
          to: '2030-01-01T21:00:00+10:00',
        }),
      ),
    ).toEqual([o3, o2]);
    expect(ids(await listStoreOrders(admin, storeId, { limit: 10, to: '2030-01-01T10:00:00Z' }))).toEqual([
      o2,
      o1,
    ]);
    expect(ids(await listStoreOrders(admin, storeId, { limit: 10, from: '2030-01-01T10:30:00Z' }))).toEqual([
      o3,
    ]);

    const first = await listStoreOrders(admin, storeId, { limit: 2 });
    expect(ids(first)).toEqual([o3, o2]);
    const second = await listStoreOrders(admin, storeId, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(ids(second)).toEqual([o1]);
    await expect(
      listStoreOrders(admin, storeId, { limit: 2, status: 'PAID', cursor: first.nextCursor ?? undefined }),
    ).rejects.toMatchObject({ status: 400 });
    expect(() => listStoreOrders(staffAt('st_other'), storeId, { limit: 10 })).toThrow(/not found/);
  });

  it('lists a customer’s orders across stores for admin and finance, only their stores’ for others', async () => {
    const [storeA, storeB] = [await newSellingStore(), await newSellingStore()];
    const stockA = await stockedSkus(storeA, [5]);
    const stockB = await stockedSkus(storeB, [5]);
    const customerId = await newCustomer();
    const atA = await place(admin, storeA, [{ sku: stockA.skus[0] as string, quantity: 1 }], { customerId });
    const atB = await place(admin, storeB, [{ sku: stockB.skus[0] as string, quantity: 1 }], { customerId });
    await place(admin, storeA, [{ sku: stockA.skus[0] as string, quantity: 1 }]);
    const ids = async (principal: Parameters<typeof listCustomerOrders>[0]) =>
      (await listCustomerOrders(principal, customerId, { limit: 25 })).items.map((o) => o.orderId);

    expect(await ids(admin)).toEqual([atB.orderId, atA.orderId]);
    expect(await ids(finance)).toEqual([atB.orderId, atA.orderId]);
    expect(await ids(staffAt(storeA))).toEqual([atA.orderId]);
    expect(await ids(managerOf(storeB, 'st_x'))).toEqual([atB.orderId]);

    const page = await listCustomerOrders(admin, customerId, { limit: 1 });
    expect(page.items.map((o) => o.orderId)).toEqual([atB.orderId]);
    const next = await listCustomerOrders(admin, customerId, {
      limit: 1,
      cursor: page.nextCursor ?? undefined,
    });
    expect(next.items.map((o) => o.orderId)).toEqual([atA.orderId]);
    await expect(
      listCustomerOrders(staffAt(storeA), customerId, { limit: 1, cursor: page.nextCursor ?? undefined }),
    ).rejects.toMatchObject({ status: 400 });
    expect(JSON.stringify(await listCustomerOrders(admin, customerId, { limit: 5 }))).not.toMatch(/gsi|"pk"/);
  });

  it('pages a store-scoped caller through a customer’s orders in their stores exactly, newest first', async () => {
    const [storeA, storeB, storeC] = [
      await newSellingStore(),
      await newSellingStore(),
      await newSellingStore(),
    ];
    const skuAt = async (storeId: string) => (await stockedSkus(storeId, [20])).skus[0] as string;
    const skus = {
      [storeA]: await skuAt(storeA),
      [storeB]: await skuAt(storeB),
      [storeC]: await skuAt(storeC),
    };
    const customerId = await newCustomer();
    // Interleaved across the stores; many at storeC, which the manager cannot see.
    const placed: { orderId: string; storeId: string }[] = [];
    for (const storeId of [storeA, storeC, storeC, storeB, storeC, storeA, storeC, storeB]) {
      const order = await place(admin, storeId, [{ sku: skus[storeId] as string, quantity: 1 }], {
        customerId,
      });
      placed.push({ orderId: order.orderId, storeId });
    }
    const manager = managerOf(storeA, storeB);
    const expected = placed
      .filter(({ storeId }) => storeId !== storeC)
      .map(({ orderId }) => orderId)
      .reverse();
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listCustomerOrders(manager, customerId, { limit: 2, cursor });
      // Every page but the last is full: no filter can leave it short.
      if (page.nextCursor) expect(page.items).toHaveLength(2);
      seen.push(...page.items.map((order) => order.orderId));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(pages).toBe(2);
    // A cursor of this listing is refused by another caller's (other stores) listing.
    const first = await listCustomerOrders(manager, customerId, { limit: 1 });
    await expect(
      listCustomerOrders(staffAt(storeA), customerId, { limit: 1, cursor: first.nextCursor ?? undefined }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe('movements', () => {
  it('keeps each quantity equal to the sum of its movements', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [4]);
    const sku = skus[0] as string;
    const order = await place(admin, storeId, [{ sku, quantity: 2 }]);
    await pay(admin, order.orderId, order.total);
    await fulfilOrder(admin, order.orderId, {});
    await refundOrder(admin, order.orderId, {
      lines: [{ sku, quantity: 1 }],
      restock: 'unavailable',
      reason: 'x',
    });
    const level = await quantities(storeId, sku);
    const sums = await movementSums(storeId, sku);
    expect(level).toMatchObject({
      onHand: sums.onHand,
      committed: sums.committed,
      unavailable: sums.unavailable,
    });
    expect(level).toMatchObject({ onHand: 3, committed: 0, unavailable: 1, available: 2 });
  });
});
