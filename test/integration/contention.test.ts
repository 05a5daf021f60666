import { describe, expect, it } from 'vitest';
import type { AppError } from '../../lib/errors.js';
import {
  createPurchaseOrder,
  getPurchaseOrder,
  orderPurchaseOrder,
  receivePurchaseOrder,
} from '../../lib/purchasing/purchase-order-service.js';
import { createSupplier } from '../../lib/suppliers/supplier-service.js';
import {
  cancelTransfer,
  createTransfer,
  getTransfer,
  readyTransfer,
  receiveTransfer,
  shipTransfer,
} from '../../lib/transfers/transfer-service.js';
import { admin } from '../support/fixtures.js';
import { movementSums, newProduct, newStore, quantities, receiveStock } from '../support/stock-fixtures.js';

const BURST = 10;

/** Outcomes of a burst: the fulfilled values and the rejections' status and problem slug. */
const burst = async <T>(run: (index: number) => Promise<T>) => {
  const results = await Promise.allSettled(Array.from({ length: BURST }, (_, index) => run(index)));
  const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.flatMap((r) =>
    r.status === 'rejected'
      ? [{ status: (r.reason as AppError).status, slug: (r.reason as AppError).slug }]
      : [],
  );
  return { ok, failed };
};

const expectConserved = async (storeId: string, sku: string) => {
  const [level, sums] = [await quantities(storeId, sku), await movementSums(storeId, sku)];
  expect({ onHand: level.onHand, committed: level.committed, incoming: level.incoming }).toEqual({
    onHand: sums.onHand,
    committed: sums.committed,
    incoming: sums.incoming,
  });
};

const orderedPo = async (quantity: number) => {
  const storeId = await newStore();
  const { skus } = await newProduct(1);
  const sku = skus[0] as string;
  const supplier = await createSupplier(admin, { name: 'Burst Supply', currency: 'AUD' });
  const po = await createPurchaseOrder(admin, {
    supplierId: supplier.supplierId,
    storeId,
    currency: 'AUD',
    lines: [{ sku, quantity, unitCost: 100 }],
  });
  await orderPurchaseOrder(admin, po.purchaseOrderId);
  return { storeId, sku, purchaseOrderId: po.purchaseOrderId };
};

describe('one contention policy: racing requests that fit all succeed', () => {
  it(`${BURST} concurrent partial receipts of one purchase order all land`, async () => {
    const { storeId, sku, purchaseOrderId } = await orderedPo(BURST * 2);
    const { ok, failed } = await burst(() =>
      receivePurchaseOrder(admin, purchaseOrderId, { lines: [{ sku, quantity: 2 }] }),
    );
    expect(failed).toEqual([]);
    expect(ok).toHaveLength(BURST);
    const po = await getPurchaseOrder(admin, purchaseOrderId);
    expect(po).toMatchObject({ status: 'RECEIVED', version: 2 + BURST, lines: [{ received: BURST * 2 }] });
    expect(await quantities(storeId, sku)).toMatchObject({ onHand: BURST * 2, incoming: 0 });
    await expectConserved(storeId, sku);
  });

  it(`${BURST} transfers from one shelf readied, shipped and received at once all land`, async () => {
    const [from, to] = [await newStore(), await newStore()];
    const { productId, skus } = await newProduct(1);
    const sku = skus[0] as string;
    await receiveStock(from, sku, productId, BURST * 3);
    const transfers = await Promise.all(
      Array.from({ length: BURST }, () =>
        createTransfer(admin, { fromStoreId: from, toStoreId: to, lines: [{ sku, quantity: 3 }] }),
      ),
    );
    // Every step of every transfer touches the same level items: they race on them.
    for (const step of [readyTransfer, shipTransfer] as const) {
      const { failed } = await burst((i) => step(admin, (transfers[i] as { transferId: string }).transferId));
      expect(failed).toEqual([]);
    }
    const { failed } = await burst((i) =>
      receiveTransfer(admin, (transfers[i] as { transferId: string }).transferId, {}),
    );
    expect(failed).toEqual([]);
    expect(await quantities(from, sku)).toMatchObject({ onHand: 0, committed: 0 });
    expect(await quantities(to, sku)).toMatchObject({ onHand: BURST * 3, incoming: 0 });
    await expectConserved(from, sku);
    await expectConserved(to, sku);
  });

  it('a cancel racing a ready re-plans on what it finds: never "changed meanwhile"', async () => {
    const [from, to] = [await newStore(), await newStore()];
    const { productId, skus } = await newProduct(1);
    const sku = skus[0] as string;
    await receiveStock(from, sku, productId, 10);
    for (let round = 0; round < 5; round++) {
      const { transferId } = await createTransfer(admin, {
        fromStoreId: from,
        toStoreId: to,
        lines: [{ sku, quantity: 1 }],
      });
      const [ready, cancel] = await Promise.allSettled([
        readyTransfer(admin, transferId),
        cancelTransfer(admin, transferId),
      ]);
      // Cancel fits DRAFT and READY_TO_SHIP, so it always succeeds; ready fits only if first.
      expect(cancel.status).toBe('fulfilled');
      if (ready.status === 'rejected')
        expect(ready.reason).toMatchObject({ status: 409, slug: 'invalid-state' });
      expect((await getTransfer(admin, transferId)).status).toBe('CANCELLED');
    }
    expect(await quantities(from, sku)).toMatchObject({ onHand: 10, committed: 0, available: 10 });
    await expectConserved(from, sku);
  });
});

describe('one contention policy: where only one fits, the rest are 409 invalid-state', () => {
  it(`${BURST} concurrent receipts of everything: one lands, the rest 409 invalid-state`, async () => {
    const { storeId, sku, purchaseOrderId } = await orderedPo(5);
    const { ok, failed } = await burst(() =>
      receivePurchaseOrder(admin, purchaseOrderId, { lines: [{ sku, quantity: 5 }] }),
    );
    expect(ok).toHaveLength(1);
    expect(failed).toEqual(Array.from({ length: BURST - 1 }, () => ({ status: 409, slug: 'invalid-state' })));
    expect(await quantities(storeId, sku)).toMatchObject({ onHand: 5, incoming: 0 });
    await expectConserved(storeId, sku);
  });

  it(`${BURST} concurrent ready, ship and receive of one transfer: one each, the rest 409 invalid-state`, async () => {
    const [from, to] = [await newStore(), await newStore()];
    const { productId, skus } = await newProduct(1);
    const sku = skus[0] as string;
    await receiveStock(from, sku, productId, 4);
    const { transferId } = await createTransfer(admin, {
      fromStoreId: from,
      toStoreId: to,
      lines: [{ sku, quantity: 4 }],
    });
    const steps = [
      () => readyTransfer(admin, transferId),
      () => shipTransfer(admin, transferId),
      () => receiveTransfer(admin, transferId, {}),
    ];
    for (const step of steps) {
      const { ok, failed } = await burst(step);
      expect(ok).toHaveLength(1);
      expect(failed).toEqual(
        Array.from({ length: BURST - 1 }, () => ({ status: 409, slug: 'invalid-state' })),
      );
    }
    expect(await quantities(from, sku)).toMatchObject({ onHand: 0, committed: 0 });
    expect(await quantities(to, sku)).toMatchObject({ onHand: 4, incoming: 0 });
    await expectConserved(from, sku);
    await expectConserved(to, sku);
  });
});
