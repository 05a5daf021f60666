/**
 * The finance reports end to end on a running local system with the event flow: orders placed,
 * paid, refunded and cancelled over HTTP → DynamoDB Local's stream → publishDomainEvents → the
 * local bus → countOrderEvent → the rollups, read back by GET /reports/sales, /takings, /stock
 * and GET /orders, and checked against the orders placed, per store, day, region, category and
 * channel. Its own runtime with `events: true`, like low-stock-replenishment.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import { apiCaller, type EventFlowRuntime, startEventFlowRuntime } from '../support/event-flow-runtime.js';
import { productInput, storeInput, uniqueSuffix } from '../support/fixtures.js';

let runtime: LocalRuntime;
let flow: EventFlowRuntime | undefined;
const tokens: Record<string, string> = {};

const call = apiCaller(
  () => runtime.url,
  () => tokens.admin ?? '',
);

const ok = async <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  status = 200,
) => {
  const answer = await call<T>(method, path, body === undefined ? {} : { body });
  expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBe(status);
  return answer.body;
};

interface Order {
  orderId: string;
  total: number;
}
const order = (storeId: string, channel: string, lines: { sku: string; quantity: number }[]) =>
  call<Order>('POST', '/orders', {
    body: { storeId, channel, lines },
    headers: { 'idempotency-key': `reports-${randomUUID()}` },
  }).then((answer) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  });
const pay = (orderId: string, method: string, amount: number) =>
  ok('POST', `/orders/${orderId}/payments`, { method, amount }, 201);

const today = new Date().toISOString().slice(0, 10);
const figures = (values: Record<string, number>) => ({ currency: 'AUD', discounts: 0, ...values });
const byKey = <T extends { key: string }>(list: T[]) => [...list].sort((a, b) => (a.key < b.key ? -1 : 1));

beforeAll(async () => {
  flow = await startEventFlowRuntime('reports');
  runtime = flow.runtime;
  tokens.admin = await runtime.signToken({ role: 'admin' });
  tokens.finance = await runtime.signToken({ role: 'finance' });
});

afterAll(async () => {
  await flow?.stop();
});

describe('finance reports from orders placed over HTTP', () => {
  it('match the orders placed, refunded and cancelled, per store, region, category and channel', async () => {
    const region = `rp-${uniqueSuffix().toLowerCase()}`;
    const elsewhere = `rq-${uniqueSuffix().toLowerCase()}`;
    const channels: ('in_store' | 'online')[] = ['in_store', 'online'];
    const a = (await ok<{ storeId: string }>('POST', '/stores', storeInput({ region, channels }), 201))
      .storeId;
    const b = (await ok<{ storeId: string }>('POST', '/stores', storeInput({ region, channels }), 201))
      .storeId;
    const c = (
      await ok<{ storeId: string }>('POST', '/stores', storeInput({ region: elsewhere, channels }), 201)
    ).storeId;
    const lensProduct = await ok<{ productId: string; variants: { sku: string }[] }>(
      'POST',
      '/products',
      productInput(),
      201,
    );
    const lens = lensProduct.variants[0]?.sku ?? '';
    const idle = lensProduct.variants[1]?.sku ?? '';
    const caseProduct = await ok<{ variants: { sku: string }[] }>(
      'POST',
      '/products',
      {
        ...productInput(),
        category: 'accessories',
        attributes: { material: 'recycled plastic' },
        variants: [
          {
            sku: `CASE-${uniqueSuffix()}`,
            options: { colour: 'blue' },
            price: 1000,
            cost: 300,
            currency: 'AUD',
          },
        ],
      },
      201,
    );
    const kase = caseProduct.variants[0]?.sku ?? '';
    const receive = (storeId: string, sku: string, delta: number) =>
      ok('POST', `/stores/${storeId}/inventory/${sku}/adjustments`, { delta, reason: 'received' }, 201);
    for (const storeId of [a, b, c]) {
      await receive(storeId, lens, 10);
      await receive(storeId, kase, 10);
    }
    await receive(a, idle, 4);
    await ok('PUT', `/stores/${a}/inventory/${lens}/reorder-rule`, { reorderPoint: 7, reorderQuantity: 10 });

    // A, in store: 2 lenses + 1 case = 10000, card 6000 + cash 4000.
    const first = await order(a, 'in_store', [
      { sku: lens, quantity: 2 },
      { sku: kase, quantity: 1 },
    ]);
    await pay(first.orderId, 'card', 6000);
    await pay(first.orderId, 'cash', 4000);
    // A, online: 1 lens by card, fulfilled, then returned to stock and refunded.
    const second = await order(a, 'online', [{ sku: lens, quantity: 1 }]);
    await pay(second.orderId, 'card', 4500);
    await ok('POST', `/orders/${second.orderId}/fulfil`, {});
    await ok(
      'POST',
      `/orders/${second.orderId}/refunds`,
      { lines: [{ sku: lens, quantity: 1 }], restock: 'available', reason: 'wrong power' },
      201,
    );
    // B: 3 cases paid cash, then cancelled (refunded); and an unpaid order cancelled (never counts).
    const third = await order(b, 'in_store', [{ sku: kase, quantity: 3 }]);
    await pay(third.orderId, 'cash', 3000);
    await ok('POST', `/orders/${third.orderId}/cancel`, { reason: 'changed mind' });
    const unpaid = await order(b, 'in_store', [{ sku: kase, quantity: 1 }]);
    await ok('POST', `/orders/${unpaid.orderId}/cancel`, { reason: 'walked out' });
    // C, another region, online: 1 lens by WeChat Pay.
    const fourth = await order(c, 'online', [{ sku: lens, quantity: 1 }]);
    await pay(fourth.orderId, 'wechat_pay', 4500);

    await runtime.events?.idle();
    await runtime.events?.idle();

    const sales = (query: string, token = tokens.finance) =>
      call<{ totals: unknown[]; groups: { key: string }[] }>(
        'GET',
        `/reports/sales?from=${today}&to=${today}&${query}`,
        {
          token,
        },
      );

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
    const storeC = figures({
      orders: 1,
      units: 1,
      gross: 4500,
      net: 4500,
      refunds: 0,
      cost: 2000,
      margin: 2500,
      averageBasket: 4500,
    });
    const inRegion = figures({
      orders: 3,
      units: 7,
      gross: 17500,
      net: 17500,
      refunds: 7500,
      cost: 4300,
      margin: 5700,
      averageBasket: 5833,
    });

    const byStore = await sales(`groupBy=store&region=${region}`);
    expect(byStore.status).toBe(200);
    expect(byStore.body).toEqual({
      from: today,
      to: today,
      groupBy: 'store',
      totals: [inRegion],
      groups: byKey([
        { key: a, ...storeA },
        { key: b, ...storeB },
      ]),
    });
    const regions = (await sales('groupBy=region')).body.groups.filter(
      (g) => g.key === region || g.key === elsewhere,
    );
    expect(byKey(regions)).toEqual(
      byKey([
        { key: region, ...inRegion },
        { key: elsewhere, ...storeC },
      ]),
    );
    expect((await sales(`groupBy=day&storeId=${c}`)).body.groups).toEqual([{ key: today, ...storeC }]);
    expect((await sales(`groupBy=category&storeId=${a}`)).body.groups).toEqual([
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
    expect((await sales(`groupBy=channel&region=${region}`)).body.groups).toEqual([
      {
        key: 'in_store',
        ...figures({
          orders: 2,
          units: 6,
          gross: 13000,
          net: 13000,
          refunds: 3000,
          cost: 4300,
          margin: 5700,
          averageBasket: 6500,
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

    const takings = await call<{ date: string; stores: { storeId: string }[] }>(
      'GET',
      `/reports/takings?date=${today}`,
      {
        token: tokens.finance,
      },
    );
    expect(takings.status).toBe(200);
    const ours = takings.body.stores.filter((s) => [a, b, c].includes(s.storeId));
    const expectedTakings = [
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
      {
        storeId: c,
        currency: 'AUD',
        payments: [{ method: 'wechat_pay', amount: 4500, count: 1 }],
        refunds: [],
        net: 4500,
        count: 1,
      },
    ].sort((x, y) => (x.storeId < y.storeId ? -1 : 1));
    expect(ours).toEqual(expectedTakings);

    const stock = await call<Record<string, unknown>>('GET', `/reports/stock?storeId=${a}`, {
      token: tokens.finance,
    });
    expect(stock.status).toBe(200);
    // A: lens 10 − 2 (in store, paid, not fulfilled: still on hand) − 1 fulfilled + 1 returned = 10 on hand, 8 available.
    expect(stock.body).toMatchObject({
      storeId: a,
      currency: 'AUD',
      skus: 3,
      units: 10 + 10 + 4,
      stockValue: 10 * 2000 + 10 * 300 + 4 * 2000,
      atOrBelowReorderPoint: [],
      outOfStock: [],
      daysOfCover: [
        { sku: lens, available: 8, soldLast28Days: 2, daysOfCover: 112 },
        { sku: kase, available: 9, soldLast28Days: 1, daysOfCover: 252 },
      ],
      slowMovers: [{ sku: idle, available: 4 }],
      topSellers: [
        { sku: lens, units: 2 },
        { sku: kase, units: 1 },
      ],
    });

    const orders = await call<{ items: { orderId: string }[] }>(
      'GET',
      `/orders?from=${today}T00:00:00Z&limit=100`,
      {
        token: tokens.finance,
      },
    );
    expect(orders.status).toBe(200);
    const placed = [first, second, third, unpaid, fourth].map((o) => o.orderId).reverse();
    expect(orders.body.items.map((o) => o.orderId).filter((id) => placed.includes(id))).toEqual(placed);

    // Managers see their stores only; staff none; another store is 404, bad input 400 naming the field.
    const manager = await runtime.signToken({ role: 'manager', stores: [a] });
    const staff = await runtime.signToken({ role: 'staff', stores: [a] });
    const mine = await sales('groupBy=store', manager);
    expect(mine.body.groups).toEqual([{ key: a, ...storeA }]);
    expect((await call('GET', `/reports/stock?storeId=${b}`, { token: manager })).status).toBe(404);
    expect((await call('GET', `/reports/takings?date=${today}`, { token: staff })).status).toBe(403);
    const bad = await call<{ errors: { path: string }[] }>(
      'GET',
      `/reports/sales?from=${today}&to=2020-01-01`,
      {
        token: tokens.finance,
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path)).toContain('query.from');
  });
});
