import { describe, expect, it } from 'vitest';
import { eraseCustomer } from '../../lib/customers/customer-erasure.js';
import { exportCustomer } from '../../lib/customers/customer-export.js';
import { createCustomer } from '../../lib/customers/customer-service.js';
import { createFeedback } from '../../lib/customers/feedback-service.js';
import { CustomerExportSchema } from '../../lib/customers/privacy-schemas.js';
import { transactWrite } from '../../lib/db/transact.js';
import { adjustPoints } from '../../lib/loyalty/points-service.js';
import { recordPayment } from '../../lib/orders/order-lifecycle.js';
import { newOrderWrite } from '../../lib/orders/order-repository.js';
import { customerInput } from '../support/customer-fixtures.js';
import { admin, managerOf } from '../support/fixtures.js';
import { idempotencyKey, newSellingStore, place, stockedSkus } from '../support/order-fixtures.js';

/** A customer who bought at two stores, gave feedback and had points adjusted. */
const customerAtTwoStores = async () => {
  const [storeA, storeB] = [await newSellingStore(), await newSellingStore()];
  const [{ skus: skusA }, { skus: skusB }] = [
    await stockedSkus(storeA, [10]),
    await stockedSkus(storeB, [10]),
  ];
  const customer = await createCustomer(admin, customerInput({ birthDate: '1985-06-30' }));
  const { customerId } = customer;
  const orderA = await place(admin, storeA, [{ sku: skusA[0] ?? '', quantity: 1 }], { customerId });
  await recordPayment(admin, orderA.orderId, { method: 'card', amount: orderA.amountDue });
  const orderB = await place(admin, storeB, [{ sku: skusB[0] ?? '', quantity: 3 }], { customerId });
  const feedback = await createFeedback(admin, customerId, { kind: 'compliment', message: 'Lovely staff' });
  await adjustPoints(admin, customerId, { delta: 40, note: 'Welcome gift' }, idempotencyKey());
  return { storeA, storeB, customer, orderA, orderB, feedback };
};

describe('exporting a customer against DynamoDB Local', () => {
  it('gives an admin everything: profile, feedback, the whole ledger and every order with its payments', async () => {
    const { customer, orderA, orderB, feedback } = await customerAtTwoStores();
    const exported = await exportCustomer(admin, customer.customerId, new Date('2026-12-01T09:00:00.000Z'));
    expect(CustomerExportSchema.parse(exported)).toEqual(exported);
    expect(exported.exportedAt).toBe('2026-12-01T09:00:00.000Z');
    expect(exported.customer).toEqual({ ...customer, pointsBalance: 40, version: customer.version });
    expect(exported.feedback).toEqual([feedback]);
    expect(exported.points.balance).toBe(40);
    expect(exported.points.entries).toMatchObject([{ delta: 40, reason: 'adjusted', note: 'Welcome gift' }]);
    expect(exported.orders.map((order) => order.orderId)).toEqual([orderB.orderId, orderA.orderId]);
    const paid = exported.orders.find((order) => order.orderId === orderA.orderId);
    expect(paid?.status).toBe('PAID');
    expect(paid?.payments).toHaveLength(1);
    expect(exported.ordersScope).toBe('all');
  });

  it('gives a manager only their stores’ orders, and says so', async () => {
    const { customer, storeA, orderA } = await customerAtTwoStores();
    const exported = await exportCustomer(managerOf(storeA), customer.customerId);
    expect(exported.orders.map((order) => order.orderId)).toEqual([orderA.orderId]);
    expect(exported.ordersScope).toEqual([storeA]);
    expect(exported.customer).toMatchObject({ email: customer.email });
  });

  it('follows every page of a long history', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [1]);
    const customer = await createCustomer(admin, customerInput());
    const first = await place(admin, storeId, [{ sku: skus[0] ?? '', quantity: 1 }], {
      customerId: customer.customerId,
    });
    // More orders than one page of the index: copies of the first under new ids, written directly.
    const copies = Array.from({ length: 104 }, (_, i) => ({
      ...first,
      orderId: `${first.orderId.slice(0, -3)}${String(i).padStart(3, '0')}`,
      createdAt: new Date(Date.parse(first.createdAt) - (i + 1) * 1000).toISOString(),
    }));
    for (let offset = 0; offset < copies.length; offset += 50)
      await transactWrite(copies.slice(offset, offset + 50).map(newOrderWrite));
    const exported = await exportCustomer(admin, customer.customerId);
    expect(exported.orders.map((order) => order.orderId)).toEqual([
      first.orderId,
      ...copies.map((order) => order.orderId),
    ]);
  });

  it('shows what erasure kept of an erased customer, and 404 for one that never existed', async () => {
    const { customer, orderA, orderB } = await customerAtTwoStores();
    const receipt = await eraseCustomer(admin, customer.customerId);
    const exported = await exportCustomer(admin, customer.customerId);
    expect(CustomerExportSchema.parse(exported)).toEqual(exported);
    expect(exported.customer).toEqual({
      customerId: customer.customerId,
      marketingOptIn: false,
      tags: [],
      pointsBalance: 40,
      erasedAt: receipt.erasedAt,
      erasedBy: admin.userId,
      createdAt: customer.createdAt,
      updatedAt: receipt.erasedAt,
      version: customer.version + 1,
      updatedBy: admin.userId,
    });
    expect(exported.orders.map((order) => order.orderId).sort()).toEqual(
      [orderA.orderId, orderB.orderId].sort(),
    );
    const text = JSON.stringify(exported);
    for (const word of ['Mia', 'Chen', '@example.com', '1985-06-30', 'Lovely staff', 'Welcome gift'])
      expect(text, word).not.toContain(word);
    await expect(exportCustomer(admin, 'cu_never_was')).rejects.toMatchObject({ status: 404 });
  });
});
