import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createCustomer, getCustomer, updateCustomer } from '../../lib/customers/customer-service.js';
import { documentClient, tableName } from '../../lib/db/client.js';
import { findIdempotencyRecord } from '../../lib/db/idempotency.js';
import { customerKeys, idempotencyKeys } from '../../lib/db/keys.js';
import { transactWrite } from '../../lib/db/transact.js';
import { type PointsChange, pointsChangeWrites } from '../../lib/loyalty/points.js';
import { adjustPoints, changePoints, getPointsStatement } from '../../lib/loyalty/points-service.js';
import { customerInput } from '../support/customer-fixtures.js';
import { admin, managerOf } from '../support/fixtures.js';

const apply = (change: PointsChange, now = new Date()) =>
  transactWrite(pointsChangeWrites(change, admin, now));

/** Sum of every ledger entry, read straight from the customer's partition. */
const ledgerSum = async (customerId: string) => {
  let sum = 0;
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': customerKeys.partition(customerId),
          ':prefix': customerKeys.pointsPrefix,
        },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      sum += Number(item.delta);
      count++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { sum, count };
};

describe('loyalty points against DynamoDB Local', () => {
  it('starts at zero, earns and redeems, and keeps the ledger equal to the balance', async () => {
    const customer = await createCustomer(admin, customerInput());
    expect(customer.pointsBalance).toBe(0);
    await apply({
      customerId: customer.customerId,
      delta: 120,
      reason: 'earned',
      reference: { type: 'order', id: 'or_1' },
    });
    await apply({
      customerId: customer.customerId,
      delta: -20,
      reason: 'redeemed',
      reference: { type: 'order', id: 'or_2' },
    });
    expect((await getCustomer(customer.customerId)).pointsBalance).toBe(100);
    expect(await ledgerSum(customer.customerId)).toEqual({ sum: 100, count: 2 });
  });

  it('refuses a redemption above the balance with 409 insufficient-points, writing nothing', async () => {
    const customer = await createCustomer(admin, customerInput());
    await apply({ customerId: customer.customerId, delta: 50, reason: 'adjusted' });
    await expect(
      apply({ customerId: customer.customerId, delta: -51, reason: 'redeemed' }),
    ).rejects.toMatchObject({
      status: 409,
      slug: 'insufficient-points',
      extensions: { balance: 50, requested: 51 },
    });
    expect((await getCustomer(customer.customerId)).pointsBalance).toBe(50);
    expect(await ledgerSum(customer.customerId)).toEqual({ sum: 50, count: 1 });
  });

  it('answers 404 for an unknown customer and never creates a phantom item', async () => {
    await expect(apply({ customerId: 'cu_missing', delta: 10, reason: 'earned' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(apply({ customerId: 'cu_missing', delta: -10, reason: 'redeemed' })).rejects.toMatchObject({
      status: 404,
    });
    expect(await ledgerSum('cu_missing')).toEqual({ sum: 0, count: 0 });
  });

  it('never overdraws under 40 concurrent redemptions, and the ledger still equals the balance', async () => {
    const customer = await createCustomer(admin, customerInput());
    await apply({ customerId: customer.customerId, delta: 100, reason: 'adjusted' });
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        apply({ customerId: customer.customerId, delta: -7, reason: 'redeemed' }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled').length;
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    // 100 / 7 = 14 redemptions fit; the rest are refused (or gave up after conflicting retries).
    expect(won).toBeGreaterThan(0);
    expect(won).toBeLessThanOrEqual(14);
    for (const failure of lost) expect([409, 503]).toContain(failure.reason.status);
    const balance = (await getCustomer(customer.customerId)).pointsBalance;
    expect(balance).toBe(100 - 7 * won);
    expect(balance).toBeGreaterThanOrEqual(0);
    expect(await ledgerSum(customer.customerId)).toEqual({ sum: balance, count: 1 + won });
  });

  it('leaves exactly the remainder when redemptions race for the last points', async () => {
    const customer = await createCustomer(admin, customerInput());
    await apply({ customerId: customer.customerId, delta: 10, reason: 'adjusted' });
    let balance = 10;
    for (let round = 0; round < 10 && balance >= 3; round++) {
      await Promise.allSettled(
        Array.from({ length: 5 }, () =>
          apply({ customerId: customer.customerId, delta: -3, reason: 'redeemed' }),
        ),
      );
      balance = (await getCustomer(customer.customerId)).pointsBalance;
      expect(balance).toBeGreaterThanOrEqual(0);
    }
    expect(balance).toBe(1);
    expect(await ledgerSum(customer.customerId)).toEqual({ sum: 1, count: 4 });
  });

  it('lists the ledger newest first with a cursor, next to the balance', async () => {
    const customer = await createCustomer(admin, customerInput());
    const start = Date.parse('2025-06-01T00:00:00.000Z');
    for (let i = 1; i <= 5; i++)
      await changePoints(
        admin,
        { customerId: customer.customerId, delta: i, reason: 'adjusted', note: `#${i}` },
        new Date(start + i * 1000),
      );
    const first = await getPointsStatement(customer.customerId, { limit: 3 });
    expect(first.balance).toBe(15);
    expect(first.entries.map((e) => e.delta)).toEqual([5, 4, 3]);
    expect(first.entries[0]).toMatchObject({ reason: 'adjusted', note: '#5', actor: 'test-admin' });
    expect(first.entries[0]).not.toHaveProperty('pk');
    const second = await getPointsStatement(customer.customerId, {
      limit: 3,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.entries.map((e) => e.delta)).toEqual([2, 1]);
    expect(second.nextCursor).toBeNull();
    await expect(getPointsStatement('cu_missing', { limit: 3 })).rejects.toMatchObject({ status: 404 });
  });

  it('keeps points earned while a profile edit is in flight (edits never write the balance)', async () => {
    const customer = await createCustomer(admin, customerInput());
    await apply({ customerId: customer.customerId, delta: 30, reason: 'earned' });
    // The edit read version 1 before the sale; the sale does not bump the version, so the edit still lands…
    const edited = await updateCustomer(admin, customer.customerId, { firstName: 'Amelia' }, 1);
    expect(edited.version).toBe(2);
    // …and the balance it could have overwritten is intact.
    const stored = await getCustomer(customer.customerId);
    expect(stored).toMatchObject({ firstName: 'Amelia', pointsBalance: 30, version: 2 });
  });
});

describe('points adjustments by hand', () => {
  const newKey = () => `adj-${randomUUID()}`;
  const manager = managerOf('st_any');

  it('credits once per Idempotency-Key, answering retries with the first entry', async () => {
    const { customerId } = await createCustomer(admin, customerInput());
    const key = newKey();
    const input = { delta: 300, note: 'Goodwill: late delivery' };
    const first = await adjustPoints(manager, customerId, input, key);
    expect(first).toMatchObject({
      replayed: false,
      adjustment: {
        entry: { customerId, delta: 300, reason: 'adjusted', note: input.note, actor: 'test-manager' },
        balance: 300,
      },
    });
    const retry = await adjustPoints(manager, customerId, input, key);
    expect(retry).toEqual({ replayed: true, adjustment: first.adjustment });
    // Ten concurrent retries of a new key: one credit.
    const raced = newKey();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => adjustPoints(manager, customerId, { delta: 5, note: 'race' }, raced)),
    );
    expect(new Set(results.map((result) => result.adjustment.entry.entryId)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect((await getCustomer(customerId)).pointsBalance).toBe(305);
    expect(await ledgerSum(customerId)).toEqual({ sum: 305, count: 2 });
  });

  it('refuses another body with the same key (422), an overdraft (409) and an unknown customer (404), writing nothing', async () => {
    const { customerId } = await createCustomer(admin, customerInput());
    const key = newKey();
    await adjustPoints(admin, customerId, { delta: 50, note: 'Welcome' }, key);
    await expect(adjustPoints(admin, customerId, { delta: 500, note: 'Welcome' }, key)).rejects.toMatchObject(
      {
        status: 422,
        errors: [{ path: 'headers.idempotency-key' }],
      },
    );
    const overdraft = newKey();
    await expect(
      adjustPoints(admin, customerId, { delta: -51, note: 'Correction' }, overdraft),
    ).rejects.toMatchObject({ status: 409, slug: 'insufficient-points' });
    expect(
      await findIdempotencyRecord(idempotencyKeys.pointsScope(customerId), overdraft, new Date()),
    ).toBeUndefined();
    await expect(adjustPoints(admin, 'cu_missing', { delta: 1, note: 'x' }, newKey())).rejects.toMatchObject({
      status: 404,
    });
    expect((await getCustomer(customerId)).pointsBalance).toBe(50);
    expect(await ledgerSum(customerId)).toEqual({ sum: 50, count: 1 });
    // The failed overdraft left its key free: the corrected request goes through.
    const corrected = await adjustPoints(admin, customerId, { delta: -50, note: 'Correction' }, overdraft);
    expect(corrected).toMatchObject({ replayed: false, adjustment: { balance: 0 } });
  });
});
