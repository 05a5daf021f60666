/**
 * A customer's request to be forgotten, end to end on a running local system with the event flow:
 * a customer with a prescription, feedback, a noted points adjustment and orders is erased over
 * HTTP by a manager; their personal data is gone from the API (GET, lookup by email and phone,
 * feedback, points, export) and from the finance lake's raw changes, while their orders remain,
 * can still be completed and refunded, and GET /reports/sales still adds up. Its own runtime with
 * `events: true` (the reports' rollups and the lake are fed from the table's stream).
 */
import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import {
  apiCaller,
  type EventFlowRuntime,
  expectStatus,
  startEventFlowRuntime,
} from '../support/event-flow-runtime.js';
import { productInput, storeInput, uniqueSuffix } from '../support/fixtures.js';
import { localS3Client, readChangeObjects } from '../support/lake-objects.js';

let flow: EventFlowRuntime | undefined;
let runtime: LocalRuntime;
let s3: S3Client;
const tokens: Record<'admin' | 'manager' | 'staff' | 'finance', string> = {
  admin: '',
  manager: '',
  staff: '',
  finance: '',
};

const call = apiCaller(
  () => runtime.url,
  () => tokens.admin,
);
const ok = <T = Record<string, unknown>>(method: string, path: string, body?: unknown, status = 200) =>
  expectStatus(call<T>(method, path, body === undefined ? {} : { body }), status, `${method} ${path}`);

interface Order {
  orderId: string;
  total: number;
  customerId?: string;
}

const today = new Date().toISOString().slice(0, 10);
const suffix = uniqueSuffix().toLowerCase();
const person = {
  firstName: 'Aroha',
  lastName: `Ngata${suffix}`,
  email: `aroha.${suffix}@example.com`,
  phone: `+6421${String(Number.parseInt(suffix, 16) % 10_000_000).padStart(7, '0')}`,
  birthDate: '1988-02-29',
  prescription: {
    right: { sphere: -3.25 },
    left: { sphere: -3.5, cylinder: -0.5, axis: 90 },
    issuedOn: '2025-01-10',
    expiresOn: '2027-01-10',
    prescriber: 'Dr Whaea Optometrist',
  },
  tags: ['contact-lens-wearer'],
};
/** Every piece of the customer's personal data, as text that must be found nowhere afterwards. */
const PERSONAL = [
  person.lastName,
  person.email,
  person.phone,
  person.birthDate,
  'Dr Whaea',
  'Aroha',
  'scratchy lenses',
  'sorry Aroha',
];
const expectNoPersonalData = (value: unknown, where: string) => {
  const text = JSON.stringify(value);
  for (const word of PERSONAL) expect(text, `${where}: ${word}`).not.toContain(word);
};

beforeAll(async () => {
  flow = await startEventFlowRuntime('privacy');
  runtime = flow.runtime;
  s3 = localS3Client(runtime.lake.endpoint);
  tokens.admin = await runtime.signToken({ role: 'admin' });
  tokens.finance = await runtime.signToken({ role: 'finance' });
});

afterAll(async () => {
  s3?.destroy();
  await flow?.stop();
});

