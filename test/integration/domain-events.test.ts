import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createProduct } from '../../lib/catalog/product-service.js';
import { EVENT_CATALOG } from '../../lib/events/event-catalog.js';
import type { DomainEvent } from '../../lib/events/event-envelope.js';
import { passesStreamFilter } from '../../lib/events/published-entities.js';
import { translateRecord } from '../../lib/events/translate-record.js';
import { setReorderRule } from '../../lib/inventory/inventory-service.js';
import { completeOrder, fulfilOrder, recordPayment } from '../../lib/orders/order-lifecycle.js';
import { admin, productInput, uniqueSuffix } from '../support/fixtures.js';
import { newSellingStore, place, stockedSkus } from '../support/order-fixtures.js';
import { readTableStream } from '../support/table-stream.js';

const translateAll = (records: DynamoDBRecord[]): DomainEvent[] =>
  records.filter(passesStreamFilter).flatMap((record) => translateRecord(record));

describe('domain events from real items on DynamoDB Local’s stream', () => {
  it('translates a product whose variant has no options (an empty map in the item)', async () => {
    const suffix = uniqueSuffix();
    const product = await createProduct(
      admin,
      productInput({
        variants: [{ sku: `PLAIN-${suffix}`, options: {}, price: 1500, cost: 600, currency: 'AUD' }],
      }),
    );
    const records = await readTableStream();
    const created = translateAll(records).filter(
      (event) => event.detailType === 'Product.Created' && event.detail.productId === product.productId,
    );
    expect(created).toHaveLength(1);
  });

  it('turns a sale crossing the reorder point into LowStock, and the order’s life into its events', async () => {
    const storeId = await newSellingStore();
    const { productId, skus } = await stockedSkus(storeId, [8]);
    const sku = skus[0] ?? '';
    await setReorderRule(admin, storeId, sku, { reorderPoint: 5, reorderQuantity: 20 });
    const order = await place(admin, storeId, [{ sku, quantity: 3 }]);
    await recordPayment(admin, order.orderId, { method: 'card', amount: order.total });
    await fulfilOrder(admin, order.orderId, {});
    await completeOrder(admin, order.orderId);
    // A second sale below the point: stock moves, no second LowStock.
    const second = await place(admin, storeId, [{ sku, quantity: 1 }]);

    const records = await readTableStream();
    const events = translateAll(records);
    const ofStore = events.filter((event) => event.detail.storeId === storeId);
    const types = ofStore.map((event) => event.detailType);

    const lowStock = ofStore.filter((event) => event.detailType === 'Inventory.LowStock');
    expect(lowStock).toHaveLength(1);
    expect(lowStock[0]?.detail).toMatchObject({
      storeId,
      sku,
      productId,
      available: 5,
      onHand: 8,
      committed: 3,
      reorderPoint: 5,
      reorderQuantity: 20,
      before: { available: 8 },
      cause: 'stock',
      actor: admin.userId,
    });
    expect(types).toEqual(
      expect.arrayContaining([
        'Inventory.LevelChanged',
        'Inventory.BackInStock',
        'Order.Placed',
        'Order.Paid',
      ]),
    );
    const orderEvents = ofStore
      .filter((event) => event.detail.orderId === order.orderId)
      .map((e) => e.detailType);
    expect(orderEvents).toEqual(['Order.Placed', 'Order.Paid', 'Order.Fulfilled', 'Order.Completed']);
    expect(ofStore.some((e) => e.detail.orderId === second.orderId && e.detailType === 'Order.Placed')).toBe(
      true,
    );
    expect(
      events.some((event) => event.detailType === 'Product.Created' && event.detail.productId === productId),
    ).toBe(true);

    // Every event validates against its catalog schema, ids are unique and stable on a re-read.
    for (const event of events) {
      const definition = EVENT_CATALOG.find((d) => d.detailType === event.detailType);
      expect(definition?.schema.safeParse(event.detail).success).toBe(true);
    }
    const ids = events.map((event) => event.detail.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(translateAll(await readTableStream()).map((event) => event.detail.eventId)).toEqual(
      expect.arrayContaining(ids),
    );

    // Bookkeeping (guards, idempotency records, movements, counters) is in the stream but filtered out.
    const bookkeeping = records.filter((record) => !passesStreamFilter(record));
    expect(bookkeeping.map((record) => record.dynamodb?.NewImage?.entityType?.S)).toEqual(
      expect.arrayContaining(['UniqueGuard', 'InventoryMovement', 'IdempotencyRecord']),
    );
  });
});
