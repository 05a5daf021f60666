/**
 * Every operation of the app definition, called over HTTP: its success and several of its
 * error answers. The e2e client checks each answer against /openapi.json (status declared,
 * body matching the schema of its status and media type, declared headers present and
 * well-formed), so this file proves the document true for every operation; the last test
 * fails for any route without a scenario here, so a new route cannot go undocumented-and-untried.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { httpRoutes } from '../../infra/app-definition.js';
import { ROLES, roleHasPermission } from '../../lib/auth/roles.js';
import type { RouteContract } from '../../lib/http/route.js';
import { observedStatuses, openApiDocument } from '../support/contract-check.js';
import { customerInput } from '../support/customer-fixtures.js';
import { type ApiResponse, api, expectProblem, expectSuccess, tokenFor } from '../support/e2e-client.js';
import { createProduct, createStore } from '../support/e2e-resources.js';
import { storeInput } from '../support/fixtures.js';

type Body = Record<string, unknown>;
interface World {
  admin: string;
  storeA: string;
  storeB: string;
  productId: string;
  skus: [string, string];
  customerId: string;
  supplierId: string;
  taxRegion: string;
  taxRateId: string;
}

let world: World;
const key = () => `contract-${randomUUID()}`;
const as = (token: string, extra: Body = {}) => ({ token, ...extra });
const ok = async <T = Body>(response: Promise<ApiResponse<unknown>>, status = 200) =>
  expectSuccess(await response, status) as T;
const problem = async (response: Promise<ApiResponse<unknown>>, status: number, type?: string) => {
  const document = expectProblem(await response, status);
  if (type) expect(document.type).toBe(`/problems/${type}`);
  return document;
};
const etagOf = (response: ApiResponse<unknown>) => response.headers.etag ?? '';
const json = { 'content-type': 'application/json' };

const receive = (storeId: string, sku: string, delta: number) =>
  ok(
    api('POST', `/stores/${storeId}/inventory/${sku}/adjustments`, {
      token: world.admin,
      body: { delta, reason: 'received' },
    }),
    201,
  );

const placeOrder = async (quantity = 1) =>
  ok<{ orderId: string; amountDue: number }>(
    api('POST', '/orders', {
      token: world.admin,
      headers: { 'idempotency-key': key() },
      body: { storeId: world.storeA, channel: 'in_store', lines: [{ sku: world.skus[0], quantity }] },
    }),
    201,
  );

const paidOrder = async () => {
  const order = await placeOrder();
  await ok(
    api('POST', `/orders/${order.orderId}/payments`, {
      token: world.admin,
      body: { method: 'card', amount: order.amountDue },
    }),
    201,
  );
  return order;
};

const newTransfer = async () =>
  ok<{ transferId: string }>(
    api('POST', '/transfers', {
      token: world.admin,
      body: {
        fromStoreId: world.storeA,
        toStoreId: world.storeB,
        lines: [{ sku: world.skus[1], quantity: 1 }],
      },
    }),
    201,
  );

const newPurchaseOrder = async () =>
  ok<{ purchaseOrderId: string }>(
    api('POST', '/purchase-orders', {
      token: world.admin,
      body: {
        supplierId: world.supplierId,
        storeId: world.storeA,
        lines: [{ sku: world.skus[0], quantity: 5, unitCost: 1000 }],
      },
    }),
    201,
  );

/** For each operationId: its success and the errors particular to it. Generic errors are tried below for all. */
const SCENARIOS: Record<string, () => Promise<void>> = {
  getHealth: async () => {
    await ok(api('GET', '/health'));
  },
  getOpenApiDocument: async () => {
    // The checker validates against the very document the API serves.
    const served = await ok<{ info: Body }>(api('GET', '/openapi.json'));
    const versionless = (document: { info: Body }) => ({
      ...document,
      info: { ...document.info, version: '-' },
    });
    expect(versionless(served)).toEqual(versionless(openApiDocument as unknown as { info: Body }));
  },
  createStore: async () => {
    const store = await createStore(world.admin);
    const again = { ...storeInput(), code: store.code };
    await problem(api('POST', '/stores', as(world.admin, { body: again })), 409, 'conflict');
    await problem(
      api('POST', '/stores', as(world.admin, { body: { code: 'X', name: 'x' } })),
      400,
      'validation-error',
    );
  },
  listStores: async () => {
    await ok(api('GET', '/stores?limit=2', as(world.admin)));
    await problem(api('GET', '/stores?cursor=garbage', as(world.admin)), 400, 'validation-error');
  },
  getStore: async () => {
    const response = await api('GET', `/stores/${world.storeA}`, as(world.admin));
    expectSuccess(response, 200);
    expect(etagOf(response)).toMatch(/^"\d+"$/);
    await problem(api('GET', '/stores/st_nope', as(world.admin)), 404, 'not-found');
  },
  updateStore: async () => {
    const read = await api('GET', `/stores/${world.storeA}`, as(world.admin));
    const path = `/stores/${world.storeA}`;
    await problem(
      api('PATCH', path, as(world.admin, { body: { name: 'Renamed' } })),
      428,
      'precondition-required',
    );
    await problem(
      api('PATCH', path, as(world.admin, { body: { name: 'Renamed' }, headers: { 'if-match': '"999"' } })),
      412,
      'precondition-failed',
    );
    const other = await createStore(world.admin);
    await problem(
      api(
        'PATCH',
        path,
        as(world.admin, { body: { code: other.code }, headers: { 'if-match': etagOf(read) } }),
      ),
      409,
      'conflict',
    );
    await ok(
      api(
        'PATCH',
        path,
        as(world.admin, { body: { name: 'Renamed' }, headers: { 'if-match': etagOf(read) } }),
      ),
    );
  },
  createProduct: async () => {
    await createProduct(world.admin);
    await problem(
      api(
        'POST',
        '/products',
        as(world.admin, {
          body: {
            name: 'Clash',
            category: 'other',
            brand: 'Acme',
            status: 'active',
            variants: [{ sku: world.skus[0], options: {}, price: 100, cost: 50, currency: 'AUD' }],
          },
        }),
      ),
      409,
      'conflict',
    );
  },
  listProducts: async () => {
    await ok(api('GET', '/products?limit=2', as(world.admin)));
    await problem(api('GET', '/products?limit=0', as(world.admin)), 400, 'validation-error');
  },
  getProduct: async () => {
    await ok(api('GET', `/products/${world.productId}`, as(world.admin)));
    await problem(api('GET', '/products/pr_nope', as(world.admin)), 404, 'not-found');
  },
  updateProduct: async () => {
    const product = await createProduct(world.admin);
    const path = `/products/${product.productId}`;
    await problem(api('PATCH', path, as(world.admin, { body: { name: 'x' } })), 428);
    await problem(
      api('PATCH', path, as(world.admin, { body: { name: 'x' }, headers: { 'if-match': '"9"' } })),
      412,
    );
    await ok(
      api('PATCH', path, as(world.admin, { body: { name: 'Renamed' }, headers: { 'if-match': '"1"' } })),
    );
  },
  listStoreInventory: async () => {
    await ok(api('GET', `/stores/${world.storeA}/inventory`, as(world.admin)));
    await problem(api('GET', `/stores/${world.storeA}/inventory?limit=x`, as(world.admin)), 400);
  },
  listEntityAudit: async () => {
    await ok(api('GET', `/audit?entityType=Product&entityId=${world.productId}&limit=5`, as(world.admin)));
    await ok(
      api(
        'GET',
        `/audit?entityType=InventoryLevel&entityId=${world.storeA}:${world.skus[0]}`,
        as(world.admin),
      ),
    );
    await problem(api('GET', '/audit?entityType=Nope&entityId=x', as(world.admin)), 400);
    await problem(api('GET', '/audit?entityType=Order', as(world.admin)), 400);
    await problem(api('GET', '/audit?entityType=Order&entityId=a%20b', as(world.admin)), 400);
  },
  listStoreAudit: async () => {
    await ok(
      api(
        'GET',
        `/stores/${world.storeA}/audit?from=2026-01-01T00:00:00Z&to=2099-01-01T00:00:00%2B10:00`,
        as(world.admin),
      ),
    );
    await problem(
      api(
        'GET',
        `/stores/${world.storeA}/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
        as(world.admin),
      ),
      400,
    );
    await problem(api('GET', `/stores/${world.storeA}/audit?from=yesterday`, as(world.admin)), 400);
    await problem(api('GET', '/stores/st_nope/audit', as(world.admin)), 404);
    await problem(
      api('GET', `/stores/${world.storeA}/audit`, as(await tokenFor('manager', [world.storeB]))),
      404,
    );
  },
  listStoreReplenishments: async () => {
    await ok(api('GET', `/stores/${world.storeA}/replenishments?limit=5`, as(world.admin)));
    await problem(api('GET', `/stores/${world.storeA}/replenishments?cursor=garbage`, as(world.admin)), 400);
    await problem(api('GET', '/stores/st_nope/replenishments', as(world.admin)), 404);
  },
  getInventoryLevel: async () => {
    await ok(api('GET', `/stores/${world.storeA}/inventory/${world.skus[0]}`, as(world.admin)));
    await ok(api('GET', `/stores/${world.storeB}/inventory/${world.skus[0]}`, as(world.admin)));
  },
  listProductInventory: async () => {
    await ok(api('GET', `/products/${world.productId}/inventory`, as(world.admin)));
    await problem(api('GET', '/products/pr_nope/inventory', as(world.admin)), 404);
  },
  adjustInventory: async () => {
    const path = `/stores/${world.storeA}/inventory/${world.skus[1]}/adjustments`;
    await ok(
      api('POST', path, as(world.admin, { body: { delta: 1, reason: 'correction', note: 'c' } })),
      201,
    );
    const short = await problem(
      api('POST', path, as(world.admin, { body: { delta: -100_000, reason: 'shrinkage' } })),
      409,
      'insufficient-stock',
    );
    expect(short.shortages).toEqual([expect.objectContaining({ sku: world.skus[1] })]);
    await problem(api('POST', path, as(world.admin, { body: { delta: 1, reason: 'transfer_in' } })), 400);
    const staff = await tokenFor('staff', [world.storeA]);
    await problem(
      api('POST', path, as(staff, { body: { delta: -1, reason: 'shrinkage' } })),
      403,
      'forbidden',
    );
  },
  listInventoryMovements: async () => {
    await ok(api('GET', `/stores/${world.storeA}/inventory/${world.skus[0]}/movements`, as(world.admin)));
    await problem(
      api('GET', `/stores/${world.storeA}/inventory/${world.skus[0]}/movements?limit=101`, as(world.admin)),
      400,
    );
  },
  submitStocktake: async () => {
    await ok(
      api(
        'POST',
        `/stores/${world.storeA}/stocktakes`,
        as(world.admin, { body: { lines: [{ sku: world.skus[0], expected: 0, counted: 0 }] } }),
      ),
      201,
    );
    await problem(
      api('POST', `/stores/${world.storeA}/stocktakes`, as(world.admin, { body: { lines: [] } })),
      400,
    );
  },
  setReorderRule: async () => {
    const path = `/stores/${world.storeA}/inventory/${world.skus[0]}/reorder-rule`;
    await ok(api('PUT', path, as(world.admin, { body: { reorderPoint: 2, reorderQuantity: 10 } })));
    await problem(
      api('PUT', path, as(world.admin, { body: { reorderPoint: -1, reorderQuantity: 10 } })),
      400,
    );
  },
  removeReorderRule: async () => {
    const path = `/stores/${world.storeA}/inventory/${world.skus[0]}/reorder-rule`;
    await ok(api('DELETE', path, as(world.admin)));
    await problem(api('DELETE', path, as(await tokenFor('staff', [world.storeA]))), 403);
  },
  listStocktakes: async () => {
    await ok(api('GET', `/stores/${world.storeA}/stocktakes`, as(world.admin)));
    await problem(api('GET', `/stores/${world.storeA}/stocktakes?cursor=x`, as(world.admin)), 400);
  },
  getStocktake: async () => {
    const page = await ok<{ items: { stocktakeId: string }[] }>(
      api('GET', `/stores/${world.storeA}/stocktakes`, as(world.admin)),
    );
    await ok(api('GET', `/stores/${world.storeA}/stocktakes/${page.items[0]?.stocktakeId}`, as(world.admin)));
    await problem(api('GET', `/stores/${world.storeA}/stocktakes/sk_nope`, as(world.admin)), 404);
  },
  createTransfer: async () => {
    await newTransfer();
    await problem(
      api(
        'POST',
        '/transfers',
        as(world.admin, { body: { fromStoreId: world.storeA, toStoreId: world.storeA, lines: [] } }),
      ),
      400,
    );
  },
  getTransfer: async () => {
    const transfer = await newTransfer();
    await ok(api('GET', `/transfers/${transfer.transferId}`, as(world.admin)));
    await problem(api('GET', '/transfers/tr_nope', as(world.admin)), 404);
  },
  listStoreTransfers: async () => {
    await ok(api('GET', `/stores/${world.storeA}/transfers`, as(world.admin)));
    await problem(api('GET', `/stores/${world.storeA}/transfers?status=NOPE`, as(world.admin)), 400);
  },
  readyTransfer: async () => {
    const transfer = await newTransfer();
    await ok(api('POST', `/transfers/${transfer.transferId}/ready`, as(world.admin)));
    await problem(
      api('POST', `/transfers/${transfer.transferId}/ready`, as(world.admin)),
      409,
      'invalid-state',
    );
    const big = await ok<{ transferId: string }>(
      api(
        'POST',
        '/transfers',
        as(world.admin, {
          body: {
            fromStoreId: world.storeA,
            toStoreId: world.storeB,
            lines: [{ sku: world.skus[1], quantity: 99_999 }],
          },
        }),
      ),
      201,
    );
    await problem(
      api('POST', `/transfers/${big.transferId}/ready`, as(world.admin)),
      409,
      'insufficient-stock',
    );
  },
  shipTransfer: async () => {
    const transfer = await newTransfer();
    await problem(
      api('POST', `/transfers/${transfer.transferId}/ship`, as(world.admin)),
      409,
      'invalid-state',
    );
    await ok(api('POST', `/transfers/${transfer.transferId}/ready`, as(world.admin)));
    await ok(api('POST', `/transfers/${transfer.transferId}/ship`, as(world.admin)));
  },
  cancelTransfer: async () => {
    const transfer = await newTransfer();
    await ok(api('POST', `/transfers/${transfer.transferId}/cancel`, as(world.admin)));
    await problem(
      api('POST', `/transfers/${transfer.transferId}/cancel`, as(world.admin)),
      409,
      'invalid-state',
    );
  },
  receiveTransfer: async () => {
    const transfer = await newTransfer();
    const path = `/transfers/${transfer.transferId}/receive`;
    await problem(api('POST', path, as(world.admin, { body: {} })), 409, 'invalid-state');
    await ok(api('POST', `/transfers/${transfer.transferId}/ready`, as(world.admin)));
    await ok(api('POST', `/transfers/${transfer.transferId}/ship`, as(world.admin)));
    await problem(api('POST', path, as(world.admin, { body: { lines: 'all' } })), 400);
    await ok(api('POST', path, as(world.admin, { body: {} })));
  },
  createSupplier: async () => {
    await ok(api('POST', '/suppliers', as(world.admin, { body: { name: 'Acme', currency: 'AUD' } })), 201);
    await problem(api('POST', '/suppliers', as(world.admin, { body: { name: 'Acme' } })), 400);
  },
  createImport: async () => {
    await ok(api('POST', '/imports', as(world.admin, { body: { kind: 'products', dryRun: true } })), 201);
    await problem(
      api('POST', '/imports', as(world.admin, { body: { kind: 'stock' } })),
      400,
      'validation-error',
    );
    await problem(
      api('POST', '/imports', as(world.admin, { body: { kind: 'stock', storeId: 'st_nope' } })),
      404,
    );
  },
  getImport: async () => {
    const created = await ok<{ importId: string }>(
      api('POST', '/imports', as(world.admin, { body: { kind: 'customers', dryRun: true } })),
      201,
    );
    await ok(api('GET', `/imports/${created.importId}`, as(world.admin)));
    await problem(api('GET', '/imports/im_nope', as(world.admin)), 404);
  },
  listSuppliers: async () => {
    await ok(api('GET', '/suppliers', as(world.admin)));
    await problem(api('GET', '/suppliers?nope=1', as(world.admin)), 400);
  },
  getSupplier: async () => {
    await ok(api('GET', `/suppliers/${world.supplierId}`, as(world.admin)));
    await problem(api('GET', '/suppliers/sup_nope', as(world.admin)), 404);
  },
  updateSupplier: async () => {
    const path = `/suppliers/${world.supplierId}`;
    const read = await api('GET', path, as(world.admin));
    await problem(api('PATCH', path, as(world.admin, { body: { leadTimeDays: 3 } })), 428);
    await ok(
      api(
        'PATCH',
        path,
        as(world.admin, { body: { leadTimeDays: 3 }, headers: { 'if-match': etagOf(read) } }),
      ),
    );
    await problem(
      api(
        'PATCH',
        path,
        as(world.admin, { body: { leadTimeDays: 4 }, headers: { 'if-match': etagOf(read) } }),
      ),
      412,
    );
  },
  createPurchaseOrder: async () => {
    await newPurchaseOrder();
    await problem(
      api(
        'POST',
        '/purchase-orders',
        as(world.admin, {
          body: {
            supplierId: 'sup_nope',
            storeId: world.storeA,
            lines: [{ sku: world.skus[0], quantity: 1, unitCost: 1 }],
          },
        }),
      ),
      400,
    );
  },
  getPurchaseOrder: async () => {
    const po = await newPurchaseOrder();
    await ok(api('GET', `/purchase-orders/${po.purchaseOrderId}`, as(world.admin)));
    await problem(api('GET', '/purchase-orders/po_nope', as(world.admin)), 404);
  },
  listStorePurchaseOrders: async () => {
    await ok(api('GET', `/stores/${world.storeA}/purchase-orders`, as(world.admin)));
    await problem(
      api('GET', `/stores/${world.storeA}/purchase-orders`, as(await tokenFor('staff', [world.storeA]))),
      403,
    );
  },
  orderPurchaseOrder: async () => {
    const po = await newPurchaseOrder();
    await ok(api('POST', `/purchase-orders/${po.purchaseOrderId}/order`, as(world.admin)));
    await problem(
      api('POST', `/purchase-orders/${po.purchaseOrderId}/order`, as(world.admin)),
      409,
      'invalid-state',
    );
  },
  receivePurchaseOrder: async () => {
    const po = await newPurchaseOrder();
    const path = `/purchase-orders/${po.purchaseOrderId}/receive`;
    const body = { lines: [{ sku: world.skus[0], quantity: 2 }] };
    await problem(api('POST', path, as(world.admin, { body })), 409, 'invalid-state');
    await ok(api('POST', `/purchase-orders/${po.purchaseOrderId}/order`, as(world.admin)));
    await ok(api('POST', path, as(world.admin, { body })));
  },
  closePurchaseOrder: async () => {
    const po = await newPurchaseOrder();
    await problem(
      api('POST', `/purchase-orders/${po.purchaseOrderId}/close`, as(world.admin)),
      409,
      'invalid-state',
    );
    await ok(api('POST', `/purchase-orders/${po.purchaseOrderId}/order`, as(world.admin)));
    await ok(
      api(
        'POST',
        `/purchase-orders/${po.purchaseOrderId}/receive`,
        as(world.admin, { body: { lines: [{ sku: world.skus[0], quantity: 1 }] } }),
      ),
    );
    await ok(api('POST', `/purchase-orders/${po.purchaseOrderId}/close`, as(world.admin)));
  },
  cancelPurchaseOrder: async () => {
    const po = await newPurchaseOrder();
    await ok(api('POST', `/purchase-orders/${po.purchaseOrderId}/cancel`, as(world.admin)));
    await problem(
      api('POST', `/purchase-orders/${po.purchaseOrderId}/cancel`, as(world.admin)),
      409,
      'invalid-state',
    );
  },
  createCustomer: async () => {
    const input = customerInput();
    await ok(api('POST', '/customers', as(world.admin, { body: input })), 201);
    await problem(
      api('POST', '/customers', as(world.admin, { body: customerInput({ email: input.email }) })),
      409,
      'conflict',
    );
  },
  findCustomers: async () => {
    await ok(api('GET', '/customers?email=nobody@example.com', as(world.admin)));
    await problem(api('GET', '/customers?email=not-an-email', as(world.admin)), 400);
  },
  getCustomer: async () => {
    await ok(api('GET', `/customers/${world.customerId}`, as(world.admin)));
    await problem(api('GET', '/customers/cu_nope', as(world.admin)), 404);
  },
  updateCustomer: async () => {
    const path = `/customers/${world.customerId}`;
    const read = await api('GET', path, as(world.admin));
    await problem(api('PATCH', path, as(world.admin, { body: { firstName: 'Ann' } })), 428);
    await problem(
      api('PATCH', path, as(world.admin, { body: { firstName: 'Ann' }, headers: { 'if-match': '"99"' } })),
      412,
    );
    await ok(
      api(
        'PATCH',
        path,
        as(world.admin, { body: { firstName: 'Ann' }, headers: { 'if-match': etagOf(read) } }),
      ),
    );
  },
  createFeedback: async () => {
    const path = `/customers/${world.customerId}/feedback`;
    await ok(api('POST', path, as(world.admin, { body: { kind: 'compliment', message: 'Lovely' } })), 201);
    await problem(
      api(
        'POST',
        '/customers/cu_nope/feedback',
        as(world.admin, { body: { kind: 'question', message: '?' } }),
      ),
      404,
    );
  },
  listFeedback: async () => {
    await ok(api('GET', `/customers/${world.customerId}/feedback`, as(world.admin)));
    await problem(api('GET', '/customers/cu_nope/feedback', as(world.admin)), 404);
  },
  resolveFeedback: async () => {
    const created = await api<{ feedbackId: string }>(
      'POST',
      `/customers/${world.customerId}/feedback`,
      as(world.admin, { body: { kind: 'complaint', message: 'Slow' } }),
    );
    const path = `/customers/${world.customerId}/feedback/${expectSuccess(created, 201).feedbackId}`;
    const body = { status: 'resolved', resolution: 'Apologised' };
    await problem(api('PATCH', path, as(world.admin, { body })), 428);
    const resolved = await api(
      'PATCH',
      path,
      as(world.admin, { body, headers: { 'if-match': etagOf(created) } }),
    );
    expectSuccess(resolved, 200);
    await problem(
      api('PATCH', path, as(world.admin, { body, headers: { 'if-match': etagOf(resolved) } })),
      409,
      'feedback-already-resolved',
    );
  },
  eraseCustomer: async () => {
    // A customer of its own: the other scenarios keep using world.customerId.
    const erased = await ok<{ customerId: string }>(
      api('POST', '/customers', as(world.admin, { body: customerInput() })),
      201,
    );
    const path = `/customers/${erased.customerId}`;
    const receipt = await ok(api('DELETE', path, as(world.admin)));
    expect(await ok(api('DELETE', path, as(world.admin)))).toEqual(receipt);
    await problem(api('GET', path, as(world.admin)), 410, 'customer-erased');
    await problem(
      api('POST', `${path}/feedback`, as(world.admin, { body: { kind: 'question', message: '?' } })),
      410,
      'customer-erased',
    );
    await problem(api('DELETE', '/customers/cu_nope', as(world.admin)), 404);
  },
  exportCustomer: async () => {
    const exported = await api('GET', `/customers/${world.customerId}/export`, as(world.admin));
    expectSuccess(exported, 200);
    expect(exported.headers['cache-control']).toBe('no-store');
    await problem(api('GET', '/customers/cu_nope/export', as(world.admin)), 404);
  },
  getCustomerPoints: async () => {
    await ok(api('GET', `/customers/${world.customerId}/points`, as(world.admin)));
    await problem(api('GET', '/customers/cu_nope/points', as(world.admin)), 404);
  },
  adjustCustomerPoints: async () => {
    const path = `/customers/${world.customerId}/points/adjustments`;
    const headers = { 'idempotency-key': key() };
    await ok(api('POST', path, as(world.admin, { headers, body: { delta: 10, note: 'Goodwill' } })), 201);
    const replay = await api(
      'POST',
      path,
      as(world.admin, { headers, body: { delta: 10, note: 'Goodwill' } }),
    );
    expectSuccess(replay, 200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    await problem(
      api('POST', path, as(world.admin, { headers, body: { delta: 11, note: 'Other' } })),
      422,
      'idempotency-key-reused',
    );
    const short = await problem(
      api(
        'POST',
        path,
        as(world.admin, {
          headers: { 'idempotency-key': key() },
          body: { delta: -1_000_000, note: 'Too much' },
        }),
      ),
      409,
      'insufficient-points',
    );
    expect(short).toMatchObject({ balance: expect.any(Number), requested: 1_000_000 });
  },
  createPromotion: async () => {
    const now = Date.now();
    const body = {
      name: 'Contract promo',
      type: 'percentage',
      percentOff: 5,
      scope: { appliesTo: 'all' },
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      couponCode: `C${randomUUID().slice(0, 8).toUpperCase()}`,
    };
    await ok(api('POST', '/promotions', as(world.admin, { body })), 201);
    await problem(
      api('POST', '/promotions', as(world.admin, { body: { ...body, name: 'Again' } })),
      409,
      'conflict',
    );
  },
  listPromotions: async () => {
    await ok(api('GET', '/promotions', as(world.admin)));
    await problem(api('GET', '/promotions?status=nope', as(world.admin)), 400);
  },
  getPromotion: async () => {
    const page = await ok<{ items: { promotionId: string }[] }>(api('GET', '/promotions', as(world.admin)));
    await ok(api('GET', `/promotions/${page.items[0]?.promotionId}`, as(world.admin)));
    await problem(api('GET', '/promotions/pm_nope', as(world.admin)), 404);
  },
  updatePromotion: async () => {
    const page = await ok<{ items: { promotionId: string; version: number }[] }>(
      api('GET', '/promotions', as(world.admin)),
    );
    const promotion = page.items[0];
    const path = `/promotions/${promotion?.promotionId}`;
    await problem(api('PATCH', path, as(world.admin, { body: { name: 'x' } })), 428);
    await ok(
      api(
        'PATCH',
        path,
        as(world.admin, { body: { name: 'Renamed' }, headers: { 'if-match': `"${promotion?.version}"` } }),
      ),
    );
  },
  createOrder: async () => {
    const headers = { 'idempotency-key': key() };
    const body = { storeId: world.storeA, channel: 'in_store', lines: [{ sku: world.skus[0], quantity: 1 }] };
    await ok(api('POST', '/orders', as(world.admin, { headers, body })), 201);
    const replay = await api('POST', '/orders', as(world.admin, { headers, body }));
    expectSuccess(replay, 200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    await problem(api('POST', '/orders', as(world.admin, { headers, body: { ...body, note: 'x' } })), 400);
    await problem(
      api(
        'POST',
        '/orders',
        as(world.admin, { headers, body: { ...body, lines: [{ sku: world.skus[0], quantity: 2 }] } }),
      ),
      422,
      'idempotency-key-reused',
    );
    const short = await problem(
      api(
        'POST',
        '/orders',
        as(world.admin, {
          headers: { 'idempotency-key': key() },
          body: { ...body, lines: [{ sku: world.skus[0], quantity: 999 }] },
        }),
      ),
      409,
      'insufficient-stock',
    );
    expect(short.shortages).toHaveLength(1);
    await problem(api('POST', '/orders', as(world.admin, { body })), 400);
  },
  getOrder: async () => {
    const order = await placeOrder();
    await ok(api('GET', `/orders/${order.orderId}`, as(world.admin)));
    await problem(api('GET', '/orders/or_nope', as(world.admin)), 404);
  },
  listStoreOrders: async () => {
    await ok(api('GET', `/stores/${world.storeA}/orders`, as(world.admin)));
    await problem(api('GET', `/stores/${world.storeA}/orders?status=NOPE`, as(world.admin)), 400);
  },
  listOrders: async () => {
    await paidOrder();
    const page = await ok<{ items: unknown[] }>(api('GET', '/orders?status=PAID&limit=2', as(world.admin)));
    expect(page.items.length).toBeGreaterThan(0);
    await ok(api('GET', `/orders?storeId=${world.storeA}&from=2020-01-01T00:00:00Z`, as(world.admin)));
    await problem(
      api('GET', '/orders?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', as(world.admin)),
      400,
    );
    await problem(api('GET', '/orders?storeId=st_nope', as(world.admin)), 404);
  },
  getSalesReport: async () => {
    const today = new Date().toISOString().slice(0, 10);
    await ok(api('GET', `/reports/sales?from=${today}&to=${today}&groupBy=category`, as(world.admin)));
    await ok(api('GET', `/reports/sales?storeId=${world.storeA}`, as(world.admin)));
    await problem(api('GET', '/reports/sales?from=2026-01-01&to=2027-06-01', as(world.admin)), 400);
    await problem(api('GET', '/reports/sales?groupBy=week', as(world.admin)), 400);
    await problem(api('GET', '/reports/sales?storeId=st_nope', as(world.admin)), 404);
  },
  getTakingsReport: async () => {
    await ok(api('GET', `/reports/takings?storeId=${world.storeA}`, as(world.admin)));
    await problem(api('GET', '/reports/takings?date=2026-13-01', as(world.admin)), 400);
    await problem(api('GET', '/reports/takings?storeId=st_nope', as(world.admin)), 404);
  },
  getStockReport: async () => {
    await ok(api('GET', `/reports/stock?storeId=${world.storeA}`, as(world.admin)));
    await problem(api('GET', '/reports/stock', as(world.admin)), 400);
    await problem(api('GET', '/reports/stock?storeId=st_nope', as(world.admin)), 404);
  },
  listCustomerOrders: async () => {
    await ok(api('GET', `/customers/${world.customerId}/orders`, as(world.admin)));
    await problem(api('GET', `/customers/${world.customerId}/orders?limit=-1`, as(world.admin)), 400);
  },
  recordOrderPayment: async () => {
    const order = await placeOrder();
    const path = `/orders/${order.orderId}/payments`;
    const over = await problem(
      api('POST', path, as(world.admin, { body: { method: 'cash', amount: order.amountDue + 1 } })),
      409,
      'payment-exceeds-due',
    );
    expect(over.amountDue).toBe(order.amountDue);
    const headers = { 'idempotency-key': key() };
    await ok(
      api('POST', path, as(world.admin, { headers, body: { method: 'cash', amount: order.amountDue } })),
      201,
    );
    const replay = await api(
      'POST',
      path,
      as(world.admin, { headers, body: { method: 'cash', amount: order.amountDue } }),
    );
    expect(replay.headers['idempotent-replayed']).toBe('true');
    await problem(
      api('POST', path, as(world.admin, { body: { method: 'cash', amount: 1 } })),
      409,
      'invalid-state',
    );
  },
  fulfilOrder: async () => {
    const unpaid = await placeOrder();
    await problem(
      api('POST', `/orders/${unpaid.orderId}/fulfil`, as(world.admin, { body: {} })),
      409,
      'invalid-state',
    );
    const order = await paidOrder();
    await problem(
      api('POST', `/orders/${order.orderId}/fulfil`, as(world.admin, { body: { carrier: 7 } })),
      400,
    );
    await ok(api('POST', `/orders/${order.orderId}/fulfil`, as(world.admin, { body: {} })));
  },
  completeOrder: async () => {
    const order = await paidOrder();
    await problem(api('POST', `/orders/${order.orderId}/complete`, as(world.admin)), 409, 'invalid-state');
    await ok(api('POST', `/orders/${order.orderId}/fulfil`, as(world.admin, { body: {} })));
    await ok(api('POST', `/orders/${order.orderId}/complete`, as(world.admin)));
  },
  cancelOrder: async () => {
    const order = await placeOrder();
    const path = `/orders/${order.orderId}/cancel`;
    await problem(api('POST', path, as(world.admin, { body: {} })), 400);
    await ok(api('POST', path, as(world.admin, { body: { reason: 'Changed her mind' } })));
    const again = await problem(
      api('POST', path, as(world.admin, { body: { reason: 'Again' } })),
      409,
      'invalid-state',
    );
    expect(again).toMatchObject({ currentStatus: 'CANCELLED', allowedFrom: expect.any(Array) });
  },
  refundOrder: async () => {
    const order = await paidOrder();
    const path = `/orders/${order.orderId}/refunds`;
    const body = { amount: 1, restock: 'none', reason: 'Goodwill' };
    await problem(api('POST', path, as(world.admin, { body })), 409, 'invalid-state');
    await ok(api('POST', `/orders/${order.orderId}/fulfil`, as(world.admin, { body: {} })));
    const over = await problem(
      api('POST', path, as(world.admin, { body: { ...body, amount: order.amountDue + 1 } })),
      409,
      'refund-exceeds-paid',
    );
    expect(over.refundableAmount).toBe(order.amountDue);
    await problem(
      api(
        'POST',
        path,
        as(world.admin, {
          body: { lines: [{ sku: world.skus[0], quantity: 5 }], restock: 'available', reason: 'Back' },
        }),
      ),
      409,
      'refund-exceeds-sold',
    );
    await ok(api('POST', path, as(world.admin, { headers: { 'idempotency-key': key() }, body })), 201);
  },
  getOrderReceipt: async () => {
    const unpaid = await placeOrder();
    await problem(api('GET', `/orders/${unpaid.orderId}/receipt`, as(world.admin)), 404);
    const order = await paidOrder();
    const receipt = await ok<{ receiptNumber: string }>(
      api('GET', `/orders/${order.orderId}/receipt`, as(world.admin)),
    );
    expect(receipt.receiptNumber).toMatch(/-\d{6}$/);
    const printed = await api('GET', `/orders/${order.orderId}/receipt`, {
      token: world.admin,
      headers: { accept: 'text/plain' },
    });
    expectSuccess(printed, 200);
    expect(printed.headers['content-type']).toMatch(/^text\/plain/);
    expect(String(printed.body)).toContain(receipt.receiptNumber);
  },
  createTaxRate: async () => {
    const body = {
      region: `ct-${randomUUID().slice(0, 8)}`,
      category: 'default',
      name: 'GST',
      rate: 1000,
      effectiveFrom: '2000-07-01T00:00:00+10:00',
    };
    await ok(api('POST', '/tax-rates', as(world.admin, { body })), 201);
    await problem(api('POST', '/tax-rates', as(world.admin, { body })), 409, 'conflict');
    await problem(
      api('POST', '/tax-rates', as(world.admin, { body: { ...body, rate: -1 } })),
      400,
      'validation-error',
    );
  },
  listTaxRates: async () => {
    await ok(api('GET', `/tax-rates?region=${world.taxRegion}`, as(world.admin)));
    await problem(api('GET', '/tax-rates?category=default', as(world.admin)), 400, 'validation-error');
  },
  getTaxRate: async () => {
    await ok(api('GET', `/tax-rates/${world.taxRateId}`, as(world.admin)));
    await problem(api('GET', '/tax-rates/tx_nope', as(world.admin)), 404);
  },
  // Users (lib/users/user-routes.ts); each scenario makes its own user, so order does not matter.
  createUser: async () => {
    const user = await newUser();
    await problem(
      api('POST', '/users', as(world.admin, { body: userInput(user.username) })),
      409,
      'conflict',
    );
    const manager = await tokenFor('manager', [world.storeA]);
    await problem(
      api(
        'POST',
        '/users',
        as(manager, { body: { ...userInput(), role: 'manager', storeIds: [world.storeA] } }),
      ),
      403,
      'forbidden',
    );
    await problem(
      api('POST', '/users', as(world.admin, { body: { ...userInput(), storeIds: [] } })),
      400,
      'validation-error',
    );
  },
  listUsers: async () => {
    await newUser();
    await ok(api('GET', '/users?limit=2', as(world.admin)));
    await ok(api('GET', `/users?storeId=${world.storeA}`, as(await tokenFor('manager', [world.storeA]))));
    await problem(
      api('GET', `/users?storeId=${world.storeB}`, as(await tokenFor('manager', [world.storeA]))),
      404,
      'not-found',
    );
    await problem(api('GET', '/users?limit=0', as(world.admin)), 400, 'validation-error');
  },
  getUser: async () => {
    const user = await newUser();
    const response = await api('GET', `/users/${user.username}`, as(world.admin));
    expectSuccess(response, 200);
    expect(etagOf(response)).toBe('"1"');
    await problem(api('GET', `/users/${user.username}`, as(await tokenFor('manager', [world.storeB]))), 404);
  },
  updateUser: async () => {
    const user = await newUser();
    const path = `/users/${user.username}`;
    const body = { storeIds: [world.storeB] };
    await problem(api('PATCH', path, as(world.admin, { body })), 428, 'precondition-required');
    await problem(api('PATCH', path, as(world.admin, { body, headers: { 'if-match': '"9"' } })), 412);
    await problem(
      api(
        'PATCH',
        path,
        as(world.admin, {
          body: { role: 'admin', storeIds: [world.storeA] },
          headers: { 'if-match': '"1"' },
        }),
      ),
      400,
      'validation-error',
    );
    const manager = await tokenFor('manager', [world.storeA]);
    await problem(
      api('PATCH', path, as(manager, { body: { role: 'manager' }, headers: { 'if-match': '"1"' } })),
      403,
      'forbidden',
    );
    await ok(api('PATCH', path, as(world.admin, { body, headers: { 'if-match': '"1"' } })));
  },
  disableUser: async () => {
    const user = await newUser();
    await ok(api('POST', `/users/${user.username}/disable`, as(world.admin)));
    await problem(api('POST', '/users/zz-nobody/disable', as(world.admin)), 404, 'not-found');
  },
};

const userInput = (username = `cw-${randomUUID().slice(0, 12)}`) => ({
  username,
  email: `${username}@example.com`,
  role: 'staff',
  storeIds: [world.storeA],
});
const newUser = () =>
  ok<{ username: string }>(api('POST', '/users', as(world.admin, { body: userInput() })), 201);

const routes = httpRoutes().map(({ route }) => route);
const label = (route: RouteContract) => `${route.operationId} (${route.method} ${route.path})`;

/** A path of the route with syntactically valid ids that name nothing. */
const placeholderPath = (route: RouteContract, value = 'zz_contract_missing') =>
  route.path.replace(/\{\w+\}/g, (name) => (name === '{sku}' ? 'ZZ-CONTRACT-MISSING' : value));

describe('every operation against the OpenAPI document', () => {
  beforeAll(async () => {
    const admin = await tokenFor('admin');
    const [storeA, storeB] = [(await createStore(admin)).storeId, (await createStore(admin)).storeId];
    const product = await createProduct(admin);
    const skus = product.variants.map((variant) => variant.sku) as [string, string];
    const customer = await ok<{ customerId: string }>(
      api('POST', '/customers', { token: admin, body: customerInput() }),
      201,
    );
    const supplier = await ok<{ supplierId: string }>(
      api('POST', '/suppliers', { token: admin, body: { name: 'Contract supplier', currency: 'AUD' } }),
      201,
    );
    const taxRegion = `cw-${randomUUID().slice(0, 8)}`;
    const rate = expectSuccess(
      await api<{ taxRateId: string }>('POST', '/tax-rates', {
        token: admin,
        body: {
          region: taxRegion,
          category: 'default',
          name: 'GST',
          rate: 1000,
          effectiveFrom: '2000-07-01T00:00:00Z',
        },
      }),
      201,
    );
    world = {
      taxRegion,
      taxRateId: rate.taxRateId,
      admin,
      storeA,
      storeB,
      productId: product.productId,
      skus,
      customerId: customer.customerId,
      supplierId: supplier.supplierId,
    };
    await receive(storeA, skus[0], 50);
    await receive(storeA, skus[1], 50);
  });

  for (const route of routes) {
    it(label(route), async () => {
      const scenario = SCENARIOS[route.operationId];
      expect(
        scenario,
        `No contract scenario for ${route.operationId}: add one to SCENARIOS in test/e2e/contract.test.ts`,
      ).toBeDefined();
      await scenario?.();
      if (route.access === 'public') return;
      // Errors every protected operation can give, tried the same way for all.
      await problem(api(route.method, placeholderPath(route)), 401, 'unauthorized');
      await problem(api(route.method, placeholderPath(route), { token: 'not-a-jwt' }), 401, 'unauthorized');
      const refused = ROLES.find((role) => !roleHasPermission(role, route.access as never));
      if (refused) {
        await problem(
          api(route.method, placeholderPath(route), { token: await tokenFor(refused, [world.storeA]) }),
          403,
          'forbidden',
        );
      }
      if (route.params) {
        await problem(
          api(route.method, placeholderPath(route, 'bad%20id'), { token: world.admin }),
          400,
          'validation-error',
        );
      }
      if (['POST', 'PUT', 'PATCH'].includes(route.method) && route.body) {
        const path = placeholderPath(route);
        await problem(
          api(route.method, path, {
            token: world.admin,
            rawBody: 'x=1',
            headers: { 'content-type': 'text/plain' },
          }),
          415,
        );
        await problem(
          api(route.method, path, { token: world.admin, rawBody: '{"a":', headers: json }),
          400,
          'validation-error',
        );
        await problem(
          api(route.method, path, {
            token: world.admin,
            rawBody: JSON.stringify({ x: 'y'.repeat(1024 * 1024) }),
            headers: json,
          }),
          413,
          'payload-too-large',
        );
      }
    });
  }

  it('answers the $default route as x-default-route declares', async () => {
    await problem(api('GET', '/no-such-route', { token: world.admin }), 404, 'not-found');
    await problem(api('PUT', '/stores', { token: world.admin }), 405, 'method-not-allowed');
  });

  it('tried every operation: a success and at least two error answers for each protected one', () => {
    for (const route of routes) {
      const statuses = [...(observedStatuses.get(route.operationId) ?? [])];
      expect(
        statuses.some((status) => status < 300),
        `${label(route)} never succeeded`,
      ).toBe(true);
      if (route.access !== 'public') {
        expect(
          new Set(statuses.filter((status) => status >= 400)).size,
          `${label(route)}: ${statuses}`,
        ).toBeGreaterThanOrEqual(2);
      }
    }
    expect(Object.keys(openApiDocument.paths).length).toBeGreaterThan(40);
  });
});
