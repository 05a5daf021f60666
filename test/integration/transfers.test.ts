import { describe, expect, it } from 'vitest';
import { MAX_TRANSFER_LINES } from '../../lib/transfers/transfer-rules.js';
import { CreateTransferBody } from '../../lib/transfers/transfer-schemas.js';
import {
  cancelTransfer,
  createTransfer,
  getTransfer,
  listStoreTransfers,
  readyTransfer,
  receiveTransfer,
  shipTransfer,
} from '../../lib/transfers/transfer-service.js';
import { admin, managerOf } from '../support/fixtures.js';
import {
  applyChange,
  movementReasons,
  movementSums,
  newProduct,
  newStore,
  quantities,
  receiveStock,
  staffOf,
} from '../support/stock-fixtures.js';

/** Two stores and a product with two SKUs, 10 of each on hand at the origin. */
const setUp = async () => {
  const [from, to] = [await newStore(), await newStore()];
  const { productId, skus } = await newProduct(2);
  const [a, b] = skus as [string, string];
  await receiveStock(from, a, productId, 10);
  await receiveStock(from, b, productId, 10);
  return { from, to, productId, a, b };
};

const draft = (from: string, to: string, a: string, b: string, qa = 4, qb = 3) =>
  createTransfer(admin, {
    fromStoreId: from,
    toStoreId: to,
    lines: [
      { sku: a, quantity: qa },
      { sku: b, quantity: qb },
    ],
  });

/** Level equals the sum of its movements, for every quantity state. */
const expectConserved = async (storeId: string, sku: string) => {
  const [level, sums] = [await quantities(storeId, sku), await movementSums(storeId, sku)];
  expect({ onHand: level.onHand, committed: level.committed, incoming: level.incoming }).toEqual({
    onHand: sums.onHand,
    committed: sums.committed,
    incoming: sums.incoming,
  });
};

