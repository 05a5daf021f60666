import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { ProductView as Product } from '../../lib/catalog/product-schemas.js';
import type { Customer } from '../../lib/customers/customer-schemas.js';
import type { OrderDetail } from '../../lib/orders/order-schemas.js';
import type { PurchaseOrder } from '../../lib/purchasing/purchase-order-schemas.js';
import type { Store } from '../../lib/stores/store-schemas.js';
import type { Supplier } from '../../lib/suppliers/supplier-schemas.js';
import type { Transfer } from '../../lib/transfers/transfer-schemas.js';
import { customerInput } from '../support/customer-fixtures.js';
import {
  allRejected,
  api,
  errorPaths,
  expectProblem,
  expectSuccess,
  type RejectedCase,
  rejected,
  tokenFor,
} from '../support/e2e-client.js';
import { createProduct, createStore, uniqueCategory } from '../support/e2e-resources.js';
import { productInput, storeInput, uniqueSuffix } from '../support/fixtures.js';

type ProductPage = { items: Product[]; nextCursor: string | null };

let manager: string;
let admin: string;

beforeAll(async () => {
  manager = await tokenFor('manager', ['st_any']);
  admin = await tokenFor('admin');
});

const json = { 'content-type': 'application/json' };

describe('bad input over HTTP', () => {
  it('answers malformed JSON with 400 naming body', async () => {
    const problem = await rejected('POST', '/products', 400, {
      token: manager,
      rawBody: '{"name": ',
      headers: json,
    });
    expect(errorPaths(problem)).toEqual(['body']);
    const empty = await rejected('POST', '/stores', 400, { token: admin, rawBody: '', headers: json });
    expect(errorPaths(empty)).toEqual(['body']);
  });

  it('names the field with the wrong type', async () => {
    const body = productInput();
    const wrong = { ...body, variants: [{ ...body.variants[0], price: '12' }] };
    const problem = await rejected('POST', '/products', 400, { token: manager, body: wrong });
    expect(errorPaths(problem)).toEqual(['body.variants[0].price']);
  });

  it('names unknown fields', async () => {
    const problem = await rejected('POST', '/products', 400, {
      token: manager,
      body: { ...productInput(), colour: 'red' },
    });
    expect(errorPaths(problem)).toEqual(['body.colour']);
    const query = await rejected('GET', '/products?colour=red', 400, { token: manager });
    expect(errorPaths(query)).toEqual(['query.colour']);
  });

  it('refuses out-of-range or non-numeric limits naming query.limit', async () => {
    for (const limit of ['0', '101', 'abc', '2.5']) {
      for (const path of ['/products', '/stores']) {
        const problem = await rejected('GET', `${path}?limit=${limit}`, 400, { token: admin });
        expect(errorPaths(problem), `${path}?limit=${limit}`).toEqual(['query.limit']);
      }
    }
  });

  it('refuses a tampered cursor and a cursor from another listing, naming query.cursor', async () => {
    const [categoryA, categoryB] = [uniqueCategory(), uniqueCategory()];
    for (const category of [categoryA, categoryA, categoryB])
      await createProduct(manager, { category, attributes: {} });
    const page = expectSuccess(
      await api<ProductPage>('GET', `/products?category=${categoryA}&limit=1`, { token: manager }),
      200,
    );
    const cursor = page.nextCursor ?? '';
    expect(cursor).not.toBe('');

    const tampered = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;
    const attempts = [
      `/products?category=${categoryA}&limit=1&cursor=${encodeURIComponent(tampered)}`,
      `/products?category=${categoryA}&limit=1&cursor=garbage`,
      `/products?category=${categoryB}&limit=1&cursor=${encodeURIComponent(cursor)}`,
      `/products?limit=1&cursor=${encodeURIComponent(cursor)}`,
      `/stores?limit=1&cursor=${encodeURIComponent(cursor)}`,
    ];
    for (const path of attempts) {
      const problem = await rejected('GET', path, 400, { token: admin });
      expect(errorPaths(problem), path).toEqual(['query.cursor']);
    }
  });

  it('answers a body that is not JSON with 415', async () => {
    await rejected('POST', '/products', 415, {
      token: manager,
      rawBody: 'name=Lens',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await rejected('POST', '/stores', 415, {
      token: admin,
      rawBody: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
  });

  it('refuses malformed path parameters', async () => {
    const problem = await rejected('GET', '/stores/not%20an%20id', 400, { token: admin });
    expect(errorPaths(problem)).toEqual(['params.storeId']);
  });
});

/**
 * The bad-input sweep of issue 11: unstorable numbers, control and bidi characters, bodies on
 * routes that take none, malformed JSON, media types, charsets and codings we do not read, and
 * ETags that are not ours, sent to real resources of many routes. Every case must be a 4xx
 * problem naming the field, and the table must be exactly as it was (allRejected snapshots it).
 */
describe('the bad-input sweep', () => {
  let store: Store;
  let otherStore: string;
  let product: Product;
  let sku: string;
  let transfer: Transfer;
  let purchaseOrder: PurchaseOrder;
  let order: OrderDetail;
  let customer: Customer;
  const withKey = () => ({ 'idempotency-key': `e2e-${randomUUID()}` });

  beforeAll(async () => {
    store = await createStore(admin, { name: 'Sweep store' });
    otherStore = (await createStore(admin, { name: 'Sweep destination' })).storeId;
    product = await createProduct(admin);
    sku = product.variants[0]?.sku ?? '';
    expectSuccess(
      await api('POST', `/stores/${store.storeId}/inventory/${sku}/adjustments`, {
        token: admin,
        body: { delta: 20, reason: 'received' },
      }),
      201,
    );
    transfer = expectSuccess(
      await api<Transfer>('POST', '/transfers', {
        token: admin,
        body: { fromStoreId: store.storeId, toStoreId: otherStore, lines: [{ sku, quantity: 2 }] },
      }),
      201,
    );
    const supplier = expectSuccess(
      await api<Supplier>('POST', '/suppliers', {
        token: admin,
        body: { name: `Sweep supplier ${uniqueSuffix()}`, currency: 'AUD' },
      }),
      201,
    );
    purchaseOrder = expectSuccess(
      await api<PurchaseOrder>('POST', '/purchase-orders', {
        token: admin,
        body: {
          supplierId: supplier.supplierId,
          storeId: store.storeId,
          lines: [{ sku, quantity: 5, unitCost: 100 }],
        },
      }),
      201,
    );
    order = expectSuccess(
      await api<OrderDetail>('POST', '/orders', {
        token: admin,
        body: { storeId: store.storeId, channel: 'in_store', lines: [{ sku, quantity: 1 }] },
        headers: withKey(),
      }),
      201,
    );
    customer = expectSuccess(
      await api<Customer>('POST', '/customers', { token: admin, body: customerInput() }),
      201,
    );
  });

  type Case = RejectedCase & { paths?: string[] };
  const sweep = async (cases: Case[]) => {
    const problems = await allRejected(cases);
    problems.forEach((problem, i) => {
      const { method, path, paths } = cases[i] as Case;
      if (paths) expect(errorPaths(problem), `${method} ${path}`).toEqual(paths);
    });
  };
  const ifMatch1 = { 'if-match': '"1"' };

  it('refuses numbers the table cannot hold, naming the field', async () => {
    const attributes = (weight: string) =>
      JSON.stringify(productInput()).replace('"attributes":{', `"attributes":{"weight":${weight},`);
    const json = { 'content-type': 'application/json' };
    await sweep([
      ...['1e30', '-1e30', '9007199254740993', '1e400', '1e-7'].map((weight) => ({
        method: 'POST',
        path: '/products',
        status: 400,
        options: { token: admin, rawBody: attributes(weight), headers: json },
        paths: ['body.attributes.weight'],
      })),
      {
        method: 'PATCH',
        path: `/products/${product.productId}`,
        status: 400,
        options: {
          token: admin,
          rawBody: '{"attributes":{"weight":1e30}}',
          headers: { ...json, ...ifMatch1 },
        },
        paths: ['body.attributes.weight'],
      },
      {
        method: 'POST',
        path: `/stores/${store.storeId}/inventory/${sku}/adjustments`,
        status: 400,
        options: { token: admin, rawBody: '{"delta":1e21,"reason":"received"}', headers: json },
        paths: ['body.delta'],
      },
      {
        method: 'PUT',
        path: `/stores/${store.storeId}/inventory/${sku}/reorder-rule`,
        status: 400,
        options: { token: admin, rawBody: '{"reorderPoint":1e300,"reorderQuantity":5}', headers: json },
        paths: ['body.reorderPoint'],
      },
      {
        method: 'POST',
        path: '/orders',
        status: 400,
        options: {
          token: admin,
          rawBody: `{"storeId":"${store.storeId}","channel":"in_store","lines":[{"sku":"${sku}","quantity":1e400}]}`,
          headers: { ...json, ...withKey() },
        },
        paths: ['body.lines[0].quantity'],
      },
      {
        method: 'POST',
        path: `/customers/${customer.customerId}/points/adjustments`,
        status: 400,
        options: { token: admin, rawBody: '{"delta":-9007199254740993,"note":"x"}', headers: json },
        paths: ['body.delta'],
      },
    ]);
  });

  it('refuses control and bidi characters in every kind of free text', async () => {
    const store2 = storeInput();
    await sweep(
      [
        { method: 'POST', path: '/stores', body: { ...store2, name: 'Shop\u0000' }, paths: ['body.name'] },
        {
          method: 'POST',
          path: '/stores',
          body: { ...store2, address: { ...store2.address, city: 'Syd\nney' } },
          paths: ['body.address.city'],
        },
        {
          method: 'PATCH',
          path: `/stores/${store.storeId}`,
          body: { name: 'Evil\u202egnp.exe' },
          headers: ifMatch1,
          paths: ['body.name'],
        },
        {
          method: 'POST',
          path: '/products',
          body: productInput({ description: 'a\u2066b' }),
          paths: ['body.description'],
        },
        {
          method: 'POST',
          path: '/products',
          body: productInput({ attributes: { colour: 'red\u0085' } }),
          paths: ['body.attributes.colour'],
        },
        {
          method: 'POST',
          path: '/customers',
          body: customerInput({ firstName: 'Mia\u200f\u202d' }),
          paths: ['body.firstName'],
        },
        {
          method: 'POST',
          path: '/suppliers',
          body: { name: 'Lens\u001b[31mCo', currency: 'AUD' },
          paths: ['body.name'],
        },
        {
          method: 'POST',
          path: '/transfers',
          body: {
            fromStoreId: store.storeId,
            toStoreId: otherStore,
            lines: [{ sku, quantity: 1 }],
            note: 'bell\u0007',
          },
          paths: ['body.note'],
        },
        {
          method: 'POST',
          path: `/orders/${order.orderId}/cancel`,
          body: { reason: 'line\u2028break' },
          paths: ['body.reason'],
        },
        {
          method: 'POST',
          path: `/customers/${customer.customerId}/feedback`,
          body: { kind: 'question', message: 'Hello\u0000' },
          paths: ['body.message'],
        },
        {
          method: 'POST',
          path: `/stores/${store.storeId}/inventory/${sku}/adjustments`,
          body: { delta: 1, reason: 'received', note: 'ok\ud800' },
          paths: ['body.note'],
        },
      ].map(({ method, path, body, headers, paths }) => ({
        method,
        path,
        status: 400,
        options: { token: admin, body, ...(headers ? { headers } : {}) },
        paths,
      })),
    );
  });

  it('judges the body of routes that take none: unknown fields and malformed JSON are 400', async () => {
    const json = { 'content-type': 'application/json' };
    const actions = [
      `/transfers/${transfer.transferId}/ready`,
      `/transfers/${transfer.transferId}/ship`,
      `/transfers/${transfer.transferId}/cancel`,
      `/purchase-orders/${purchaseOrder.purchaseOrderId}/order`,
      `/purchase-orders/${purchaseOrder.purchaseOrderId}/cancel`,
      `/orders/${order.orderId}/complete`,
    ];
    await sweep([
      ...actions.map((path) => ({
        method: 'POST',
        path,
        status: 400,
        options: { token: admin, body: { force: true } },
        paths: ['body.force'],
      })),
      ...actions.flatMap((path) =>
        ['{', '{"a":}', '[]', 'null'].map((rawBody) => ({
          method: 'POST',
          path,
          status: 400,
          options: { token: admin, rawBody, headers: json },
          paths: ['body'],
        })),
      ),
      {
        method: 'DELETE',
        path: `/stores/${store.storeId}/inventory/${sku}/reorder-rule`,
        status: 400,
        options: { token: admin, body: { all: true } },
        paths: ['body.all'],
      },
    ]);
  });

  it('answers 415 for a media type, charset or coding it does not read, on bodies of every kind', async () => {
    const storeBody = JSON.stringify(storeInput());
    const cases: Case[] = [
      ...[
        'text/plain',
        'application/xml',
        'application/json; charset=iso-8859-1',
        'application/json; charset=utf-16',
      ].map((type) => ({
        method: 'POST',
        path: '/stores',
        status: 415,
        options: { token: admin, rawBody: storeBody, headers: { 'content-type': type } },
      })),
      {
        method: 'POST',
        path: '/stores',
        status: 415,
        options: {
          token: admin,
          rawBody: gzipSync(storeBody),
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        },
      },
      {
        method: 'POST',
        path: `/transfers/${transfer.transferId}/ready`,
        status: 415,
        options: { token: admin, rawBody: '{}', headers: { 'content-type': 'text/plain' } },
      },
      {
        method: 'POST',
        path: `/orders/${order.orderId}/cancel`,
        status: 415,
        options: {
          token: admin,
          rawBody: JSON.stringify({ reason: 'Changed mind' }),
          headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
        },
      },
    ];
    const problems = await allRejected(cases);
    expect(problems.at(-2)?.response.headers['accept-encoding']).toBeUndefined();
    expect(problems[4]?.response.headers['accept-encoding']).toBe('identity');
  });

  it('compares If-Match as an exact ETag: "01" is not version 1', async () => {
    const path = `/stores/${store.storeId}`;
    await sweep(
      ['"01"', '"1.0"', '"v1"'].map((tag) => ({
        method: 'PATCH',
        path,
        status: 412,
        options: { token: admin, body: { name: 'Renamed' }, headers: { 'if-match': tag } },
      })),
    );
    const current = expectSuccess(await api<Store>('GET', path, { token: admin }), 200);
    expect(current).toMatchObject({ name: store.name, version: 1 });
  });

  it('answers a request whose headers are too large with a 431 problem', async () => {
    const problem = await rejected('GET', '/stores', 431, {
      token: admin,
      headers: { 'x-padding': 'a'.repeat(12_000) },
    });
    expect(problem.type).toBe('/problems/request-header-fields-too-large');
  });
});

/** Raw bytes to the local gateway and what it answers, for requests no HTTP client would send. */
const rawExchange = (request: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(inject('baseUrl'));
    const socket = connect(Number(port), hostname, () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });

describe('requests Node cannot parse', () => {
  it('answers them with a problem body rather than an empty 400', async () => {
    const answer = await rawExchange('GET /stores HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n');
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(body)).toMatchObject({ status: 400, type: '/problems/bad-request' });
  });
});

describe('HEAD', () => {
  it('answers like GET without a body on GET routes', async () => {
    const store = await createStore(admin, { name: 'Head store' });
    for (const path of [`/stores/${store.storeId}`, '/stores?limit=1', '/products?limit=1', '/health']) {
      const get = await api('GET', path, { token: admin });
      const head = await api('HEAD', path, { token: admin });
      expect(head.status, path).toBe(get.status);
      expect(head.text, path).toBe('');
      expect(head.headers['content-type'], path).toBe(get.headers['content-type']);
      expect(head.headers.etag, path).toBe(get.headers.etag);
    }
  });

  it('is refused like GET: 401 without a token, 404 for unknown ids, 405 on paths without GET', async () => {
    expect((await api('HEAD', '/stores')).status).toBe(401);
    expect((await api('HEAD', '/stores/st_nope', { token: admin })).status).toBe(404);
    const notAllowed = await api('HEAD', '/orders/x/complete', { token: admin });
    expect(notAllowed.status).toBe(405);
    expect(notAllowed.headers.allow).toBe('POST');
    expect(notAllowed.text).toBe('');
    const stores = await api('DELETE', '/stores', { token: admin });
    expectProblem(stores, 405);
    expect(stores.headers.allow).toBe('POST, GET, HEAD');
  });
});
