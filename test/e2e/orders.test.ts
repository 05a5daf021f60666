import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/customers/customer-schemas.js';
import type { InventoryLevel } from '../../lib/inventory/inventory-schemas.js';
import type { Order, OrderDetail } from '../../lib/orders/order-schemas.js';
import { customerInput } from '../support/customer-fixtures.js';
import { api, errorPaths, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createProduct, createStore } from '../support/e2e-resources.js';

type Page<T> = { items: T[]; nextCursor: string | null };
type Line = { sku: string; quantity: number };

let admin: string;
let finance: string;
let storeA: string;
let storeB: string;
let staffA: string;
let managerA: string;
let staffB: string;
let skus: [string, string];
let customerId: string;

const key = () => `e2e-${randomUUID()}`;
const withKey = (idempotencyKey: string) => ({ 'idempotency-key': idempotencyKey });
const orderBody = (storeId: string, lines: Line[], extra: Record<string, unknown> = {}) => ({
  storeId,
  channel: 'in_store',
  lines,
  ...extra,
});

const place = async (token: string, storeId: string, lines: Line[], extra: Record<string, unknown> = {}) =>
  expectSuccess(
    await api<OrderDetail>('POST', '/orders', {
      token,
      body: orderBody(storeId, lines, extra),
      headers: withKey(key()),
    }),
    201,
  );

const level = async (storeId: string, sku: string) =>
  expectSuccess(
    await api<InventoryLevel>('GET', `/stores/${storeId}/inventory/${sku}`, { token: admin }),
    200,
  );

const receive = async (storeId: string, sku: string, delta: number) =>
  expectSuccess(
    await api('POST', `/stores/${storeId}/inventory/${sku}/adjustments`, {
      token: admin,
      body: { delta, reason: 'received' },
    }),
    201,
  );

const post = (token: string, path: string, body?: unknown) =>
  api<OrderDetail>('POST', path, { token, ...(body === undefined ? {} : { body }) });

beforeAll(async () => {
  admin = await tokenFor('admin');
  finance = await tokenFor('finance');
  storeA = (await createStore(admin, { name: 'Orders A', channels: ['in_store', 'online'] })).storeId;
  storeB = (await createStore(admin, { name: 'Orders B' })).storeId;
  staffA = await tokenFor('staff', [storeA]);
  managerA = await tokenFor('manager', [storeA]);
  staffB = await tokenFor('staff', [storeB]);
  const product = await createProduct(admin, { status: 'active' });
  skus = product.variants.map((variant) => variant.sku) as [string, string];
  await receive(storeA, skus[0], 20);
  await receive(storeA, skus[1], 1);
  await receive(storeB, skus[0], 5);
  customerId = expectSuccess(
    await api<Customer>('POST', '/customers', { token: admin, body: customerInput() }),
    201,
  ).customerId;
});