describe('erasing a customer on request', () => {
  it('removes their personal data from the API and the lake while their orders and the books remain', async () => {
    const region = `pv-${suffix}`;
    const store = await ok<{ storeId: string }>(
      'POST',
      '/stores',
      storeInput({ region, channels: ['in_store'] }),
      201,
    );
    const { storeId } = store;
    tokens.manager = await runtime.signToken({
      role: 'manager',
      stores: [storeId],
      username: 'privacy-manager',
    });
    tokens.staff = await runtime.signToken({ role: 'staff', stores: [storeId] });
    const product = await ok<{ variants: { sku: string }[] }>('POST', '/products', productInput(), 201);
    const sku = product.variants[0]?.sku ?? '';
    await ok(
      'POST',
      `/stores/${storeId}/inventory/${sku}/adjustments`,
      { delta: 10, reason: 'received' },
      201,
    );

    const customer = await ok<{ customerId: string; version: number }>('POST', '/customers', person, 201);
    const { customerId } = customer;
    await ok(
      'POST',
      `/customers/${customerId}/feedback`,
      { kind: 'complaint', message: 'Aroha: scratchy lenses' },
      201,
    );
    const answered = await ok<{ feedbackId: string }>(
      'POST',
      `/customers/${customerId}/feedback`,
      { kind: 'question', message: 'Aroha asks about dailies' },
      201,
    );
    await expectStatus(
      call('PATCH', `/customers/${customerId}/feedback/${answered.feedbackId}`, {
        body: { status: 'resolved', resolution: 'Phoned her, sorry Aroha' },
        headers: { 'if-match': '"1"' },
      }),
      200,
    );
    await expectStatus(
      call('POST', `/customers/${customerId}/points/adjustments`, {
        token: tokens.manager,
        body: { delta: 25, note: 'Goodwill for Aroha, scratchy lenses' },
        headers: { 'idempotency-key': `privacy-${randomUUID()}` },
      }),
      201,
    );
    const sell = async (extra: Record<string, unknown>) => {
      const order = await expectStatus(
        call<Order>('POST', '/orders', {
          body: { storeId, channel: 'in_store', lines: [{ sku, quantity: 2 }], ...extra },
          headers: { 'idempotency-key': `privacy-${randomUUID()}` },
        }),
        201,
      );
      await ok('POST', `/orders/${order.orderId}/payments`, { method: 'card', amount: order.total }, 201);
      return order;
    };
    const theirs = await sell({ customerId });
    const anonymous = await sell({});

    // A staff member may not erase or export; the store's manager may.
    await expectStatus(call('DELETE', `/customers/${customerId}`, { token: tokens.staff }), 403);
    await expectStatus(call('GET', `/customers/${customerId}/export`, { token: tokens.staff }), 403);
    const receipt = await expectStatus(
      call<{ erasedAt: string }>('DELETE', `/customers/${customerId}`, { token: tokens.manager }),
      200,
    );
    expect(receipt).toMatchObject({ customerId, status: 'erased', erasedBy: 'privacy-manager' });
    // Idempotent: the same answer again, from anyone allowed.
    expect(await ok('DELETE', `/customers/${customerId}`)).toEqual(receipt);

    // The profile is gone (410), and the lookups find nobody.
    const gone = await expectStatus(
      call<{ type: string; erasedAt: string }>('GET', `/customers/${customerId}`),
      410,
    );
    expect(gone).toMatchObject({ type: '/problems/customer-erased', erasedAt: receipt.erasedAt });
    expect(await ok('GET', `/customers?email=${encodeURIComponent(person.email)}`)).toEqual({ items: [] });
    expect(await ok('GET', `/customers?phone=${encodeURIComponent(person.phone)}`)).toEqual({ items: [] });
    await expectStatus(
      call('PATCH', `/customers/${customerId}`, {
        body: { firstName: 'Back' },
        headers: { 'if-match': '"2"' },
      }),
      410,
    );

    // What outlives erasure is there, without personal data: feedback, the ledger, the orders.
    const feedback = await ok<{ items: { kind: string }[] }>('GET', `/customers/${customerId}/feedback`);
    expect(feedback.items.map((item) => item.kind).sort()).toEqual(['complaint', 'question']);
    const points = await ok<{ balance: number; entries: unknown[] }>(
      'GET',
      `/customers/${customerId}/points`,
    );
    expect(points.balance).toBe(25);
    const orders = await ok<{ items: Order[] }>('GET', `/customers/${customerId}/orders`);
    expect(orders.items.map((order) => order.orderId)).toEqual([theirs.orderId]);
    expect((await ok<Order>('GET', `/orders/${theirs.orderId}`)).customerId).toBe(customerId);
    const exported = await ok<{ orders: Order[]; customer: Record<string, unknown> }>(
      'GET',
      `/customers/${customerId}/export`,
      undefined,
    );
    expect(exported.customer).toMatchObject({ customerId, erasedAt: receipt.erasedAt, pointsBalance: 25 });
    expect(exported.orders.map((order) => order.orderId)).toEqual([theirs.orderId]);
    for (const [where, value] of Object.entries({ feedback, points, orders, exported }))
      expectNoPersonalData(value, where);

    // The email and phone are free for a new customer; the erased id takes no new orders.
    await ok('POST', '/customers', { ...person, firstName: 'Someone', lastName: 'Else' }, 201);
    await expectStatus(
      call('POST', '/orders', {
        body: { storeId, channel: 'in_store', lines: [{ sku, quantity: 1 }], customerId },
        headers: { 'idempotency-key': `privacy-${randomUUID()}` },
      }),
      400,
    );

    // Their order goes on: fulfilled, completed, half refunded.
    await ok('POST', `/orders/${theirs.orderId}/fulfil`, {});
    await ok('POST', `/orders/${theirs.orderId}/complete`, {});
    const refunded = await ok<{ amountRefunded: number }>(
      'POST',
      `/orders/${theirs.orderId}/refunds`,
      { lines: [{ sku, quantity: 1 }], restock: 'available', reason: 'one box damaged' },
      201,
    );

    // The books: the sales report equals the orders the store holds.
    await runtime.events?.idle();
    await runtime.events?.idle();
    const sales = await expectStatus(
      call<{ totals: { orders: number; gross: number; refunds: number }[] }>(
        'GET',
        `/reports/sales?from=${today}&to=${today}&groupBy=store&region=${region}`,
        { token: tokens.finance },
      ),
      200,
    );
    const storeOrders = await ok<{ items: Order[] }>('GET', `/stores/${storeId}/orders`);
    expect(storeOrders.items.map((order) => order.orderId).sort()).toEqual(
      [theirs.orderId, anonymous.orderId].sort(),
    );
    expect(sales.totals).toEqual([
      expect.objectContaining({
        orders: 2,
        gross: storeOrders.items.reduce((sum, order) => sum + order.total, 0),
        refunds: refunded.amountRefunded,
      }),
    ]);

    // The finance lake's raw changes of this customer hold field names, never values.
    const customerRows = async () =>
      (await readChangeObjects(s3, runtime.lake.bucket, 'changes/entity=Customer/'))
        .flatMap((object) => object.rows)
        .filter((row) => row.pk === `CUSTOMER#${customerId}`);
    let rows = await customerRows();
    for (let tries = 0; rows.length < 2 && tries < 40; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      rows = await customerRows();
    }
    const erasure = rows.find((row) => (row.new_image as { erasedAt?: string } | null)?.erasedAt);
    expect(erasure?.old_image).toMatchObject({
      email: '[redacted]',
      firstName: '[redacted]',
      ageBand: '30-39',
    });
    expect(erasure?.new_image).not.toHaveProperty('email');
    const feedbackRows = (await readChangeObjects(s3, runtime.lake.bucket, 'changes/entity=Feedback/'))
      .flatMap((object) => object.rows)
      .filter((row) => row.pk === `CUSTOMER#${customerId}`);
    expect(feedbackRows.length).toBeGreaterThanOrEqual(3);
    expectNoPersonalData([rows, feedbackRows], 'lake');

    // The audit history records the erasure and who made it, naming the personal fields only.
    type Entry = { operation: string; actor: string; changes: { field: string; personal?: true }[] };
    const auditPath = `/audit?entityType=Customer&entityId=${customerId}`;
    let audit = await ok<{ items: Entry[] }>('GET', auditPath);
    for (let tries = 0; !audit.items.some((e) => e.actor === 'privacy-manager') && tries < 40; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      audit = await ok<{ items: Entry[] }>('GET', auditPath);
    }
    const erased = audit.items.find((entry) => entry.actor === 'privacy-manager');
    expect(erased?.operation).toBe('updated');
    expect(erased?.changes).toEqual(
      expect.arrayContaining([
        { field: 'email', personal: true },
        { field: 'firstName', personal: true },
      ]),
    );
    expect(audit.items.map((entry) => entry.operation)).toContain('created');
    expectNoPersonalData(audit, 'audit');
  });
});
