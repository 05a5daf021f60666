import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../lib/db/client.js';
import { customerKeys, idempotencyKeys, promotionKeys } from '../../lib/db/keys.js';
import { getItem } from '../../lib/db/query-page.js';
import { placeOrder } from '../../lib/orders/order-placement.js';
import { listStoreOrders } from '../../lib/orders/order-queries.js';
import { createTransfer, readyTransfer, shipTransfer } from '../../lib/transfers/transfer-service.js';
import { admin } from '../support/fixtures.js';
import {
  idempotencyKey,
  newCoupon,
  newCustomer,
  newSellingStore,
  orderInput,
  pointsBalance,
  staffAt,
  stockedSkus,
} from '../support/order-fixtures.js';
import { movementSums, quantities } from '../support/stock-fixtures.js';

const allOrders = async (storeId: string) => {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listStoreOrders(admin, storeId, { limit: 100, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((order) => order.orderId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
};

const pointsEntries = async (customerId: string) => {
  const page = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': customerKeys.partition(customerId),
        ':prefix': customerKeys.pointsPrefix,
      },
    }),
  );
  return page.Items ?? [];
};

describe('orders under concurrency', () => {
  it('200 concurrent orders for one SKU with 50 available: exactly 50 succeed, the rest 409', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [50]);
    const sku = skus[0] as string;
    const staff = staffAt(storeId);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () =>
        placeOrder(staff, orderInput(storeId, [{ sku, quantity: 1 }]), idempotencyKey()),
      ),
    );
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
    expect(rejected).toHaveLength(150);
    for (const r of rejected) {
      expect(r.reason).toMatchObject({
        status: 409,
        slug: 'insufficient-stock',
        shortages: [{ sku, requested: 1 }],
      });
    }
    expect(await quantities(storeId, sku)).toMatchObject({ onHand: 50, committed: 50, available: 0 });
    expect(await movementSums(storeId, sku)).toMatchObject({ onHand: 50, committed: 50, count: 51 });
    expect(await allOrders(storeId)).toHaveLength(50);
  });

  it('20 concurrent retries with one Idempotency-Key place one order and reserve once', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [10]);
    const sku = skus[0] as string;
    const key = idempotencyKey();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => placeOrder(admin, orderInput(storeId, [{ sku, quantity: 3 }]), key)),
    );
    expect(new Set(results.map((r) => r.order.orderId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await quantities(storeId, sku)).toMatchObject({ committed: 3, available: 7 });
    expect(await movementSums(storeId, sku)).toMatchObject({ committed: 3, count: 2 });
    expect(await allOrders(storeId)).toHaveLength(1);
  });

  it('an order with one short line writes nothing: no order, commit, coupon use, points or key', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [10, 1]);
    const [plenty, scarce] = skus as [string, string];
    const coupon = await newCoupon(5);
    const customerId = await newCustomer(1_000);
    const entriesBefore = (await pointsEntries(customerId)).length;
    const key = idempotencyKey();
    await expect(
      placeOrder(
        admin,
        orderInput(
          storeId,
          [
            { sku: plenty, quantity: 4 },
            { sku: scarce, quantity: 2 },
          ],
          { customerId, couponCode: coupon.code, pointsToRedeem: 500 },
        ),
        key,
      ),
    ).rejects.toMatchObject({ status: 409, shortages: [{ sku: scarce, requested: 2, available: 1 }] });
    expect(await quantities(storeId, plenty)).toMatchObject({ committed: 0, available: 10 });
    expect(await quantities(storeId, scarce)).toMatchObject({ committed: 0, available: 1 });
    expect(await allOrders(storeId)).toEqual([]);
    expect((await getItem(promotionKeys.item(coupon.promotionId)))?.usedCount ?? 0).toBe(0);
    expect(await pointsBalance(customerId)).toBe(1_000);
    expect(await pointsEntries(customerId)).toHaveLength(entriesBefore);
    expect(await getItem(idempotencyKeys.record(storeId, key))).toBeUndefined();
  });
});

describe('orders racing a transfer on the same SKU', () => {
  it('never oversells: 40 single-unit orders while a 10-unit transfer is readied and shipped', async () => {
    const storeId = await newSellingStore();
    const destination = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [30]);
    const sku = skus[0] ?? '';
    const transfer = await createTransfer(admin, {
      fromStoreId: storeId,
      toStoreId: destination,
      lines: [{ sku, quantity: 10 }],
    });
    const transferSteps = (async () => {
      await readyTransfer(admin, transfer.transferId);
      await shipTransfer(admin, transfer.transferId);
    })();
    const orders = Array.from({ length: 40 }, () =>
      placeOrder(staffAt(storeId), orderInput(storeId, [{ sku, quantity: 1 }]), idempotencyKey()),
    );
    const [transferResult, ...orderResults] = await Promise.allSettled([transferSteps, ...orders]);
    const sold = orderResults.filter((r) => r.status === 'fulfilled').length;
    const shipped = transferResult?.status === 'fulfilled' ? 10 : 0;
    const refusals = orderResults.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refusals.every((r) => r.reason.status === 409)).toBe(true);
    if (transferResult?.status === 'rejected') expect(transferResult.reason.status).toBe(409);

    // Whatever the interleaving: nothing sold twice, no quantity negative, the ledger agrees.
    expect(sold + shipped).toBeLessThanOrEqual(30);
    const origin = await quantities(storeId, sku);
    expect(origin).toMatchObject({ onHand: 30 - shipped, committed: sold, available: 30 - shipped - sold });
    expect(origin.available).toBeGreaterThanOrEqual(0);
    const ledger = await movementSums(storeId, sku);
    expect({ onHand: ledger.onHand, committed: ledger.committed }).toEqual({
      onHand: origin.onHand,
      committed: origin.committed,
    });
    expect((await quantities(destination, sku)).incoming).toBe(shipped);
  });
});
