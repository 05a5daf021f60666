/**
 * The audit history on a running local system: changes made through the API reach `GET /audit`
 * within seconds through DynamoDB Local's stream, the local stream reader and the change
 * exporter, with who made them and the fields that changed. Its own runtime with `events: true`
 * (the shared e2e runtime reads no stream).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import type { AuditEntryView } from '../../lib/audit/audit-schemas.js';
import {
  apiCaller,
  type EventFlowRuntime,
  expectStatus,
  startEventFlowRuntime,
} from '../support/event-flow-runtime.js';
import { productInput, storeInput } from '../support/fixtures.js';

let flow: EventFlowRuntime | undefined;
let runtime: LocalRuntime;
let admin: string;
const api = apiCaller(
  () => runtime.url,
  () => admin,
);

type Page = { items: AuditEntryView[]; nextCursor: string | null };

/** Polls `GET <path>` until `ready` holds for its entries, or the deadline passes. */
const waitForEntries = async (path: string, ready: (entries: AuditEntryView[]) => boolean, token = admin) => {
  const until = Date.now() + 20_000;
  for (;;) {
    const page = await expectStatus(api<Page>('GET', path, { token }), 200, path);
    if (ready(page.items) || Date.now() > until) return page.items;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

const auditPath = (entityType: string, entityId: string) =>
  `/audit?entityType=${entityType}&entityId=${encodeURIComponent(entityId)}`;

beforeAll(async () => {
  flow = await startEventFlowRuntime('audit');
  runtime = flow.runtime;
  admin = await runtime.signToken({ role: 'admin', username: 'ada-admin' });
});

afterAll(async () => {
  await flow?.stop();
});

describe('the audit history on the local runtime', () => {
  let storeId: string;
  let otherStoreId: string;
  let manager: string;
  let otherManager: string;
  let productId: string;
  let sku: string;
  let orderId: string;

  beforeAll(async () => {
    const create = <T>(path: string, body: unknown, token = admin, headers: Record<string, string> = {}) =>
      expectStatus(api<T>('POST', path, { body, token, headers }), 201, `POST ${path}`);
    storeId = (await create<{ storeId: string }>('/stores', storeInput())).storeId;
    otherStoreId = (await create<{ storeId: string }>('/stores', storeInput())).storeId;
    manager = await runtime.signToken({ role: 'manager', stores: [storeId], username: 'mia-manager' });
    otherManager = await runtime.signToken({
      role: 'manager',
      stores: [otherStoreId],
      username: 'olu-manager',
    });
    const product = await create<{ productId: string; version: number; variants: { sku: string }[] }>(
      '/products',
      productInput(),
    );
    productId = product.productId;
    sku = product.variants[0]?.sku ?? '';
    await create(`/stores/${storeId}/inventory/${sku}/adjustments`, { delta: 10, reason: 'received' });

    // A price change by the store's manager.
    const current = await expectStatus(
      api<{ variants: Record<string, unknown>[] }>('GET', `/products/${productId}`),
      200,
    );
    await expectStatus(
      api('PATCH', `/products/${productId}`, {
        token: manager,
        headers: { 'if-match': `"${product.version}"` },
        body: {
          variants: current.variants.map((variant, index) =>
            index === 0 ? { ...variant, price: 5200 } : variant,
          ),
        },
      }),
      200,
      'PATCH product',
    );
    // A stock adjustment by the manager, and an order through its life.
    await create(
      `/stores/${storeId}/inventory/${sku}/adjustments`,
      { delta: -2, reason: 'shrinkage', note: 'Count short' },
      manager,
    );
    const order = await create<{ orderId: string; total: number }>(
      '/orders',
      { storeId, channel: 'in_store', lines: [{ sku, quantity: 1 }] },
      manager,
      { 'idempotency-key': `audit-${randomUUID()}` },
    );
    orderId = order.orderId;
    await create(`/orders/${orderId}/payments`, { method: 'card', amount: order.total }, manager);
    for (const step of ['fulfil', 'complete'])
      await expectStatus(
        api('POST', `/orders/${orderId}/${step}`, {
          token: manager,
          ...(step === 'fulfil' ? { body: {} } : {}),
        }),
        200,
        step,
      );
  });

  it('shows a price change with who made it and the price before and after', async () => {
    const entries = await waitForEntries(auditPath('Product', productId), (all) => all.length >= 2);
    expect(entries.map((entry) => [entry.operation, entry.actor])).toEqual([
      ['updated', 'mia-manager'],
      ['created', 'ada-admin'],
    ]);
    // Only the first variant's price moved (the PATCH also stored the variants' default status,
    // which the audit reports as the new field it is).
    const prices = entries[0]?.changes.filter((change) => change.field.endsWith('.price'));
    expect(prices).toEqual([{ field: `variants[${sku}].price`, before: 4500, after: 5200 }]);
  });

  it('shows a stock adjustment on the level, with the quantities that moved', async () => {
    const levelId = `${storeId}:${sku}`;
    const entries = await waitForEntries(auditPath('InventoryLevel', levelId), (all) =>
      all.some((entry) => entry.actor === 'mia-manager' && entry.changes.some((c) => c.field === 'onHand')),
    );
    const adjustment = entries.find(
      (entry) =>
        entry.actor === 'mia-manager' &&
        entry.changes.some(
          (change) => change.field === 'onHand' && 'before' in change && change.before === 10,
        ),
    );
    expect(adjustment?.changes).toEqual(expect.arrayContaining([{ field: 'onHand', before: 10, after: 8 }]));
    expect(adjustment?.storeIds).toEqual([storeId]);
  });

  it('shows an order through its life: placed, paid, fulfilled, completed', async () => {
    const entries = await waitForEntries(auditPath('Order', orderId), (all) => all.length >= 4);
    const statuses = [...entries]
      .reverse()
      .map((entry) =>
        entry.operation === 'created'
          ? 'created'
          : entry.changes.find((change) => change.field === 'status' && 'after' in change),
      );
    expect(statuses).toEqual([
      'created',
      { field: 'status', before: 'PENDING_PAYMENT', after: 'PAID' },
      { field: 'status', before: 'PAID', after: 'FULFILLED' },
      { field: 'status', before: 'FULFILLED', after: 'COMPLETED' },
    ]);
    expect(entries.every((entry) => entry.actor === 'mia-manager')).toBe(true);
  });

  it('lists the store’s changes for its manager in a time range, and refuses another store’s manager', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const path = `/stores/${storeId}/audit?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=100`;
    const entries = await waitForEntries(
      path,
      (all) => all.some((entry) => entry.entityType === 'Payment'),
      manager,
    );
    const types = new Set(entries.map((entry) => entry.entityType));
    for (const type of ['Store', 'InventoryLevel', 'InventoryMovement', 'Order', 'Payment'])
      expect(types).toContain(type);
    expect(entries.every((entry) => entry.storeIds.includes(storeId))).toBe(true);

    await expectStatus(api('GET', path, { token: otherManager }), 404, 'other store’s manager, store view');
    await expectStatus(
      api('GET', auditPath('Order', orderId), { token: otherManager }),
      404,
      'other store’s order',
    );
    const staff = await runtime.signToken({ role: 'staff', stores: [storeId] });
    await expectStatus(api('GET', path, { token: staff }), 403, 'staff');
    const finance = await runtime.signToken({ role: 'finance' });
    await expectStatus(api('GET', auditPath('Order', orderId), { token: finance }), 200, 'finance');
  });

  it('shows a role change and a disable of a user, with who made them', async () => {
    const username = `audit-${randomUUID().slice(0, 8)}`;
    const user = await expectStatus(
      api<{ version: number }>('POST', '/users', {
        body: { username, email: `${username}@example.com`, role: 'staff', storeIds: [storeId] },
      }),
      201,
      'POST /users',
    );
    const promoted = await expectStatus(
      api<{ version: number }>('PATCH', `/users/${username}`, {
        headers: { 'if-match': `"${user.version}"` },
        body: { role: 'manager', storeIds: [storeId, otherStoreId] },
      }),
      200,
      'PATCH /users',
    );
    expect(promoted.version).toBeGreaterThan(user.version);
    await expectStatus(api('POST', `/users/${username}/disable`, { body: {} }), 200, 'disable');

    const entries = await waitForEntries(auditPath('User', username), (all) => all.length >= 3);
    expect(entries.map((entry) => [entry.operation, entry.actor])).toEqual([
      ['updated', 'ada-admin'],
      ['updated', 'ada-admin'],
      ['created', 'ada-admin'],
    ]);
    const [disabled, roleChange, created] = entries;
    expect(roleChange?.changes).toEqual(
      expect.arrayContaining([
        { field: 'role', before: 'staff', after: 'manager' },
        { field: 'storeIds', before: [storeId], after: [storeId, otherStoreId] },
      ]),
    );
    expect(disabled?.changes).toEqual(
      expect.arrayContaining([{ field: 'enabled', before: true, after: false }]),
    );
    // A person's own details are named, never shown.
    expect(created?.changes).toEqual(expect.arrayContaining([{ field: 'email', personal: true }]));
    expect(JSON.stringify(entries)).not.toContain(`${username}@example.com`);
    // The user now concerns both stores: the other store's manager sees the change too.
    await expectStatus(
      api('GET', auditPath('User', username), { token: otherManager }),
      200,
      'other manager',
    );
  });

  it('answers bad input with a problem naming the field, and offers no way to change an entry', async () => {
    const missing = await api<{ errors?: { path: string }[] }>('GET', '/audit?entityId=x');
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('entityType');
    const range = await api(
      'GET',
      `/stores/${storeId}/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
    );
    expect(range.status).toBe(400);
    expect(JSON.stringify(range.body)).toContain('from');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect((await api(method, '/audit?entityType=Order&entityId=x', { body: {} })).status).toBe(405);
  });
});
