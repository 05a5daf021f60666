import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../../lib/auth/principal.js';
import { CreateCustomerBody } from '../../lib/customers/customer-schemas.js';
import { createCustomer } from '../../lib/customers/customer-service.js';
import { documentClient, tableName } from '../../lib/db/client.js';
import { customerKeys, orderKeys } from '../../lib/db/keys.js';
import { getItem } from '../../lib/db/query-page.js';
import { transactWrite } from '../../lib/db/transact.js';
import { pointsChangeWrites } from '../../lib/loyalty/points.js';
import { placeOrder } from '../../lib/orders/order-placement.js';
import { CreateOrderBody } from '../../lib/orders/order-schemas.js';
import { CreatePromotionBody } from '../../lib/promotions/promotion-schemas.js';
import { createPromotion } from '../../lib/promotions/promotion-service.js';
import { createStore } from '../../lib/stores/store-service.js';
import { admin, storeInput, uniqueSuffix } from './fixtures.js';
import { newProduct, receiveStock } from './stock-fixtures.js';

/** Fixtures for order tests: stores selling in store and online, stocked SKUs, customers with points. */
export const staffAt = (storeId: string): Principal => ({
  userId: 'test-till',
  role: 'staff',
  storeIds: [storeId],
});

export const newSellingStore = async (): Promise<string> =>
  (await createStore(admin, storeInput({ channels: ['in_store', 'online'] }))).storeId;

/** A product with one SKU per quantity (price 4500 AUD each), received at the store. */
export const stockedSkus = async (
  storeId: string,
  quantities: number[],
): Promise<{ productId: string; skus: string[] }> => {
  const product = await newProduct(quantities.length);
  await Promise.all(
    product.skus.map((sku, i) =>
      (quantities[i] ?? 0) > 0
        ? receiveStock(storeId, sku, product.productId, quantities[i] ?? 0)
        : undefined,
    ),
  );
  return product;
};

export const newCustomer = async (points = 0): Promise<string> => {
  const customer = await createCustomer(
    admin,
    CreateCustomerBody.parse({
      firstName: 'Mia',
      lastName: 'Chen',
      email: `mia.${uniqueSuffix().toLowerCase()}@example.com`,
    }),
  );
  if (points > 0) {
    await transactWrite(
      pointsChangeWrites(
        { customerId: customer.customerId, delta: points, reason: 'adjusted' },
        admin,
        new Date(),
      ),
    );
  }
  return customer.customerId;
};

export const pointsBalance = async (customerId: string): Promise<number> =>
  Number((await getItem(customerKeys.item(customerId)))?.pointsBalance ?? 0);

/** A running coupon for 10% off everything, with a usage limit. */
export const newCoupon = async (usageLimit = 100): Promise<{ code: string; promotionId: string }> => {
  const code = `T${uniqueSuffix()}`;
  const now = Date.now();
  const promotion = await createPromotion(
    admin,
    CreatePromotionBody.parse({
      name: `Test coupon ${code}`,
      type: 'percentage',
      percentOff: 10,
      scope: { appliesTo: 'all' },
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 86_400_000).toISOString(),
      couponCode: code,
      usageLimit,
    }),
  );
  return { code, promotionId: promotion.promotionId };
};

export const orderInput = (
  storeId: string,
  lines: { sku: string; quantity: number }[],
  extra: Record<string, unknown> = {},
) => CreateOrderBody.parse({ storeId, channel: 'in_store', lines, ...extra });

export const idempotencyKey = (): string => `it-${randomUUID()}`;

/** Places an order with a fresh Idempotency-Key; returns the order. */
export const place = async (
  actor: Principal,
  storeId: string,
  lines: { sku: string; quantity: number }[],
  extra: Record<string, unknown> = {},
) => (await placeOrder(actor, orderInput(storeId, lines, extra), idempotencyKey())).order;

/** Every item in an order's partition (the order, payments, refunds), for assertions. */
export const orderPartition = async (orderId: string): Promise<Record<string, unknown>[]> => {
  const page = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': orderKeys.partition(orderId) },
      ConsistentRead: true,
    }),
  );
  return page.Items ?? [];
};
