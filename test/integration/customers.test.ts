import { describe, expect, it } from 'vitest';
import {
  createCustomer,
  findCustomers,
  getCustomer,
  updateCustomer,
} from '../../lib/customers/customer-service.js';
import { createFeedback, listFeedback, resolveFeedback } from '../../lib/customers/feedback-service.js';
import { createStore } from '../../lib/stores/store-service.js';
import { customerInput, staffOf } from '../support/customer-fixtures.js';
import { admin, managerOf, storeInput } from '../support/fixtures.js';

const prescription = {
  right: { sphere: -2.25 },
  left: { sphere: -2.5, cylinder: -0.75, axis: 170 },
  baseCurve: 8.4,
  diameter: 14.2,
  issuedOn: '2025-03-01',
  expiresOn: '2027-03-01',
};

const settledStatuses = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { status: number }).status));

describe('customers against DynamoDB Local', () => {
  it('creates a customer with a prescription and a zero balance, and reads it back', async () => {
    const customer = await createCustomer(
      admin,
      customerInput({ prescription, tags: ['contact-lens-wearer'] }),
    );
    expect(customer.customerId).toMatch(/^cu_[0-9a-z]{26}$/);
    expect(customer).toMatchObject({ pointsBalance: 0, version: 1, updatedBy: 'test-admin', prescription });
    expect(await getCustomer(customer.customerId)).toEqual(customer);
    await expect(getCustomer('cu_missing')).rejects.toMatchObject({ status: 404 });
  });

  it('lets exactly one of many concurrent creates claim an email, whatever its case', async () => {
    const email = customerInput().email ?? '';
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        createCustomer(admin, customerInput({ email: i % 2 ? email.toUpperCase() : email })),
      ),
    );
    const statuses = settledStatuses(results);
    expect(statuses.filter((s) => s === 'ok')).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    const conflict = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(conflict?.reason.errors).toEqual([{ path: 'body.email', message: 'Already in use.' }]);
  });

  it('keeps phone numbers unique too, and writes nothing for the loser', async () => {
    const first = await createCustomer(admin, customerInput({ email: undefined }));
    const clash = customerInput({ phone: first.phone });
    await expect(createCustomer(admin, clash)).rejects.toMatchObject({
      status: 409,
      errors: [{ path: 'body.phone' }],
    });
    // The loser's email was not claimed either: it is still free.
    expect((await findCustomers({ email: clash.email })).items).toEqual([]);
    await createCustomer(admin, { ...clash, phone: undefined });
  });

  it('finds a customer by email or phone through the guard items', async () => {
    const customer = await createCustomer(admin, customerInput());
    expect((await findCustomers({ email: customer.email })).items).toEqual([customer]);
    expect((await findCustomers({ phone: customer.phone })).items).toEqual([customer]);
    expect((await findCustomers({ email: 'nobody@example.com' })).items).toEqual([]);
  });

  it('checks that a preferred store exists', async () => {
    await expect(
      createCustomer(admin, customerInput({ preferences: { preferredStoreId: 'st_nowhere' } })),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.preferences.preferredStoreId' }] });
  });

  it('moves the email and phone guards on a change and frees the old values', async () => {
    const a = await createCustomer(admin, customerInput());
    const b = await createCustomer(admin, customerInput());
    await expect(updateCustomer(admin, b.customerId, { email: a.email }, 1)).rejects.toMatchObject({
      status: 409,
      errors: [{ path: 'body.email' }],
    });
    const newEmail = `moved.${a.email}`;
    const moved = await updateCustomer(admin, a.customerId, { email: newEmail, phone: null }, 1);
    expect(moved).toMatchObject({ version: 2, email: newEmail });
    expect(moved).not.toHaveProperty('phone');
    expect((await getCustomer(a.customerId)).phone).toBeUndefined();
    expect((await findCustomers({ email: newEmail })).items[0]?.customerId).toBe(a.customerId);
    expect((await findCustomers({ email: a.email })).items).toEqual([]);
    // Both freed values can now be taken by b.
    const taken = await updateCustomer(admin, b.customerId, { email: a.email, phone: a.phone }, 1);
    expect(taken).toMatchObject({ email: a.email, phone: a.phone, version: 2 });
  });

  it('refuses a stale If-Match with 412 and a change that leaves no contact with 400', async () => {
    const customer = await createCustomer(admin, customerInput({ phone: undefined }));
    await updateCustomer(admin, customer.customerId, { lastName: 'Nguyen' }, 1);
    await expect(updateCustomer(admin, customer.customerId, { lastName: 'Again' }, 1)).rejects.toMatchObject({
      status: 412,
    });
    await expect(updateCustomer(admin, customer.customerId, { email: null }, 2)).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body.email' }],
    });
    await expect(updateCustomer(admin, 'cu_missing', { lastName: 'X' }, 1)).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('feedback against DynamoDB Local', () => {
  it('records feedback as open, lists it newest first, and filters by status', async () => {
    const customer = await createCustomer(admin, customerInput());
    const start = Date.parse('2025-06-01T00:00:00.000Z');
    const made = [];
    for (let i = 0; i < 4; i++)
      made.push(
        await createFeedback(
          admin,
          customer.customerId,
          { kind: 'question', message: `Question ${i}` },
          new Date(start + i * 60_000),
        ),
      );
    expect(made[0]).toMatchObject({ status: 'open', version: 1, feedbackId: expect.stringMatching(/^fb_/) });
    await resolveFeedback(
      admin,
      customer.customerId,
      made[1]?.feedbackId ?? '',
      { status: 'resolved', resolution: 'Answered by phone.' },
      1,
    );

    const page1 = await listFeedback(customer.customerId, { limit: 3 });
    expect(page1.items.map((f) => f.message)).toEqual(['Question 3', 'Question 2', 'Question 1']);
    const page2 = await listFeedback(customer.customerId, {
      limit: 3,
      cursor: page1.nextCursor ?? undefined,
    });
    expect(page2.items.map((f) => f.message)).toEqual(['Question 0']);

    const open = await listFeedback(customer.customerId, { status: 'open', limit: 25 });
    expect(open.items.map((f) => f.message)).toEqual(['Question 3', 'Question 2', 'Question 0']);
    const resolved = await listFeedback(customer.customerId, { status: 'resolved', limit: 25 });
    expect(resolved.items).toEqual([
      expect.objectContaining({
        message: 'Question 1',
        resolution: 'Answered by phone.',
        resolvedBy: 'test-admin',
      }),
    ]);
    // A cursor from one filter is not valid for another.
    await expect(
      listFeedback(customer.customerId, { status: 'open', limit: 25, cursor: page1.nextCursor ?? undefined }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('needs an existing customer and store', async () => {
    await expect(
      createFeedback(admin, 'cu_missing', { kind: 'complaint', message: 'x' }),
    ).rejects.toMatchObject({
      status: 404,
    });
    const customer = await createCustomer(admin, customerInput());
    await expect(
      createFeedback(admin, customer.customerId, { kind: 'complaint', message: 'x', storeId: 'st_nowhere' }),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.storeId' }] });
    await expect(listFeedback('cu_missing', { limit: 5 })).rejects.toMatchObject({ status: 404 });
  });

  it('lets only the feedback’s store resolve it, once, with optimistic concurrency', async () => {
    const store = await createStore(admin, storeInput());
    const other = await createStore(admin, storeInput());
    const customer = await createCustomer(admin, customerInput());
    const feedback = await createFeedback(staffOf(store.storeId), customer.customerId, {
      kind: 'complaint',
      message: 'Lenses arrived late.',
      storeId: store.storeId,
    });
    const resolution = { status: 'resolved' as const, resolution: 'Apologised; 200 goodwill points.' };
    for (const outsider of [staffOf(other.storeId), managerOf(other.storeId)])
      await expect(
        resolveFeedback(outsider, customer.customerId, feedback.feedbackId, resolution, 1),
      ).rejects.toMatchObject({ status: 403 });
    await expect(
      resolveFeedback(staffOf(store.storeId), customer.customerId, feedback.feedbackId, resolution, 2),
    ).rejects.toMatchObject({ status: 412 });
    const resolved = await resolveFeedback(
      staffOf(store.storeId),
      customer.customerId,
      feedback.feedbackId,
      resolution,
      1,
    );
    expect(resolved).toMatchObject({ status: 'resolved', version: 2, resolvedBy: 'test-staff' });
    await expect(
      resolveFeedback(admin, customer.customerId, feedback.feedbackId, resolution, 2),
    ).rejects.toMatchObject({ status: 409, slug: 'feedback-already-resolved' });
  });

  it('lets any store resolve feedback that names no store, and answers 404 for unknown ids', async () => {
    const customer = await createCustomer(admin, customerInput());
    const feedback = await createFeedback(admin, customer.customerId, {
      kind: 'suggestion',
      message: 'Open Sundays.',
    });
    const resolution = { status: 'resolved' as const, resolution: 'Passed on.' };
    // A well-formed id one character away from the real one (never equal to it).
    const nearMiss = feedback.feedbackId.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
    for (const id of ['fb_nope', 'fb_01jz0000000000000000000000', nearMiss])
      await expect(resolveFeedback(admin, customer.customerId, id, resolution, 1)).rejects.toMatchObject({
        status: 404,
      });
    await expect(
      resolveFeedback(admin, 'cu_other', feedback.feedbackId, resolution, 1),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect(
      await resolveFeedback(staffOf('st_anywhere'), customer.customerId, feedback.feedbackId, resolution, 1),
    ).toMatchObject({ status: 'resolved' });
  });
});
