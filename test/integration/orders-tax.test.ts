import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createProduct } from '../../lib/catalog/product-service.js';
import { documentClient, tableName } from '../../lib/db/client.js';
import { orderKeys } from '../../lib/db/keys.js';
import { completeOrder, fulfilOrder, recordPayment } from '../../lib/orders/order-lifecycle.js';
import { getOrder } from '../../lib/orders/order-queries.js';
import { refundOrder } from '../../lib/orders/order-refunds.js';
import { admin, productInput, uniqueSuffix } from '../support/fixtures.js';
import { newCoupon, newCustomer, place, stockedSkus } from '../support/order-fixtures.js';
import { receiveStock } from '../support/stock-fixtures.js';
import { addRate, newTaxedStore } from '../support/tax-fixtures.js';

/** A lens-care product (taxed at the region's default) priced 2000, stocked at the store. */
const stockedSolution = async (storeId: string, quantity = 20) => {
  const suffix = uniqueSuffix();
  const product = await createProduct(admin, {
    ...productInput({ category: 'lens-care', attributes: {} }),
    variants: [{ sku: `CARE-${suffix}`, options: {}, price: 2000, cost: 800, currency: 'AUD' }],
  });
  await receiveStock(storeId, `CARE-${suffix}`, product.productId, quantity);
  return `CARE-${suffix}`;
};

const payInFull = async (orderId: string) => {
  const order = await getOrder(admin, orderId);
  return recordPayment(admin, orderId, { method: 'card', amount: order.amountDue });
};

describe('tax on orders (DynamoDB Local)', () => {
  it('tax-inclusive store: each line carries its category’s rate in force, totals carry the tax', async () => {
    const { storeId } = await newTaxedStore();
    const { skus } = await stockedSkus(storeId, [5]); // contact lenses, 4500
    const lenses = skus[0] as string;
    const solution = await stockedSolution(storeId);
    const order = await place(admin, storeId, [
      { sku: lenses, quantity: 2 },
      { sku: solution, quantity: 1 },
    ]);
    expect(order.lines.map((line) => [line.taxName, line.taxRate, line.taxAmount, line.netTotal])).toEqual([
      ['GST-free', 0, 0, 9000],
      ['GST', 1000, 182, 2000], // 2000 / 11 = 181.8
    ]);
    expect(order).toMatchObject({ pricesIncludeTax: true, taxTotal: 182, total: 11_000, amountDue: 11_000 });
    expect(order.lines[1]?.taxCategory).toBe('default');
    expect(await getOrder(admin, order.orderId)).toEqual(order);
  });

  it('tax-exclusive store: tax is added on top, after the coupon and points, and is paid', async () => {
    const { storeId, region } = await newTaxedStore({ pricesIncludeTax: false });
    await addRate(region, 'lens-care', 1300, '2010-01-01T00:00:00Z', 'VAT');
    const solution = await stockedSolution(storeId);
    const coupon = await newCoupon(); // 10% off
    const customerId = await newCustomer(500); // 500 points = 500 off
    const order = await place(admin, storeId, [{ sku: solution, quantity: 3 }], {
      customerId,
      couponCode: coupon.code,
      pointsToRedeem: 500,
    });
    // 6000 − 600 (coupon) − 500 (points) = 4900 taxable; 13% = 637
    expect(order.lines[0]).toMatchObject({
      lineTotal: 5400,
      allocatedDiscount: 500,
      taxName: 'VAT',
      taxRate: 1300,
      taxAmount: 637,
      netTotal: 5537,
    });
    expect(order).toMatchObject({ pricesIncludeTax: false, taxTotal: 637, total: 5537, amountDue: 5537 });
    const paid = await payInFull(order.orderId);
    expect(paid).toMatchObject({ status: 'PAID', amountPaid: 5537 });
  });

  it('a store without its own setting follows its country: US prices exclude tax', async () => {
    const { storeId } = await newTaxedStore({ country: 'US' });
    const solution = await stockedSolution(storeId);
    const order = await place(admin, storeId, [{ sku: solution, quantity: 1 }]);
    expect(order).toMatchObject({ pricesIncludeTax: false, taxTotal: 200, total: 2200 });
  });

  it('refunds return tax with the units, and returning everything returns exactly all of it', async () => {
    const { storeId } = await newTaxedStore();
    const solution = await stockedSolution(storeId);
    const customerId = await newCustomer(300);
    const order = await place(admin, storeId, [{ sku: solution, quantity: 3 }], {
      customerId,
      pointsToRedeem: 300,
    });
    expect(order).toMatchObject({ total: 5700, taxTotal: 518 }); // 5700 / 11 = 518.18
    await payInFull(order.orderId);
    await fulfilOrder(admin, order.orderId, {});
    await completeOrder(admin, order.orderId);
    const refund = (quantity: number) =>
      refundOrder(admin, order.orderId, {
        lines: [{ sku: solution, quantity }],
        restock: 'available',
        reason: 'returned',
      });
    const first = await refund(1);
    expect(first.refunds[0]).toMatchObject({ amount: 1900, tax: 172, lines: [{ amount: 1900, tax: 172 }] });
    const rest = await refund(2);
    expect(rest.refunds[1]).toMatchObject({ amount: 3800, tax: 346 });
    expect(rest).toMatchObject({ amountRefunded: 5700, taxRefunded: 518, refundableAmount: 0 });
  });

  it('reads an order stored before tax was recorded as untaxed, and refunds it without tax', async () => {
    const { storeId } = await newTaxedStore();
    const solution = await stockedSolution(storeId);
    const order = await place(admin, storeId, [{ sku: solution, quantity: 2 }]);
    await payInFull(order.orderId);
    await fulfilOrder(admin, order.orderId, {});
    const current = await getOrder(admin, order.orderId);
    // Strip the tax fields from the stored item, as an order of an older release has none.
    const { pricesIncludeTax, taxTotal, taxRefunded, payments, refunds, ...legacy } = current;
    expect([pricesIncludeTax, taxTotal, taxRefunded, payments.length, refunds.length]).toEqual([
      true,
      364,
      0,
      1,
      0,
    ]);
    await documentClient.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...orderKeys.item(order.orderId),
          ...orderKeys.listings(current),
          entityType: 'Order',
          ...legacy,
          lines: legacy.lines.map(({ taxCategory, taxName, taxRate, taxAmount, taxRateId, ...line }) => line),
        },
      }),
    );
    const read = await getOrder(admin, order.orderId);
    expect(read).toMatchObject({ pricesIncludeTax: true, taxTotal: 0, taxRefunded: 0 });
    expect(read.lines[0]).toMatchObject({
      taxCategory: 'lens-care',
      taxName: 'Tax',
      taxRate: 0,
      taxAmount: 0,
    });
    const refunded = await refundOrder(admin, order.orderId, {
      lines: [{ sku: solution, quantity: 2 }],
      restock: 'none',
      reason: 'x',
    });
    expect(refunded.refunds[0]).toMatchObject({ amount: 4000, tax: 0 });
  });
});
