import { beforeAll, describe, expect, it } from 'vitest';
import type { InventoryLevel } from '../../lib/inventory/inventory-schemas.js';
import type { Transfer } from '../../lib/transfers/transfer-schemas.js';
import { api, errorPaths, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createProduct, createStore } from '../support/e2e-resources.js';

type Page<T> = { items: T[]; nextCursor: string | null };

let admin: string;
let finance: string;
let from: string;
let to: string;
let elsewhere: string;
let managerOfFrom: string;
let managerOfTo: string;
let staffOfTo: string;
let skus: [string, string];

const level = async (storeId: string, sku: string) =>
  expectSuccess(
    await api<InventoryLevel>('GET', `/stores/${storeId}/inventory/${sku}`, { token: admin }),
    200,
  );

const draft = async (token: string, lines = [{ sku: skus[0], quantity: 3 }]) => {
  const response = await api<Transfer>('POST', '/transfers', {
    token,
    body: { fromStoreId: from, toStoreId: to, lines },
  });
  return expectSuccess(response, 201);
};

const step = async (token: string, transferId: string, action: string, body?: unknown) =>
  expectSuccess(
    await api<Transfer>('POST', `/transfers/${transferId}/${action}`, { token, ...(body ? { body } : {}) }),
    200,
  );

beforeAll(async () => {
  admin = await tokenFor('admin');
  finance = await tokenFor('finance');
  [from, to, elsewhere] = [
    (await createStore(admin, { name: 'Transfer origin' })).storeId,
    (await createStore(admin, { name: 'Transfer destination' })).storeId,
    (await createStore(admin, { name: 'Unrelated' })).storeId,
  ];
  managerOfFrom = await tokenFor('manager', [from]);
  managerOfTo = await tokenFor('manager', [to]);
  staffOfTo = await tokenFor('staff', [to]);
  skus = (await createProduct(admin)).variants.map((variant) => variant.sku) as [string, string];
  for (const sku of skus) {
    expectSuccess(
      await api('POST', `/stores/${from}/inventory/${sku}/adjustments`, {
        token: admin,
        body: { delta: 20, reason: 'received' },
      }),
      201,
    );
  }
});

