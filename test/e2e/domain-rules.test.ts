import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/customers/customer-schemas.js';
import type { Feedback } from '../../lib/customers/feedback-schemas.js';
import type { OrderDetail } from '../../lib/orders/order-schemas.js';
import type { PurchaseOrder } from '../../lib/purchasing/purchase-order-schemas.js';
import type { Supplier } from '../../lib/suppliers/supplier-schemas.js';
import { customerInput, promotionInput } from '../support/customer-fixtures.js';
import { api, errorPaths, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createProduct, createStore } from '../support/e2e-resources.js';
import { storeInput, uniqueSuffix } from '../support/fixtures.js';

let admin: string;
let storeA: string;
let storeB: string;
let staffA: string;
let staffB: string;
let skus: [string, string];
let customerId: string;
let otherCustomerId: string;
let orderId: string;

const adjust = (token: string, storeId: string, sku: string, body: Record<string, unknown>) =>
  api('POST', `/stores/${storeId}/inventory/${sku}/adjustments`, { token, body });

beforeAll(async () => {
  admin = await tokenFor('admin');
  storeA = (await createStore(admin, { name: 'Rules A' })).storeId;
  storeB = (await createStore(admin, { name: 'Rules B' })).storeId;
  staffA = await tokenFor('staff', [storeA]);
  staffB = await tokenFor('staff', [storeB]);
  skus = (await createProduct(admin, { status: 'active' })).variants.map((v) => v.sku) as [string, string];
  expectSuccess(await adjust(admin, storeA, skus[0], { delta: 30, reason: 'received' }), 201);
  const customer = async () =>
    expectSuccess(await api<Customer>('POST', '/customers', { token: admin, body: customerInput() }), 201)
      .customerId;
  [customerId, otherCustomerId] = [await customer(), await customer()];
  orderId = expectSuccess(
    await api<OrderDetail>('POST', '/orders', {
      token: staffA,
      headers: { 'idempotency-key': `e2e-${randomUUID()}` },
      body: { storeId: storeA, channel: 'in_store', customerId, lines: [{ sku: skus[0], quantity: 1 }] },
    }),
    201,
  ).orderId;
});

describe('feedback about an order over HTTP', () => {
  it('takes the order’s store, and refuses orders the caller may not cite, writing nothing', async () => {
    const feedback = expectSuccess(
      await api<Feedback>('POST', `/customers/${customerId}/feedback`, {
        token: staffA,
        body: { kind: 'complaint', message: 'Box was dented.', orderId },
      }),
      201,
    );
    expect(feedback).toMatchObject({ orderId, storeId: storeA });
    const refusals: [string, string, Record<string, unknown>, string][] = [
      [staffA, customerId, { orderId: 'or_nowhere' }, 'body.orderId'],
      [staffA, otherCustomerId, { orderId }, 'body.orderId'],
      [staffB, customerId, { orderId }, 'body.orderId'],
      [admin, customerId, { orderId, storeId: storeB }, 'body.storeId'],
    ];
    for (const [token, customer, extra, path] of refusals) {
      const problem = await rejected('POST', `/customers/${customer}/feedback`, 400, {
        token,
        body: { kind: 'complaint', message: 'Late.', ...extra },
      });
      expect(errorPaths(problem)).toEqual([path]);
    }
  });
});

describe('promotions and addresses name only what exists', () => {
  it('refuses unknown stores and SKUs in a promotion, naming each', async () => {
    const ghost = `st_${uniqueSuffix().toLowerCase()}`;
    const problem = await rejected('POST', '/promotions', 400, {
      token: admin,
      body: promotionInput({
        storeIds: [storeA, ghost],
        scope: { appliesTo: 'skus', skus: [skus[0], 'NO-SUCH-SKU'] },
      }),
    });
    expect(errorPaths(problem)).toEqual(['body.storeIds[1]', 'body.scope.skus[1]']);
  });

  it('refuses a country that is not ISO 3166-1 alpha-2 on stores and suppliers', async () => {
    for (const country of ['UK', 'EU', 'XK', 'au']) {
      const address = { line1: '1 High St', city: 'London', postcode: 'E1 6AN', country };
      const store = await rejected('POST', '/stores', 400, {
        token: admin,
        body: { ...storeInput(), address },
      });
      expect(errorPaths(store)).toEqual(['body.address.country']);
      const supplier = await rejected('POST', '/suppliers', 400, {
        token: admin,
        body: { name: 'Optics Ltd', currency: 'GBP', address },
      });
      expect(errorPaths(supplier)).toEqual(['body.address.country']);
    }
  });
});

describe('staff corrections over HTTP', () => {
  it('need a note and stay within 5 units and 10% of on hand; refusals write nothing', async () => {
    const sku = skus[0];
    const noNote = await rejected('POST', `/stores/${storeA}/inventory/${sku}/adjustments`, 400, {
      token: staffA,
      body: { delta: -1, reason: 'correction' },
    });
    expect(errorPaths(noNote)).toEqual(['body.note']);
    // 30 on hand (the order only committed one): ceil(10%) = 3 units.
    const tooMany = await rejected('POST', `/stores/${storeA}/inventory/${sku}/adjustments`, 403, {
      token: staffA,
      body: { delta: -4, reason: 'correction', note: 'Miscounted' },
    });
    expect(errorPaths(tooMany)).toEqual(['body.delta']);
    expectSuccess(
      await adjust(staffA, storeA, sku, { delta: -3, reason: 'correction', note: 'Miscounted' }),
      201,
    );
    expectSuccess(await adjust(staffA, storeA, sku, { delta: 3, reason: 'correction' }), 201);
  });
});

describe('contention over HTTP', () => {
  it('books 10 racing deliveries on one purchase order: all land, none answers 409 or 503', async () => {
    const supplier = expectSuccess(
      await api<Supplier>('POST', '/suppliers', {
        token: admin,
        body: { name: 'Race Supply', currency: 'AUD' },
      }),
      201,
    );
    const po = expectSuccess(
      await api<PurchaseOrder>('POST', '/purchase-orders', {
        token: admin,
        body: {
          supplierId: supplier.supplierId,
          storeId: storeB,
          currency: 'AUD',
          lines: [{ sku: skus[1], quantity: 20, unitCost: 100 }],
        },
      }),
      201,
    );
    expectSuccess(await api('POST', `/purchase-orders/${po.purchaseOrderId}/order`, { token: admin }), 200);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        api('POST', `/purchase-orders/${po.purchaseOrderId}/receive`, {
          token: admin,
          body: { lines: [{ sku: skus[1], quantity: 2 }] },
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    const after = expectSuccess(
      await api<PurchaseOrder>('GET', `/purchase-orders/${po.purchaseOrderId}`, { token: admin }),
      200,
    );
    expect(after).toMatchObject({ status: 'RECEIVED', lines: [{ received: 20 }] });
  });
});
