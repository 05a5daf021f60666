import { beforeAll, describe, expect, it } from 'vitest';
import type { InventoryLevel } from '../../lib/inventory/inventory-schemas.js';
import type { PurchaseOrder } from '../../lib/purchasing/purchase-order-schemas.js';
import type { Supplier } from '../../lib/suppliers/supplier-schemas.js';
import { api, errorPaths, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createProduct, createStore } from '../support/e2e-resources.js';
import { uniqueSuffix } from '../support/fixtures.js';

type Page<T> = { items: T[]; nextCursor: string | null };

let admin: string;
let finance: string;
let store: string;
let otherStore: string;
let manager: string;
let staff: string;
let supplier: Supplier;
let skus: [string, string];

const level = async (sku: string) =>
  expectSuccess(await api<InventoryLevel>('GET', `/stores/${store}/inventory/${sku}`, { token: admin }), 200);

const draftPo = async (token = manager) => {
  const response = await api<PurchaseOrder>('POST', '/purchase-orders', {
    token,
    body: {
      supplierId: supplier.supplierId,
      storeId: store,
      lines: [
        { sku: skus[0], quantity: 10, unitCost: 2480 },
        { sku: skus[1], quantity: 5, unitCost: 3150 },
      ],
      expectedAt: '2025-04-01T00:00:00.000Z',
    },
  });
  return expectSuccess(response, 201);
};

const step = async (purchaseOrderId: string, action: string, body?: unknown, token = manager) =>
  expectSuccess(
    await api<PurchaseOrder>('POST', `/purchase-orders/${purchaseOrderId}/${action}`, {
      token,
      ...(body ? { body } : {}),
    }),
    200,
  );

beforeAll(async () => {
  admin = await tokenFor('admin');
  finance = await tokenFor('finance');
  store = (await createStore(admin, { name: 'Purchasing store' })).storeId;
  otherStore = (await createStore(admin, { name: 'Other purchasing store' })).storeId;
  manager = await tokenFor('manager', [store]);
  staff = await tokenFor('staff', [store]);
  skus = (await createProduct(admin)).variants.map((variant) => variant.sku) as [string, string];
  supplier = expectSuccess(
    await api<Supplier>('POST', '/suppliers', {
      token: manager,
      body: {
        name: `Lens Wholesale ${uniqueSuffix()}`,
        email: 'orders@lens.example',
        leadTimeDays: 5,
        currency: 'AUD',
      },
    }),
    201,
  );
});

describe('suppliers over HTTP', () => {
  it('creates, reads, lists and updates with If-Match', async () => {
    const response = await api<Supplier>('POST', '/suppliers', {
      token: admin,
      body: {
        name: 'Frames Direct',
        phone: '+61 3 9000 1234',
        address: { line1: '5 Smith St', city: 'Melbourne', postcode: '3000', country: 'AU' },
        currency: 'AUD',
      },
    });
    const created = expectSuccess(response, 201);
    expect(response.headers.location).toBe(`/suppliers/${created.supplierId}`);
    expect(response.headers.etag).toBe('"1"');
    const path = `/suppliers/${created.supplierId}`;
    expect(expectSuccess(await api<Supplier>('GET', path, { token: staff }), 200)).toEqual(created);
    const listed = expectSuccess(
      await api<Page<Supplier>>('GET', '/suppliers?limit=100', { token: finance }),
      200,
    );
    expect(listed.items.map((s) => s.supplierId)).toContain(created.supplierId);

    const updated = await api<Supplier>('PATCH', path, {
      token: manager,
      body: { leadTimeDays: 9 },
      headers: { 'if-match': '"1"' },
    });
    expect(expectSuccess(updated, 200)).toMatchObject({ leadTimeDays: 9, version: 2 });
    expect(updated.headers.etag).toBe('"2"');
    await rejected('PATCH', path, 412, {
      token: manager,
      body: { leadTimeDays: 3 },
      headers: { 'if-match': '"1"' },
    });
    await rejected('PATCH', path, 428, { token: manager, body: { leadTimeDays: 3 } });
    await rejected('GET', '/suppliers/sup_missing', 404, { token: staff });
  });

  it('refuses staff and finance writes (403) and names bad fields (400)', async () => {
    const body = { name: 'Nope', currency: 'AUD' };
    await rejected('POST', '/suppliers', 403, { token: staff, body });
    await rejected('POST', '/suppliers', 403, { token: finance, body });
    await rejected('PATCH', `/suppliers/${supplier.supplierId}`, 403, {
      token: finance,
      body: { name: 'x' },
      headers: { 'if-match': '"1"' },
    });
    const problem = await rejected('POST', '/suppliers', 400, {
      token: admin,
      body: { name: 'Bad', currency: 'dollars', email: 'not-an-email' },
    });
    expect(errorPaths(problem).sort()).toEqual(['body.currency', 'body.email']);
  });
});