describe('transfers', () => {
  it('moves stock through ready, ship and a short receipt, listing on both sides', async () => {
    const { from, to, productId, a, b } = await setUp();
    const transfer = await draft(from, to, a, b);
    expect(transfer).toMatchObject({
      status: 'DRAFT',
      version: 1,
      lines: [{ sku: a, productId, quantity: 4 }, { sku: b }],
    });
    expect(await quantities(from, a)).toMatchObject({ committed: 0, available: 10 });

    const ready = await readyTransfer(admin, transfer.transferId);
    expect(ready).toMatchObject({ status: 'READY_TO_SHIP', version: 2, readyAt: expect.any(String) });
    expect(await quantities(from, a)).toMatchObject({ onHand: 10, committed: 4, available: 6 });

    await shipTransfer(managerOf(from), transfer.transferId);
    expect(await quantities(from, a)).toMatchObject({ onHand: 6, committed: 0, available: 6 });
    expect(await quantities(to, a)).toMatchObject({ onHand: 0, incoming: 4 });

    const received = await receiveTransfer(managerOf(to), transfer.transferId, {
      lines: [
        { sku: a, quantity: 4 },
        { sku: b, quantity: 1 },
      ],
    });
    expect(received.status).toBe('RECEIVED');
    expect(received.lines).toEqual([
      expect.objectContaining({ sku: a, shipped: 4, received: 4, shortfall: 0 }),
      expect.objectContaining({ sku: b, shipped: 3, received: 1, shortfall: 2 }),
    ]);
    expect(await quantities(to, a)).toMatchObject({ onHand: 4, incoming: 0, available: 4 });
    expect(await quantities(to, b)).toMatchObject({ onHand: 1, incoming: 0 });
    expect(await movementReasons(from, a)).toEqual(['received', 'commit', 'transfer_out']);
    expect(await movementReasons(to, b)).toEqual(['incoming', 'transfer_in']);
    for (const store of [from, to]) for (const sku of [a, b]) await expectConserved(store, sku);

    for (const storeId of [from, to]) {
      const listed = await listStoreTransfers(admin, storeId, { limit: 10, status: 'RECEIVED' });
      expect(listed.items.map((t) => t.transferId)).toEqual([transfer.transferId]);
      expect((await listStoreTransfers(admin, storeId, { limit: 10, status: 'DRAFT' })).items).toEqual([]);
    }
    expect(await getTransfer(staffOf(to), transfer.transferId)).toEqual(received);
  });

  it('receives everything shipped when no lines are sent, and refuses bad receipt lines', async () => {
    const { from, to, a, b } = await setUp();
    const { transferId } = await draft(from, to, a, b);
    await readyTransfer(admin, transferId);
    await shipTransfer(admin, transferId);
    await expect(
      receiveTransfer(admin, transferId, {
        lines: [
          { sku: a, quantity: 5 },
          { sku: b, quantity: 3 },
        ],
      }),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.lines[0].quantity' }] });
    await expect(
      receiveTransfer(admin, transferId, { lines: [{ sku: a, quantity: 4 }] }),
    ).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body.lines' }],
    });
    const received = await receiveTransfer(admin, transferId, {});
    expect(received.lines.map((line) => line.shortfall)).toEqual([0, 0]);
    expect(await quantities(to, b)).toMatchObject({ onHand: 3, incoming: 0 });
  });

  it('answers 409 with every shortage when readying more than is available, writing nothing', async () => {
    const { from, to, productId, a, b } = await setUp();
    await applyChange({ storeId: from, sku: b, productId, deltas: { committed: 8 }, reason: 'commit' });
    const { transferId } = await draft(from, to, a, b, 11, 3);
    await expect(readyTransfer(admin, transferId)).rejects.toMatchObject({
      status: 409,
      slug: 'insufficient-stock',
      shortages: [
        { storeId: from, sku: a, requested: 11, available: 10 },
        { storeId: from, sku: b, requested: 3, available: 2 },
      ],
    });
    expect((await getTransfer(admin, transferId)).status).toBe('DRAFT');
    expect(await quantities(from, a)).toMatchObject({ committed: 0, available: 10 });
    expect((await movementSums(from, a)).count).toBe(1);
  });

  it('answers 409 invalid-state naming the current status, and only one of two racing ships wins', async () => {
    const { from, to, a, b } = await setUp();
    const { transferId } = await draft(from, to, a, b);
    await expect(shipTransfer(admin, transferId)).rejects.toMatchObject({
      status: 409,
      slug: 'invalid-state',
      extensions: { currentStatus: 'DRAFT' },
    });
    await readyTransfer(admin, transferId);
    const results = await Promise.allSettled([
      shipTransfer(admin, transferId),
      shipTransfer(admin, transferId),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { status: 409 } });
    expect(await quantities(from, a)).toMatchObject({ onHand: 6, committed: 0 });
    expect(await quantities(to, a)).toMatchObject({ incoming: 4 });
    await expect(readyTransfer(admin, transferId)).rejects.toMatchObject({ slug: 'invalid-state' });
  });

  it('cancels from each state, releasing what it held and returning shipped stock to the origin', async () => {
    const { from, to, a, b } = await setUp();
    const drafted = await draft(from, to, a, b);
    expect((await cancelTransfer(admin, drafted.transferId)).status).toBe('CANCELLED');

    const readied = await draft(from, to, a, b);
    await readyTransfer(admin, readied.transferId);
    expect(await quantities(from, a)).toMatchObject({ committed: 4 });
    const cancelled = await cancelTransfer(managerOf(from), readied.transferId);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledAt: expect.any(String) });
    expect(await quantities(from, a)).toMatchObject({ onHand: 10, committed: 0, available: 10 });

    const shipped = await draft(from, to, a, b);
    await readyTransfer(admin, shipped.transferId);
    await shipTransfer(admin, shipped.transferId);
    await cancelTransfer(admin, shipped.transferId);
    expect(await quantities(from, a)).toMatchObject({ onHand: 10, committed: 0, available: 10 });
    expect(await quantities(to, a)).toMatchObject({ onHand: 0, incoming: 0 });
    expect(await movementReasons(to, a)).toEqual(['incoming', 'incoming_cancelled']);
    await expect(cancelTransfer(admin, shipped.transferId)).rejects.toMatchObject({
      slug: 'invalid-state',
      extensions: { currentStatus: 'CANCELLED' },
    });
    for (const store of [from, to]) for (const sku of [a, b]) await expectConserved(store, sku);
    const cancelledList = await listStoreTransfers(admin, to, { status: 'CANCELLED', limit: 2 });
    expect(cancelledList.items.map((t) => t.transferId)).toEqual([shipped.transferId, readied.transferId]);
    const next = await listStoreTransfers(admin, to, {
      status: 'CANCELLED',
      limit: 2,
      cursor: cancelledList.nextCursor ?? undefined,
    });
    expect(next.items.map((t) => t.transferId)).toEqual([drafted.transferId]);
  });

  it('lets the origin’s manager prepare and the destination’s manager receive; others see 404', async () => {
    const { from, to, a, b } = await setUp();
    const stranger = managerOf(await newStore());
    await expect(
      createTransfer(managerOf(to), { fromStoreId: from, toStoreId: to, lines: [{ sku: a, quantity: 1 }] }),
    ).rejects.toMatchObject({ status: 404 });
    const { transferId } = await createTransfer(managerOf(from), {
      fromStoreId: from,
      toStoreId: to,
      lines: [{ sku: a, quantity: 1 }],
    });
    await expect(readyTransfer(managerOf(to), transferId)).rejects.toMatchObject({ status: 403 });
    await expect(getTransfer(stranger, transferId)).rejects.toMatchObject({ status: 404 });
    await expect(readyTransfer(stranger, transferId)).rejects.toMatchObject({ status: 404 });
    await expect(listStoreTransfers(stranger, from, { limit: 5 })).rejects.toMatchObject({ status: 404 });
    await readyTransfer(managerOf(from), transferId);
    await shipTransfer(managerOf(from), transferId);
    await expect(receiveTransfer(managerOf(from), transferId, {})).rejects.toMatchObject({ status: 403 });
    await receiveTransfer(managerOf(to), transferId, {});
    expect(await quantities(to, a)).toMatchObject({ onHand: 1 });
    expect(b).toBeTruthy();
  });

  it('validates stores and SKUs on create, and caps lines at one transaction', async () => {
    const { from, a } = await setUp();
    await expect(
      createTransfer(admin, { fromStoreId: from, toStoreId: 'st_nowhere', lines: [{ sku: a, quantity: 1 }] }),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.toStoreId' }] });
    await expect(
      createTransfer(admin, {
        fromStoreId: from,
        toStoreId: 'st_x',
        lines: [{ sku: 'NO-SKU', quantity: 1 }],
      }),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.lines[0].sku' }] });
    const tooMany = CreateTransferBody.safeParse({
      fromStoreId: from,
      toStoreId: 'st_x',
      lines: Array.from({ length: MAX_TRANSFER_LINES + 1 }, (_, i) => ({ sku: `S-${i}`, quantity: 1 })),
    });
    expect(tooMany.error?.issues[0]?.message).toContain('At most 24 lines');
    expect((await listStoreTransfers(admin, from, { limit: 5 })).items).toEqual([]);
  });

  it('never commits more than exists when transfers race order commits on the same SKU', async () => {
    const { from, to, productId, a } = await setUp();
    await receiveStock(from, a, productId, 20);
    const transfers = await Promise.all(
      [1, 2, 3].map(() =>
        createTransfer(admin, { fromStoreId: from, toStoreId: to, lines: [{ sku: a, quantity: 8 }] }),
      ),
    );
    const results = await Promise.allSettled([
      ...transfers.map((t) => readyTransfer(admin, t.transferId)),
      ...Array.from({ length: 20 }, () =>
        applyChange({ storeId: from, sku: a, productId, deltas: { committed: 1 }, reason: 'commit' }),
      ),
    ]);
    const readied = results.slice(0, 3).filter((r) => r.status === 'fulfilled').length;
    const commits = results.slice(3).filter((r) => r.status === 'fulfilled').length;
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.every((r) => r.reason.status === 409)).toBe(true);
    // Exactly what succeeded is committed, never more than exists. Stock may be left over
    // only when the singles all won and what remains is too little for a whole transfer.
    const committed = readied * 8 + commits;
    expect(committed).toBeLessThanOrEqual(30);
    expect(await quantities(from, a)).toEqual({
      onHand: 30,
      committed,
      unavailable: 0,
      available: 30 - committed,
      incoming: 0,
    });
    if (committed < 30) {
      expect(commits).toBe(20);
      expect(30 - committed).toBeLessThan(8);
    }
    await expectConserved(from, a);
  });
});
