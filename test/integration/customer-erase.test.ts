import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { eraseCustomer } from '../../lib/customers/customer-erasure.js';
import {
  createCustomer,
  findCustomers,
  getCustomer,
  updateCustomer,
} from '../../lib/customers/customer-service.js';
import { createFeedback, listFeedback, resolveFeedback } from '../../lib/customers/feedback-service.js';
import { documentClient, tableName } from '../../lib/db/client.js';
import { customerKeys, guardKeys } from '../../lib/db/keys.js';
import { getItem } from '../../lib/db/query-page.js';
import { transactWrite } from '../../lib/db/transact.js';
import { pointsChangesWrites } from '../../lib/loyalty/points.js';
import { adjustPoints, getPointsStatement } from '../../lib/loyalty/points-service.js';
import { completeOrder, fulfilOrder, recordPayment } from '../../lib/orders/order-lifecycle.js';
import { getOrder } from '../../lib/orders/order-queries.js';
import { refundOrder } from '../../lib/orders/order-refunds.js';
import { customerInput } from '../support/customer-fixtures.js';
import { admin, managerOf } from '../support/fixtures.js';
import { idempotencyKey, newSellingStore, place, stockedSkus } from '../support/order-fixtures.js';

const prescription = {
  right: { sphere: -2.25 },
  left: { sphere: -2.5, cylinder: -0.75, axis: 170 },
  issuedOn: '2025-03-01',
  expiresOn: '2027-03-01',
};

/** Every item in the customer's partition, straight from the table. */
const partition = async (customerId: string): Promise<Record<string, unknown>[]> => {
  const page = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': customerKeys.partition(customerId) },
      ConsistentRead: true,
    }),
  );
  return page.Items ?? [];
};

/** Words of the customer's personal data that must not be found anywhere under them after erasure. */
const PERSONAL_WORDS = ['Mia', 'Chen', '@example.com', '+61', '1990-04-12', 'sphere', 'late lenses'];

/** A customer with a prescription, feedback (one resolved), a noted points adjustment and a paid order. */
const richCustomer = async () => {
  const storeId = await newSellingStore();
  const { skus } = await stockedSkus(storeId, [10]);
  const sku = skus[0] ?? '';
  const customer = await createCustomer(
    admin,
    customerInput({ birthDate: '1990-04-12', prescription, tags: ['contact-lens-wearer'] }),
  );
  const { customerId } = customer;
  const open = await createFeedback(admin, customerId, { kind: 'complaint', message: 'Mia: late lenses' });
  const resolved = await createFeedback(admin, customerId, { kind: 'question', message: 'Mia asks' });
  await resolveFeedback(
    admin,
    customerId,
    resolved.feedbackId,
    { status: 'resolved', resolution: 'Told Mia' },
    1,
  );
  await adjustPoints(
    admin,
    customerId,
    { delta: 50, note: 'Goodwill for Mia Chen, late lenses' },
    idempotencyKey(),
  );
  const order = await place(admin, storeId, [{ sku, quantity: 2 }], { customerId });
  await recordPayment(admin, order.orderId, { method: 'card', amount: order.amountDue });
  return { storeId, sku, customer, open, resolved, order };
};