describe('purchase orders over HTTP', () => {
  it('orders, receives in parts and closes, moving incoming to on hand', async () => {
    const before = await level(skus[0]);
    const response = await api<PurchaseOrder>('POST', '/purchase-orders', {
      token: manager,
      body: {
        supplierId: supplier.supplierId,
        storeId: store,
        lines: [
          { sku: skus[0], quantity: 10, unitCost: 2480 },
          { sku: skus[1], quantity: 5, unitCost: 3150 },
        ],
      },
    });
    const po = expectSuccess(response, 201);
    expect(response.headers.location).toBe(`/purchase-orders/${po.purchaseOrderId}`);
    expect(po).toMatchObject({ status: 'DRAFT', currency: 'AUD', total: 40550 });

    expect((await step(po.purchaseOrderId, 'order')).status).toBe('ORDERED');
    expect(await level(skus[0])).toMatchObject({ incoming: before.incoming + 10 });
    const partial = await step(po.purchaseOrderId, 'receive', { lines: [{ sku: skus[0], quantity: 10 }] });
    expect(partial).toMatchObject({
      status: 'PARTIALLY_RECEIVED',
      lines: [{ received: 10 }, { received: 0 }],
    });
    expect(await level(skus[0])).toMatchObject({ onHand: before.onHand + 10, incoming: before.incoming });
    const tooMany = await rejected('POST', `/purchase-orders/${po.purchaseOrderId}/receive`, 400, {
      token: manager,
      body: { lines: [{ sku: skus[1], quantity: 6 }] },
    });
    expect(errorPaths(tooMany)).toEqual(['body.lines[0].quantity']);
    await step(po.purchaseOrderId, 'receive', { lines: [{ sku: skus[1], quantity: 2 }] });
    const closed = await step(po.purchaseOrderId, 'close');
    expect(closed.status).toBe('CLOSED');
    expect(await level(skus[1])).toMatchObject({ incoming: 0 });

    const fetched = await api<PurchaseOrder>('GET', `/purchase-orders/${po.purchaseOrderId}`, {
      token: finance,
    });
    expect(expectSuccess(fetched, 200)).toEqual(closed);
    expect(fetched.headers.etag).toBe(`"${closed.version}"`);
  });

  it('cancels an ordered PO, releasing the incoming quantities', async () => {
    const before = await level(skus[1]);
    const po = await draftPo();
    await step(po.purchaseOrderId, 'order');
    expect((await level(skus[1])).incoming).toBe(before.incoming + 5);
    expect((await step(po.purchaseOrderId, 'cancel')).status).toBe('CANCELLED');
    expect((await level(skus[1])).incoming).toBe(before.incoming);
  });

  it('lists a store’s purchase orders newest first, by status', async () => {
    const first = await draftPo();
    const second = await draftPo();
    const page = expectSuccess(
      await api<Page<PurchaseOrder>>('GET', `/stores/${store}/purchase-orders?status=DRAFT&limit=1`, {
        token: finance,
      }),
      200,
    );
    expect(page.items.map((po) => po.purchaseOrderId)).toEqual([second.purchaseOrderId]);
    const next = expectSuccess(
      await api<Page<PurchaseOrder>>(
        'GET',
        `/stores/${store}/purchase-orders?status=DRAFT&limit=1&cursor=${encodeURIComponent(page.nextCursor ?? '')}`,
        { token: manager },
      ),
      200,
    );
    expect(next.items.map((po) => po.purchaseOrderId)).toEqual([first.purchaseOrderId]);
  });

  it('answers 409 invalid-state for transitions the status does not allow, writing nothing', async () => {
    const po = await draftPo();
    const receive = await rejected('POST', `/purchase-orders/${po.purchaseOrderId}/receive`, 409, {
      token: manager,
      body: { lines: [{ sku: skus[0], quantity: 1 }] },
    });
    expect(receive).toMatchObject({ type: '/problems/invalid-state', currentStatus: 'DRAFT' });
    await rejected('POST', `/purchase-orders/${po.purchaseOrderId}/close`, 409, { token: manager });
    await step(po.purchaseOrderId, 'cancel');
    await rejected('POST', `/purchase-orders/${po.purchaseOrderId}/order`, 409, { token: manager });
  });

  it('refuses the wrong roles (403) and other stores (404)', async () => {
    const po = await draftPo();
    await rejected('GET', `/purchase-orders/${po.purchaseOrderId}`, 403, { token: staff });
    await rejected('GET', `/stores/${store}/purchase-orders`, 403, { token: staff });
    for (const action of ['order', 'close', 'cancel'])
      await rejected('POST', `/purchase-orders/${po.purchaseOrderId}/${action}`, 403, { token: finance });
    await rejected('POST', `/purchase-orders/${po.purchaseOrderId}/receive`, 403, {
      token: finance,
      body: { lines: [{ sku: skus[0], quantity: 1 }] },
    });
    await rejected('POST', '/purchase-orders', 403, {
      token: finance,
      body: {
        supplierId: supplier.supplierId,
        storeId: store,
        lines: [{ sku: skus[0], quantity: 1, unitCost: 1 }],
      },
    });
    const outsider = await tokenFor('manager', [otherStore]);
    await rejected('GET', `/purchase-orders/${po.purchaseOrderId}`, 404, { token: outsider });
    await rejected('POST', `/purchase-orders/${po.purchaseOrderId}/order`, 404, { token: outsider });
    await rejected('GET', `/stores/${store}/purchase-orders`, 404, { token: outsider });
    await rejected('POST', '/purchase-orders', 404, {
      token: outsider,
      body: {
        supplierId: supplier.supplierId,
        storeId: store,
        lines: [{ sku: skus[0], quantity: 1, unitCost: 1 }],
      },
    });
  });

  it('answers 400 naming the field for bad purchase orders', async () => {
    const line = { sku: skus[0], quantity: 1, unitCost: 100 };
    const base = { supplierId: supplier.supplierId, storeId: store, lines: [line] };
    const cases: [unknown, string[]][] = [
      [{ ...base, supplierId: 'sup_missing' }, ['body.supplierId']],
      [{ ...base, currency: 'USD' }, ['body.currency']],
      [{ ...base, lines: [{ ...line, unitCost: 12.5 }] }, ['body.lines[0].unitCost']],
      [{ ...base, lines: [line, line] }, ['body.lines[1].sku']],
      [{ ...base, lines: [{ ...line, sku: 'NOT-A-SKU' }] }, ['body.lines[0].sku']],
      [{ ...base, expectedAt: 'next week' }, ['body.expectedAt']],
    ];
    for (const [body, paths] of cases) {
      const problem = await rejected('POST', '/purchase-orders', 400, { token: manager, body });
      expect(errorPaths(problem), JSON.stringify(body).slice(0, 80)).toEqual(paths);
    }
  });
});