describe('transfers over HTTP', () => {
  it('drafts, readies, ships and receives short, moving stock and listing on both sides', async () => {
    const response = await api<Transfer>('POST', '/transfers', {
      token: managerOfFrom,
      body: {
        fromStoreId: from,
        toStoreId: to,
        lines: [
          { sku: skus[0], quantity: 5 },
          { sku: skus[1], quantity: 2 },
        ],
        note: 'Weekend top-up',
      },
    });
    const transfer = expectSuccess(response, 201);
    expect(response.headers.location).toBe(`/transfers/${transfer.transferId}`);
    expect(response.headers.etag).toBe('"1"');
    expect(transfer).toMatchObject({
      status: 'DRAFT',
      createdBy: 'dev-manager',
      lines: [{ sku: skus[0], quantity: 5 }, { sku: skus[1] }],
    });

    expect(await step(managerOfFrom, transfer.transferId, 'ready')).toMatchObject({
      status: 'READY_TO_SHIP',
      version: 2,
    });
    expect(await level(from, skus[0])).toMatchObject({ committed: 5 });
    await step(managerOfFrom, transfer.transferId, 'ship');
    expect(await level(to, skus[0])).toMatchObject({ incoming: 5, onHand: 0 });
    const received = await step(managerOfTo, transfer.transferId, 'receive', {
      lines: [
        { sku: skus[0], quantity: 5 },
        { sku: skus[1], quantity: 1 },
      ],
    });
    expect(received).toMatchObject({
      status: 'RECEIVED',
      lines: [
        { sku: skus[0], received: 5, shortfall: 0 },
        { sku: skus[1], received: 1, shortfall: 1 },
      ],
    });
    expect(await level(to, skus[1])).toMatchObject({ onHand: 1, incoming: 0 });

    const fetched = await api<Transfer>('GET', `/transfers/${transfer.transferId}`, { token: staffOfTo });
    expect(expectSuccess(fetched, 200)).toEqual(received);
    expect(fetched.headers.etag).toBe('"4"');
    for (const [storeId, token] of [
      [from, managerOfFrom],
      [to, staffOfTo],
    ] as const) {
      const page = expectSuccess(
        await api<Page<Transfer>>('GET', `/stores/${storeId}/transfers?status=RECEIVED`, { token }),
        200,
      );
      expect(page.items.map((t) => t.transferId)).toContain(transfer.transferId);
    }
  });

  it('lists a store’s transfers newest first with a cursor', async () => {
    const first = await draft(admin);
    const second = await draft(admin);
    const page = expectSuccess(
      await api<Page<Transfer>>('GET', `/stores/${to}/transfers?status=DRAFT&limit=1`, { token: finance }),
      200,
    );
    expect(page.items.map((t) => t.transferId)).toEqual([second.transferId]);
    const next = expectSuccess(
      await api<Page<Transfer>>(
        'GET',
        `/stores/${to}/transfers?status=DRAFT&limit=1&cursor=${encodeURIComponent(page.nextCursor ?? '')}`,
        { token: finance },
      ),
      200,
    );
    expect(next.items.map((t) => t.transferId)).toEqual([first.transferId]);
  });

  it('cancels in transit: the destination’s incoming is released and the stock returns to the origin', async () => {
    const before = await level(from, skus[1]);
    const transfer = await draft(admin, [{ sku: skus[1], quantity: 2 }]);
    await step(admin, transfer.transferId, 'ready');
    await step(admin, transfer.transferId, 'ship');
    expect(await level(from, skus[1])).toMatchObject({ onHand: before.onHand - 2 });
    expect((await step(managerOfFrom, transfer.transferId, 'cancel')).status).toBe('CANCELLED');
    expect(await level(from, skus[1])).toMatchObject({ onHand: before.onHand, committed: before.committed });
    expect((await level(to, skus[1])).incoming).toBe(0);
  });

  it('answers 409 invalid-state naming the current status, writing nothing', async () => {
    const transfer = await draft(admin);
    const ship = await rejected('POST', `/transfers/${transfer.transferId}/ship`, 409, { token: admin });
    expect(ship).toMatchObject({ type: '/problems/invalid-state', currentStatus: 'DRAFT' });
    await rejected('POST', `/transfers/${transfer.transferId}/receive`, 409, { token: admin, body: {} });
    await step(admin, transfer.transferId, 'cancel');
    const again = await rejected('POST', `/transfers/${transfer.transferId}/ready`, 409, { token: admin });
    expect(again.currentStatus).toBe('CANCELLED');
  });

  it('answers 409 with every shortage when readying more than is available, writing nothing', async () => {
    const transfer = await draft(admin, [
      { sku: skus[0], quantity: 500 },
      { sku: skus[1], quantity: 1 },
    ]);
    const problem = await rejected('POST', `/transfers/${transfer.transferId}/ready`, 409, {
      token: managerOfFrom,
    });
    expect(problem).toMatchObject({
      type: '/problems/insufficient-stock',
      shortages: [{ storeId: from, sku: skus[0], requested: 500 }],
    });
  });

  it('enforces who may do what: origin prepares, destination receives, staff and finance read', async () => {
    const transfer = await draft(admin);
    const path = `/transfers/${transfer.transferId}`;
    await rejected('POST', '/transfers', 403, {
      token: staffOfTo,
      body: { fromStoreId: to, toStoreId: from, lines: [{ sku: skus[0], quantity: 1 }] },
    });
    await rejected('POST', '/transfers', 404, {
      token: managerOfTo,
      body: { fromStoreId: from, toStoreId: to, lines: [{ sku: skus[0], quantity: 1 }] },
    });
    for (const action of ['ready', 'ship', 'cancel'])
      await rejected('POST', `${path}/${action}`, 403, { token: finance });
    await rejected('POST', `${path}/receive`, 403, { token: finance, body: {} });
    await rejected('POST', '/transfers', 403, {
      token: finance,
      body: { fromStoreId: from, toStoreId: to, lines: [{ sku: skus[0], quantity: 1 }] },
    });
    await rejected('POST', `${path}/ready`, 403, { token: staffOfTo });
    await rejected('POST', `${path}/ready`, 403, { token: managerOfTo });
    const outsider = await tokenFor('manager', [elsewhere]);
    await rejected('GET', path, 404, { token: outsider });
    await rejected('POST', `${path}/cancel`, 404, { token: outsider });
    await rejected('GET', `/stores/${from}/transfers`, 404, { token: outsider });
    await step(managerOfFrom, transfer.transferId, 'ready');
    await step(managerOfFrom, transfer.transferId, 'ship');
    await rejected('POST', `${path}/receive`, 403, { token: managerOfFrom, body: {} });
    await rejected('POST', `${path}/receive`, 403, { token: staffOfTo, body: {} });
    expect((await step(managerOfTo, transfer.transferId, 'receive', {})).status).toBe('RECEIVED');
    await rejected('GET', '/transfers/tr_missing', 404, { token: admin });
  });

  it('answers 400 naming the field for bad transfers and receipts', async () => {
    const line = { sku: skus[0], quantity: 1 };
    const cases: [unknown, string[]][] = [
      [{ fromStoreId: from, toStoreId: from, lines: [line] }, ['body.toStoreId']],
      [{ fromStoreId: from, toStoreId: to, lines: [] }, ['body.lines']],
      [{ fromStoreId: from, toStoreId: to, lines: [{ ...line, quantity: 0 }] }, ['body.lines[0].quantity']],
      [{ fromStoreId: from, toStoreId: to, lines: [line, line] }, ['body.lines[1].sku']],
      [
        { fromStoreId: from, toStoreId: to, lines: [{ sku: 'NOT-A-SKU', quantity: 1 }] },
        ['body.lines[0].sku'],
      ],
      [{ fromStoreId: from, toStoreId: 'st_nowhere', lines: [line] }, ['body.toStoreId']],
      [
        {
          fromStoreId: from,
          toStoreId: to,
          lines: Array.from({ length: 25 }, (_, i) => ({ sku: `S-${i}`, quantity: 1 })),
        },
        ['body.lines'],
      ],
    ];
    for (const [body, paths] of cases) {
      const problem = await rejected('POST', '/transfers', 400, { token: admin, body });
      expect(errorPaths(problem), JSON.stringify(body).slice(0, 80)).toEqual(paths);
    }
    const transfer = await draft(admin, [{ sku: skus[0], quantity: 2 }]);
    await step(admin, transfer.transferId, 'ready');
    await step(admin, transfer.transferId, 'ship');
    const tooMany = await rejected('POST', `/transfers/${transfer.transferId}/receive`, 400, {
      token: admin,
      body: { lines: [{ sku: skus[0], quantity: 3 }] },
    });
    expect(errorPaths(tooMany)).toEqual(['body.lines[0].quantity']);
    const statusQuery = await rejected('GET', `/stores/${from}/transfers?status=LOST`, 400, { token: admin });
    expect(errorPaths(statusQuery)).toEqual(['query.status']);
  });
});
