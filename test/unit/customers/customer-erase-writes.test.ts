import { describe, expect, it } from 'vitest';
import {
  customerErasureWrites,
  erasedCustomerOf,
  holdsPersonalData,
  personalDataRemoval,
} from '../../../lib/customers/customer-erasure-writes.js';
import type { Customer } from '../../../lib/customers/customer-schemas.js';
import { ErasedCustomerSchema } from '../../../lib/customers/privacy-schemas.js';
import { managerOf } from '../../support/fixtures.js';

process.env.TABLE_NAME ??= 'unit-table';

const now = new Date('2026-12-01T10:00:00.000Z');
const manager = managerOf('st_a');
const customer: Customer = {
  customerId: 'cu_1',
  firstName: 'Mia',
  lastName: 'Chen',
  email: 'mia@example.com',
  phone: '+61412345678',
  birthDate: '1990-04-12',
  marketingOptIn: true,
  preferences: { preferredStoreId: 'st_a', contactChannel: 'email' },
  tags: ['vip'],
  prescription: {
    right: { sphere: -2.25 },
    left: { sphere: -2.5 },
    issuedOn: '2025-03-01',
    expiresOn: '2027-03-01',
  },
  pointsBalance: 1250,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-06-01T00:00:00.000Z',
  version: 4,
  updatedBy: 'staff-1',
};

describe('the writes of an erasure', () => {
  it('keeps only the id, the balance and bookkeeping, marked erased by the caller', () => {
    const erased = erasedCustomerOf(customer, manager, now);
    expect(ErasedCustomerSchema.parse(erased)).toEqual(erased);
    expect(erased).toEqual({
      customerId: 'cu_1',
      marketingOptIn: false,
      tags: [],
      pointsBalance: 1250,
      erasedAt: now.toISOString(),
      erasedBy: manager.userId,
      createdAt: customer.createdAt,
      updatedAt: now.toISOString(),
      version: 5,
      updatedBy: manager.userId,
    });
  });

  it('updates the customer at the version read, never the balance, and frees both guards in the same transaction', () => {
    const [update, ...guards] = customerErasureWrites(customer, manager, now);
    const write = update?.write.Update;
    expect(write?.ConditionExpression).toBe('attribute_exists(pk) AND #version = :expected');
    expect(write?.ExpressionAttributeValues?.[':expected']).toBe(4);
    const named = Object.values(write?.ExpressionAttributeNames ?? {});
    expect(named).not.toContain('pointsBalance');
    const removed = (write?.UpdateExpression ?? '').split('REMOVE ')[1]?.split(', ') ?? [];
    expect(removed.map((name) => write?.ExpressionAttributeNames?.[name]).sort()).toEqual(
      ['birthDate', 'email', 'firstName', 'lastName', 'phone', 'preferences', 'prescription'].sort(),
    );
    expect(JSON.stringify(write?.ExpressionAttributeValues)).not.toMatch(/Mia|Chen|example|\+61|1990/);
    // A change since the read is contention (re-read and retry), never the caller's 412.
    expect(update?.onConditionFailed?.(undefined)).toMatchObject({ status: 503, stale: true });
    expect(guards.map((guard) => guard.write.Delete?.Key)).toEqual([
      { pk: 'UNIQUE#EMAIL#mia@example.com', sk: 'UNIQUE' },
      { pk: 'UNIQUE#PHONE#+61412345678', sk: 'UNIQUE' },
    ]);
    for (const guard of guards) {
      expect(guard.write.Delete?.ConditionExpression).toBe('attribute_not_exists(pk) OR ownerId = :owner');
      expect(guard.write.Delete?.ExpressionAttributeValues).toEqual({ ':owner': 'cu_1' });
    }
  });

  it('frees only the guards the customer has', () => {
    const { phone: _phone, ...emailOnly } = customer;
    expect(customerErasureWrites(emailOnly, manager, now)).toHaveLength(2);
  });

  it('clears feedback text with a version bump, and a points note alone', () => {
    const feedback = {
      pk: 'CUSTOMER#cu_1',
      sk: 'FEEDBACK#x',
      entityType: 'Feedback',
      message: 'Mia says',
      resolution: 'Told Mia',
    };
    expect(holdsPersonalData(feedback)).toBe(true);
    const clearFeedback = personalDataRemoval(feedback, manager, now, now.toISOString()).write.Update;
    expect(clearFeedback?.UpdateExpression).toBe(
      'REMOVE #p0, #p1 SET erasedAt = :erasedAt, updatedAt = :at, updatedBy = :by ADD version :one',
    );
    expect(clearFeedback?.ExpressionAttributeNames).toEqual({ '#p0': 'message', '#p1': 'resolution' });
    expect(clearFeedback?.ConditionExpression).toBe('attribute_exists(#p0) OR attribute_exists(#p1)');
    // Cleared by a concurrent erasure first: read again, never a failure.
    expect(
      personalDataRemoval(feedback, manager, now, now.toISOString()).onConditionFailed?.(undefined),
    ).toMatchObject({
      status: 503,
      stale: true,
    });
    const entry = {
      pk: 'CUSTOMER#cu_1',
      sk: 'POINTS#x',
      entityType: 'PointsEntry',
      note: 'for Mia',
      delta: 5,
    };
    const clearNote = personalDataRemoval(entry, manager, now, now.toISOString()).write.Update;
    expect(clearNote?.UpdateExpression).toBe('REMOVE #p0');
    expect(clearNote?.ExpressionAttributeValues).toBeUndefined();
    expect(holdsPersonalData({ ...entry, note: undefined })).toBe(false);
    expect(holdsPersonalData({ pk: 'ORDER#1', sk: 'ORDER', entityType: 'Order', note: 'x' })).toBe(false);
  });
});