describe('erasing a customer against DynamoDB Local', () => {
  it('erases every personal field, frees the email and phone, and keeps orders, points and feedback', async () => {
    const { customer, order, open } = await richCustomer();
    const { customerId } = customer;
    const pointsBefore = await getPointsStatement(customerId, { limit: 100, cursor: undefined });
    const manager = managerOf('st_any');

    const receipt = await eraseCustomer(manager, customerId, new Date('2026-12-01T10:00:00.000Z'));
    expect(receipt).toEqual({
      customerId,
      status: 'erased',
      erasedAt: '2026-12-01T10:00:00.000Z',
      erasedBy: manager.userId,
    });

    // Nothing personal left under the customer, in any item of the partition.
    const items = await partition(customerId);
    const raw = JSON.stringify(items);
    for (const word of PERSONAL_WORDS) expect(raw, word).not.toContain(word);
    const stored = items.find((item) => item.sk === 'CUSTOMER');
    expect(stored).toMatchObject({
      customerId,
      marketingOptIn: false,
      tags: [],
      erasedAt: receipt.erasedAt,
      erasedBy: manager.userId,
      updatedBy: manager.userId,
      version: customer.version + 1,
    });
    for (const field of [
      'firstName',
      'lastName',
      'email',
      'phone',
      'birthDate',
      'prescription',
      'preferences',
    ])
      expect(stored, field).not.toHaveProperty(field);

    // The guards are gone: the lookup finds nobody, and the same email and phone register anew.
    expect(await getItem(guardKeys.item('EMAIL', customer.email ?? ''))).toBeUndefined();
    expect(await getItem(guardKeys.item('PHONE', customer.phone ?? ''))).toBeUndefined();
    expect((await findCustomers({ email: customer.email })).items).toEqual([]);
    expect((await findCustomers({ phone: customer.phone })).items).toEqual([]);
    const newcomer = await createCustomer(
      admin,
      customerInput({ email: customer.email, phone: customer.phone }),
    );
    expect(newcomer.customerId).not.toBe(customerId);

    // The books: the order, the balance and the whole ledger are as they were (without the note).
    expect((await getOrder(admin, order.orderId)).customerId).toBe(customerId);
    const pointsAfter = await getPointsStatement(customerId, { limit: 100, cursor: undefined });
    expect(pointsAfter.balance).toBe(pointsBefore.balance);
    expect(pointsAfter.entries.map(({ note: _note, ...entry }) => entry)).toEqual(
      pointsBefore.entries.map(({ note: _note, ...entry }) => entry),
    );
    expect(pointsAfter.entries.some((entry) => 'note' in entry)).toBe(false);

    // Feedback stays, without its text, its version moved and attributed to the erasure.
    const feedback = (await listFeedback(customerId, { limit: 10, cursor: undefined })).items;
    expect(feedback).toHaveLength(2);
    for (const item of feedback) {
      expect(item).not.toHaveProperty('message');
      expect(item).not.toHaveProperty('resolution');
      expect(item).toMatchObject({ erasedAt: receipt.erasedAt, updatedBy: manager.userId });
    }
    expect(feedback.find((item) => item.feedbackId === open.feedbackId)).toMatchObject({
      kind: 'complaint',
      status: 'open',
      version: 2,
    });
  });

  it('still completes and refunds an erased customer’s order, moving their points as before', async () => {
    const { customer, order, sku } = await richCustomer();
    const { customerId } = customer;
    await eraseCustomer(admin, customerId);
    const before = (await getPointsStatement(customerId, { limit: 1, cursor: undefined })).balance;
    await fulfilOrder(admin, order.orderId, {});
    const completed = await completeOrder(admin, order.orderId);
    const earned = (await getPointsStatement(customerId, { limit: 1, cursor: undefined })).balance;
    expect(earned).toBeGreaterThan(before);
    const refunded = await refundOrder(admin, order.orderId, {
      lines: [{ sku, quantity: 2 }],
      restock: 'available',
      reason: 'Returned unopened',
    });
    expect(refunded.amountRefunded).toBe(completed.total);
    const after = await getPointsStatement(customerId, { limit: 100, cursor: undefined });
    expect(after.balance).toBe(before);
    expect(after.entries.reduce((sum, entry) => sum + entry.delta, 0)).toBe(after.balance);
  });

  it('answers a repeat with the same receipt and writes nothing', async () => {
    const { customer } = await richCustomer();
    const first = await eraseCustomer(admin, customer.customerId);
    const before = await partition(customer.customerId);
    const again = await eraseCustomer(managerOf('st_other'), customer.customerId);
    expect(again).toEqual(first);
    expect(await partition(customer.customerId)).toEqual(before);
  });

  it('refuses the profile and new personal data afterwards (410), and new orders for the id', async () => {
    const { customer, storeId, sku, open } = await richCustomer();
    const { customerId } = customer;
    const { erasedAt } = await eraseCustomer(admin, customerId);
    const erased = { status: 410, slug: 'customer-erased', extensions: { erasedAt } };
    await expect(getCustomer(customerId)).rejects.toMatchObject(erased);
    await expect(
      updateCustomer(admin, customerId, { firstName: 'Back' }, customer.version + 1),
    ).rejects.toMatchObject(erased);
    await expect(
      createFeedback(admin, customerId, { kind: 'complaint', message: 'again' }),
    ).rejects.toMatchObject(erased);
    await expect(
      resolveFeedback(admin, customerId, open.feedbackId, { status: 'resolved', resolution: 'x' }, 2),
    ).rejects.toMatchObject(erased);
    await expect(
      adjustPoints(admin, customerId, { delta: 5, note: 'for Mia' }, idempotencyKey()),
    ).rejects.toMatchObject(erased);
    await expect(place(admin, storeId, [{ sku, quantity: 1 }], { customerId })).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body.customerId' }],
    });
    expect(JSON.stringify(await partition(customerId))).not.toContain('Mia');
  });

  it('answers 404 for a customer that never existed, and writes nothing', async () => {
    await expect(eraseCustomer(admin, 'cu_never_was')).rejects.toMatchObject({ status: 404 });
    expect(await partition('cu_never_was')).toEqual([]);
  });

  it('erases a customer with more items under them than one transaction holds', async () => {
    const customer = await createCustomer(admin, customerInput());
    const notes = (from: number) =>
      Array.from({ length: 60 }, (_, i) => ({
        delta: 1,
        reason: 'adjusted' as const,
        note: `Mia visit ${from + i}`,
      }));
    await transactWrite(pointsChangesWrites(customer.customerId, notes(0), admin, new Date()));
    await transactWrite(pointsChangesWrites(customer.customerId, notes(60), admin, new Date()));
    await eraseCustomer(admin, customer.customerId);
    const items = await partition(customer.customerId);
    expect(items.filter((item) => String(item.sk).startsWith('POINTS#'))).toHaveLength(120);
    expect(JSON.stringify(items)).not.toContain('Mia');
    expect((await getPointsStatement(customer.customerId, { limit: 1, cursor: undefined })).balance).toBe(
      120,
    );
  });

  it('lets exactly one of concurrent erasures do it, and every one answers the same', async () => {
    const customer = await createCustomer(admin, customerInput());
    const feedback = await createFeedback(admin, customer.customerId, { kind: 'question', message: 'Mia?' });
    const receipts = await Promise.all(
      Array.from({ length: 4 }, () => eraseCustomer(admin, customer.customerId)),
    );
    expect(new Set(receipts.map((receipt) => JSON.stringify(receipt))).size).toBe(1);
    const stored = await getItem(customerKeys.item(customer.customerId));
    expect(stored?.version).toBe(2);
    const [cleared] = (await listFeedback(customer.customerId, { limit: 10, cursor: undefined })).items;
    expect(cleared).toMatchObject({
      feedbackId: feedback.feedbackId,
      version: 2,
      erasedAt: stored?.erasedAt,
    });
    expect(cleared).not.toHaveProperty('message');
  });
});