describe('placing orders over HTTP', () => {
  it('places an order with ETag and Location; a retry with the same key answers it again, reserving once', async () => {
    const idempotencyKey = key();
    const body = orderBody(storeA, [{ sku: skus[0], quantity: 2 }]);
    const before = await level(storeA, skus[0]);
    const created = await api<OrderDetail>('POST', '/orders', {
      token: staffA,
      body,
      headers: withKey(idempotencyKey),
    });
    const order = expectSuccess(created, 201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/orders/${order.orderId}`);
    expect(order).toMatchObject({ storeId: storeA, status: 'PENDING_PAYMENT', currency: 'AUD', version: 1 });
    expect(order.total).toBe(order.subtotal - order.discountTotal - order.pointsDiscount);
    expect(order.lines[0]).toMatchObject({ sku: skus[0], quantity: 2, unitPrice: 4500 });

    const replay = await api<OrderDetail>('POST', '/orders', {
      token: staffA,
      body,
      headers: withKey(idempotencyKey),
    });
    expect(expectSuccess(replay, 200)).toEqual(order);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await level(storeA, skus[0])).toMatchObject({ committed: before.committed + 2 });

    const fetched = await api<OrderDetail>('GET', `/orders/${order.orderId}`, { token: finance });
    expect(expectSuccess(fetched, 200)).toEqual(order);
    expect(fetched.headers.etag).toBe('"1"');
  });

  it('needs an Idempotency-Key, and refuses one reused with another body (422)', async () => {
    const body = orderBody(storeA, [{ sku: skus[0], quantity: 1 }]);
    const missing = await rejected('POST', '/orders', 400, { token: staffA, body });
    expect(errorPaths(missing)).toEqual(['headers.idempotency-key']);
    const short = await rejected('POST', '/orders', 400, { token: staffA, body, headers: withKey('abc') });
    expect(errorPaths(short)).toEqual(['headers.idempotency-key']);

    const idempotencyKey = key();
    expectSuccess(
      await api('POST', '/orders', { token: staffA, body, headers: withKey(idempotencyKey) }),
      201,
    );
    const reused = await rejected('POST', '/orders', 422, {
      token: staffA,
      body: { ...body, lines: [{ sku: skus[0], quantity: 3 }] },
      headers: withKey(idempotencyKey),
    });
    expect(reused.type).toBe('/problems/idempotency-key-reused');
  });

  it('names each bad field, and never accepts a price', async () => {
    const bad = async (body: unknown) =>
      errorPaths(await rejected('POST', '/orders', 400, { token: staffA, body, headers: withKey(key()) }));
    expect(await bad(orderBody(storeA, [{ sku: skus[0], quantity: 0 }]))).toEqual(['body.lines[0].quantity']);
    expect(await bad(orderBody(storeA, [{ sku: skus[0], quantity: 1, unitPrice: 1 } as Line]))).toEqual([
      'body.lines[0].unitPrice',
    ]);
    expect(await bad(orderBody(storeA, [{ sku: skus[0], quantity: 1 }], { channel: 'fax' }))).toEqual([
      'body.channel',
    ]);
    expect(
      await bad(
        orderBody(storeA, [
          { sku: skus[0], quantity: 1 },
          { sku: skus[0], quantity: 1 },
        ]),
      ),
    ).toEqual(['body.lines[1].sku']);
    expect(await bad(orderBody(storeA, [{ sku: 'NO-SUCH-SKU', quantity: 1 }]))).toEqual([
      'body.lines[0].sku',
    ]);
    expect(await bad(orderBody(storeA, [{ sku: skus[0], quantity: 1 }], { channel: 'marketplace' }))).toEqual(
      ['body.channel'],
    );
    expect(await bad(orderBody(storeA, [{ sku: skus[0], quantity: 1 }], { pointsToRedeem: 10 }))).toEqual([
      'body.pointsToRedeem',
    ]);

    const tooMany = Array.from({ length: 41 }, (_, i) => ({ sku: `SKU-${i}`, quantity: 1 }));
    const large = await rejected('POST', '/orders', 400, {
      token: staffA,
      body: orderBody(storeA, tooMany),
      headers: withKey(key()),
    });
    expect(large.errors).toEqual([{ path: 'body.lines', message: expect.stringContaining('40') }]);
  });

  it('answers a short order with 409 naming every short SKU and what is available', async () => {
    const available = (await level(storeA, skus[0])).available;
    const problem = await rejected('POST', '/orders', 409, {
      token: staffA,
      body: orderBody(storeA, [
        { sku: skus[0], quantity: available + 1 },
        { sku: skus[1], quantity: 2 },
      ]),
      headers: withKey(key()),
    });
    expect(problem).toMatchObject({
      type: '/problems/insufficient-stock',
      shortages: [
        { storeId: storeA, sku: skus[0], requested: available + 1, available },
        { storeId: storeA, sku: skus[1], requested: 2, available: 1 },
      ],
    });
  });

  it('keeps each store to its own orders (404) and finance to reading (403)', async () => {
    const order = await place(staffA, storeA, [{ sku: skus[0], quantity: 1 }]);
    await rejected('POST', '/orders', 404, {
      token: staffB,
      body: orderBody(storeA, [{ sku: skus[0], quantity: 1 }]),
      headers: withKey(key()),
    });
    await rejected('GET', `/orders/${order.orderId}`, 404, { token: staffB });
    await rejected('POST', `/orders/${order.orderId}/payments`, 404, {
      token: staffB,
      body: { method: 'cash', amount: 100 },
    });
    await rejected('POST', `/orders/${order.orderId}/cancel`, 404, { token: staffB, body: { reason: 'x' } });
    await rejected('GET', `/stores/${storeA}/orders`, 404, { token: staffB });
    await rejected('GET', '/orders/or_does_not_exist', 404, { token: admin });

    await rejected('POST', '/orders', 403, {
      token: finance,
      body: orderBody(storeA, [{ sku: skus[0], quantity: 1 }]),
      headers: withKey(key()),
    });
    await rejected('POST', `/orders/${order.orderId}/payments`, 403, {
      token: finance,
      body: { method: 'cash', amount: 100 },
    });
    await rejected('POST', `/orders/${order.orderId}/cancel`, 403, { token: finance, body: { reason: 'x' } });
    await rejected('POST', `/orders/${order.orderId}/fulfil`, 403, { token: finance, body: {} });
    await rejected('POST', `/orders/${order.orderId}/complete`, 403, { token: finance });
    await rejected('POST', `/orders/${order.orderId}/refunds`, 403, {
      token: finance,
      body: { amount: 1, restock: 'none', reason: 'x' },
    });
    expectSuccess(await api('GET', `/orders/${order.orderId}`, { token: finance }), 200);
  });
});

describe('the order lifecycle over HTTP', () => {
  it('pays, fulfils, completes and refunds; wrong states are 409 and staff may not refund', async () => {
    const order = await place(staffA, storeA, [{ sku: skus[0], quantity: 2 }], { customerId });
    const path = `/orders/${order.orderId}`;

    await rejected('POST', `${path}/fulfil`, 409, { token: staffA, body: {} }).then((problem) =>
      expect(problem).toMatchObject({
        type: '/problems/invalid-state',
        status: 409,
        detail: expect.stringContaining('PENDING_PAYMENT'),
      }),
    );
    const over = await rejected('POST', `${path}/payments`, 409, {
      token: staffA,
      body: { method: 'card', amount: order.total + 1 },
    });
    expect(over).toMatchObject({ type: '/problems/payment-exceeds-due', amountDue: order.total });
    const badPayment = await rejected('POST', `${path}/payments`, 400, {
      token: staffA,
      body: { method: 'cheque', amount: 0 },
    });
    expect(errorPaths(badPayment).sort()).toEqual(['body.amount', 'body.method']);

    // The till sends an Idempotency-Key; its retry after a timeout is answered, not charged again.
    const tillKey = { 'idempotency-key': `till-${crypto.randomUUID()}` };
    const cash = { method: 'cash', amount: 1000 };
    const part = await api<OrderDetail>('POST', `${path}/payments`, {
      token: staffA,
      body: cash,
      headers: tillKey,
    });
    expect(expectSuccess(part, 201)).toMatchObject({
      status: 'PENDING_PAYMENT',
      amountPaid: 1000,
      version: 2,
    });
    expect(part.headers.etag).toBe('"2"');
    const retried = await api<OrderDetail>('POST', `${path}/payments`, {
      token: staffA,
      body: cash,
      headers: tillKey,
    });
    expect(expectSuccess(retried, 200)).toMatchObject({ amountPaid: 1000, version: 2 });
    expect(retried.headers['idempotent-replayed']).toBe('true');
    const reused = await rejected('POST', `${path}/payments`, 422, {
      token: staffA,
      body: { method: 'cash', amount: 999 },
      headers: tillKey,
    });
    expect(errorPaths(reused)).toEqual(['headers.idempotency-key']);
    const paid = expectSuccess(
      await post(staffA, `${path}/payments`, {
        method: 'card',
        amount: order.total - 1000,
        reference: 'EFT 1',
      }),
      201,
    );
    expect(paid).toMatchObject({ status: 'PAID', amountDue: 0, amountPaid: order.total });
    expect(paid.payments).toHaveLength(2);

    const committedBefore = (await level(storeA, skus[0])).committed;
    const fulfilled = expectSuccess(await post(staffA, `${path}/fulfil`, { carrier: 'AusPost' }), 200);
    expect(fulfilled).toMatchObject({ status: 'FULFILLED', fulfilment: { carrier: 'AusPost' } });
    expect((await level(storeA, skus[0])).committed).toBe(committedBefore - 2);
    await rejected('POST', `${path}/cancel`, 409, { token: staffA, body: { reason: 'too late' } });

    const completed = expectSuccess(await post(staffA, `${path}/complete`), 200);
    expect(completed.status).toBe('COMPLETED');
    await rejected('POST', `${path}/complete`, 409, { token: staffA });

    const refund = { lines: [{ sku: skus[0], quantity: 1 }], restock: 'available', reason: 'Wrong power' };
    await rejected('POST', `${path}/refunds`, 403, { token: staffA, body: refund });
    const badRefund = await rejected('POST', `${path}/refunds`, 400, {
      token: managerA,
      body: { ...refund, restock: 'shelf' },
    });
    expect(errorPaths(badRefund)).toEqual(['body.restock']);
    const onHand = (await level(storeA, skus[0])).onHand;
    const refunded = await post(managerA, `${path}/refunds`, refund);
    const afterRefund = expectSuccess(refunded, 201);
    expect(afterRefund.refunds).toMatchObject([{ amount: expect.any(Number), restock: 'available' }]);
    expect(afterRefund.amountRefunded).toBe(afterRefund.refunds[0]?.amount);
    expect(afterRefund.amountRefunded).toBeGreaterThan(0);
    expect((await level(storeA, skus[0])).onHand).toBe(onHand + 1);
    const tooMuch = await rejected('POST', `${path}/refunds`, 409, {
      token: managerA,
      body: { lines: [{ sku: skus[0], quantity: 2 }], restock: 'none', reason: 'x' },
    });
    expect(tooMuch.type).toBe('/problems/refund-exceeds-sold');
  });

  it('cancels an order, releasing its stock', async () => {
    const available = (await level(storeA, skus[0])).available;
    const order = await place(staffA, storeA, [{ sku: skus[0], quantity: 3 }]);
    expect((await level(storeA, skus[0])).available).toBe(available - 3);
    await rejected('POST', `/orders/${order.orderId}/cancel`, 400, { token: staffA, body: {} });
    const cancelled = expectSuccess(
      await post(staffA, `/orders/${order.orderId}/cancel`, { reason: 'Left' }),
      200,
    );
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Left' });
    expect((await level(storeA, skus[0])).available).toBe(available);
    await rejected('POST', `/orders/${order.orderId}/payments`, 409, {
      token: staffA,
      body: { method: 'cash', amount: 1 },
    });
  });
});

describe('cancelling a paid order needs the refund permission', () => {
  it('lets staff cancel an unpaid order, refuses a paid one (403, nothing changes), and lets a manager refund it', async () => {
    const unpaid = await place(staffA, storeA, [{ sku: skus[0], quantity: 1 }]);
    expectSuccess(await post(staffA, `/orders/${unpaid.orderId}/cancel`, { reason: 'Left' }), 200);

    const order = await place(staffA, storeA, [{ sku: skus[0], quantity: 1 }]);
    const path = `/orders/${order.orderId}`;
    expectSuccess(await post(staffA, `${path}/payments`, { method: 'cash', amount: 100 }), 201);
    const partPaid = expectSuccess(await api<OrderDetail>('GET', path, { token: admin }), 200);
    const refused = await rejected('POST', `${path}/cancel`, 403, { token: staffA, body: { reason: 'x' } });
    expect(refused.type).toBe('/problems/forbidden');
    expect(refused.detail).toContain('orders:refund');
    expectSuccess(await post(staffA, `${path}/payments`, { method: 'card', amount: order.total - 100 }), 201);
    const paid = expectSuccess(await api<OrderDetail>('GET', path, { token: admin }), 200);
    expect(paid).toMatchObject({ status: 'PAID', version: partPaid.version + 1 });
    const stock = await level(storeA, skus[0]);
    await rejected('POST', `${path}/cancel`, 403, { token: staffA, body: { reason: 'Refund me' } });
    expect(expectSuccess(await api<OrderDetail>('GET', path, { token: admin }), 200)).toEqual(paid);
    expect(await level(storeA, skus[0])).toEqual(stock);

    const cancelled = expectSuccess(await post(managerA, `${path}/cancel`, { reason: 'Refund me' }), 200);
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      amountRefunded: order.total,
      refundableAmount: 0,
    });
    expect(cancelled.refunds).toMatchObject([{ amount: order.total, restock: 'none' }]);
    expect((await level(storeA, skus[0])).committed).toBe(stock.committed - 1);
  });
});

describe('listing orders over HTTP', () => {
  it('lists a store’s orders newest first, by status and time, and a customer’s orders by scope', async () => {
    const start = new Date(Date.now() - 1000).toISOString();
    const store = (await createStore(admin, { name: 'Orders C' })).storeId;
    await receive(store, skus[0], 10);
    const first = await place(admin, store, [{ sku: skus[0], quantity: 1 }], { customerId });
    const second = await place(admin, store, [{ sku: skus[0], quantity: 1 }]);
    expectSuccess(await post(admin, `/orders/${second.orderId}/cancel`, { reason: 'x' }), 200);

    const list = async (query: string, token = admin) =>
      expectSuccess(
        await api<Page<Order>>('GET', `/stores/${store}/orders${query}`, { token }),
        200,
      ).items.map((order) => order.orderId);
    expect(await list('')).toEqual([second.orderId, first.orderId]);
    expect(await list('?status=CANCELLED')).toEqual([second.orderId]);
    expect(await list(`?status=PENDING_PAYMENT&from=${encodeURIComponent(start)}`)).toEqual([first.orderId]);
    expect(await list(`?to=${encodeURIComponent(start)}`)).toEqual([]);
    const page = expectSuccess(
      await api<Page<Order>>('GET', `/stores/${store}/orders?limit=1`, { token: admin }),
      200,
    );
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(
      errorPaths(await rejected('GET', `/stores/${store}/orders?from=yesterday`, 400, { token: admin })),
    ).toEqual(['query.from']);
    expect(
      errorPaths(await rejected('GET', `/stores/${store}/orders?status=LOST`, 400, { token: admin })),
    ).toEqual(['query.status']);

    const customerOrders = async (token: string) =>
      expectSuccess(
        await api<Page<Order>>('GET', `/customers/${customerId}/orders`, { token }),
        200,
      ).items.map((order) => order.orderId);
    expect(await customerOrders(admin)).toContain(first.orderId);
    expect(await customerOrders(finance)).toContain(first.orderId);
    expect(await customerOrders(staffB)).toEqual([]);
    expect(await customerOrders(staffA)).not.toContain(first.orderId);
  });
});
