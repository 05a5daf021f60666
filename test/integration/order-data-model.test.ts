import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../lib/db/client.js';
import { LEGACY_LISTING_KEYS, orderKeys } from '../../lib/db/keys.js';
import { getItem } from '../../lib/db/query-page.js';
import { ORDER_SUMMARY_ATTRIBUTES } from '../../lib/db/table-definition.js';
import { listProductInventory } from '../../lib/inventory/inventory-service.js';
import { recordPayment } from '../../lib/orders/order-lifecycle.js';
import { getOrder, listCustomerOrders, listStoreOrders } from '../../lib/orders/order-queries.js';
import { toOrderItem } from '../../lib/orders/order-repository.js';
import { admin } from '../support/fixtures.js';
import {
  newCustomer,
  newSellingStore,
  orderPartition,
  place,
  stockedSkus,
} from '../support/order-fixtures.js';
import { receiveStock } from '../support/stock-fixtures.js';

/**
 * What each order write costs each index, as DynamoDB Local reports it (units are deterministic).
 * The shared client's `send` is wrapped to ask for ReturnConsumedCapacity and keep the units
 * per index; the capacity meter (lib/db/capacity-meter.ts) does the same for every operation.
 */
type Units = Record<string, number>;
let recorded: Units[] | undefined;
const send = documentClient.send;
afterEach(() => {
  recorded = undefined;
});
(documentClient as { send: unknown }).send = async (command: { input: Record<string, unknown> }) => {
  if (recorded) command.input.ReturnConsumedCapacity = 'INDEXES';
  const output = (await (send as (c: unknown) => Promise<Record<string, unknown>>)(command)) as {
    ConsumedCapacity?: unknown;
  };
  if (recorded) {
    const raw = output.ConsumedCapacity;
    for (const consumed of (Array.isArray(raw) ? raw : raw ? [raw] : []) as {
      Table?: { CapacityUnits?: number };
      GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
    }[]) {
      const units: Units = { table: consumed.Table?.CapacityUnits ?? 0 };
      for (const [index, used] of Object.entries(consumed.GlobalSecondaryIndexes ?? {}))
        units[index] = used.CapacityUnits ?? 0;
      recorded.push(units);
    }
  }
  return output;
};

/** The index units the work's writes and reads consumed, summed per index (the table left out). */
const indexUnits = async (work: () => Promise<unknown>): Promise<Units> => {
  recorded = [];
  await work();
  const total: Units = {};
  for (const units of recorded)
    for (const [index, value] of Object.entries(units))
      if (index !== 'table' && value > 0) total[index] = (total[index] ?? 0) + value;
  recorded = undefined;
  return total;
};

const pay = (orderId: string, amount: number) => recordPayment(admin, orderId, { method: 'card', amount });

describe('orders in the narrow listing indexes', () => {
  it('lists order summaries: the projected attributes, equal to the order, without lines or money that moves', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const customerId = await newCustomer();
    const order = await place(admin, storeId, [{ sku: skus[0] as string, quantity: 2 }], { customerId });
    const expected = Object.fromEntries(
      ORDER_SUMMARY_ATTRIBUTES.flatMap((name) =>
        (order as Record<string, unknown>)[name] === undefined
          ? []
          : [[name, (order as Record<string, unknown>)[name]]],
      ),
    );
    const [byStore] = (await listStoreOrders(admin, storeId, { limit: 5 })).items;
    const [byStatus] = (await listStoreOrders(admin, storeId, { limit: 5, status: 'PENDING_PAYMENT' })).items;
    const [byCustomer] = (await listCustomerOrders(admin, customerId, { limit: 5 })).items;
    for (const summary of [byStore, byStatus, byCustomer]) {
      expect(summary).toEqual(expected);
      expect(summary).not.toHaveProperty('lines');
      expect(summary).not.toHaveProperty('amountDue');
    }
  });

  it('places an order into four narrow listings; a part payment writes none; the final one moves the status listings only', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5, 5]);
    const customerId = await newCustomer();
    let orderId = '';
    const placing = await indexUnits(async () => {
      orderId = (
        await place(
          admin,
          storeId,
          [
            { sku: skus[0] as string, quantity: 1 },
            { sku: skus[1] as string, quantity: 1 },
          ],
          { customerId },
        )
      ).orderId;
    });
    // One small entry per listing (doubled in a transaction); the levels' product listing is
    // keys only, so their new quantities cost it nothing (the levels already existed).
    expect(placing).toEqual({ gsi7: 2, gsi8: 2, gsi9: 2, gsi10: 2 });

    expect(await indexUnits(() => pay(orderId, 1000))).toEqual({});
    const order = await getOrder(admin, orderId);
    // The status leaves one gsi7 partition for another (delete + put); gsi8 shows the new status.
    expect(await indexUnits(() => pay(orderId, order.amountDue))).toEqual({ gsi7: 4, gsi8: 2 });
    expect((await listStoreOrders(admin, storeId, { limit: 5, status: 'PAID' })).items).toMatchObject([
      { orderId, status: 'PAID', receiptNumber: expect.any(String) },
    ]);
    expect((await listStoreOrders(admin, storeId, { limit: 5, status: 'PENDING_PAYMENT' })).items).toEqual(
      [],
    );
    expect((await listCustomerOrders(admin, customerId, { limit: 5 })).items).toMatchObject([
      { orderId, status: 'PAID' },
    ]);
  });

  it('writes a payment as an update of what changed: the rest of the order is as it was', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const order = await place(admin, storeId, [{ sku: skus[0] as string, quantity: 1 }]);
    const before = await getItem(orderKeys.item(order.orderId));
    await pay(order.orderId, 1000);
    const after = await getItem(orderKeys.item(order.orderId));
    const changed = Object.keys({ ...before, ...after })
      .filter((name) => JSON.stringify(before?.[name]) !== JSON.stringify(after?.[name]))
      .sort();
    expect(changed).toEqual(['amountDue', 'amountPaid', 'refundableAmount', 'updatedAt', 'version'].sort());
    expect(after).toMatchObject({ amountPaid: 1000, amountDue: order.total - 1000, version: 2 });
  });

  it('moves an order written before the narrow indexes onto them at its next change', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const customerId = await newCustomer();
    const order = await place(admin, storeId, [{ sku: skus[0] as string, quantity: 1 }], { customerId });
    // As the release before wrote it: listed on gsi1, gsi2, gsi3 and gsi5, none of the new keys.
    const { gsi7pk, gsi7sk, gsi8pk, gsi8sk, gsi9pk, gsi9sk, gsi10pk, gsi10sk, ...bare } = toOrderItem(
      (await getOrder(admin, order.orderId)) as never,
    ) as Record<string, unknown>;
    const at = `${order.createdAt}#${order.orderId}`;
    await documentClient.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...bare,
          payments: undefined,
          refunds: undefined,
          gsi1pk: `STORE#${storeId}#ORDERS#PENDING_PAYMENT`,
          gsi1sk: at,
          gsi2pk: `STORE#${storeId}#ORDERS`,
          gsi2sk: at,
          gsi3pk: `CUSTOMER#${customerId}#ORDERS`,
          gsi3sk: at,
          gsi5pk: `CUSTOMER#${customerId}#STORE#${storeId}#ORDERS`,
          gsi5sk: at,
        },
      }),
    );
    expect((await listStoreOrders(admin, storeId, { limit: 5 })).items).toEqual([]);

    await pay(order.orderId, 1000);
    const [item] = (await orderPartition(order.orderId)).filter((entry) => entry.sk === 'ORDER');
    expect(item).toMatchObject(orderKeys.listings({ ...order, status: 'PENDING_PAYMENT' }));
    for (const legacy of LEGACY_LISTING_KEYS.order) expect(item).not.toHaveProperty(legacy);
    expect((await listStoreOrders(admin, storeId, { limit: 5 })).items).toMatchObject([
      { orderId: order.orderId },
    ]);
    expect((await listCustomerOrders(admin, customerId, { limit: 5 })).items).toMatchObject([
      { orderId: order.orderId },
    ]);
  });
});

describe('a product’s levels across stores (keys-only gsi9)', () => {
  it('lists whole, current levels by store then SKU, with cursors', async () => {
    const [storeA, storeB] = [await newSellingStore(), await newSellingStore()].sort();
    const { productId, skus } = await stockedSkus(storeA as string, [4, 2]);
    await receiveStock(storeB as string, skus[0] as string, productId, 7);
    const first = await listProductInventory(admin, productId, { limit: 2, cursor: undefined });
    const second = await listProductInventory(admin, productId, {
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    const rows = [...first.items, ...second.items].map((level) => [level.storeId, level.sku, level.onHand]);
    expect(rows).toEqual(
      [
        [storeA, skus[0], 4],
        [storeA, skus[1], 2],
        [storeB, skus[0], 7],
      ].sort((a, b) => `${a[0]}#${a[1]}`.localeCompare(`${b[0]}#${b[1]}`)),
    );
    expect(first.items[0]).toMatchObject({ available: expect.any(Number), version: expect.any(Number) });
    expect(JSON.stringify(first)).not.toMatch(/gsi|"pk"/);
  });
});
