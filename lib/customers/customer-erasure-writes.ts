import type { Principal } from '../auth/principal.js';
import { tableName } from '../db/client.js';
import { ContentionError } from '../db/contention.js';
import { customerKeys, ENTITY, guardKeys, type TableKey } from '../db/keys.js';
import type { GuardedWrite } from '../db/transact.js';
import { updateAtVersion } from '../db/versioned-write.js';
import { InternalError } from '../errors.js';
import { CONTACTS, COUNTERS, toItem } from './customer-repository.js';
import type { Customer } from './customer-schemas.js';
import { personalFieldsOf } from './personal-data.js';
import type { ErasedCustomer } from './privacy-schemas.js';

/**
 * The writes of an erasure (pure, so the shape of each is unit-tested). The customer item keeps
 * its id, points balance and bookkeeping; every personal field goes, and with them what only
 * makes sense about a known person (preferences, tags, marketing consent).
 */
export const erasedCustomerOf = (current: Customer, principal: Principal, now: Date): ErasedCustomer => ({
  customerId: current.customerId,
  marketingOptIn: false,
  tags: [],
  pointsBalance: current.pointsBalance,
  erasedAt: now.toISOString(),
  erasedBy: principal.userId,
  createdAt: current.createdAt,
  updatedAt: now.toISOString(),
  version: current.version + 1,
  updatedBy: principal.userId,
});

/**
 * A contact guard freed by erasure: deleted if it is the customer's or already gone (so an
 * erasure never fails on a guard that is missing); one owned by someone else means the data
 * is inconsistent, which no retry mends.
 */
const releaseContactGuard = (key: TableKey, customerId: string): GuardedWrite => ({
  write: {
    Delete: {
      TableName: tableName(),
      Key: key,
      ConditionExpression: 'attribute_not_exists(pk) OR ownerId = :owner',
      ExpressionAttributeValues: { ':owner': customerId },
    },
  },
  onConditionFailed: (guard) =>
    new InternalError({
      detail: `Guard ${key.pk} of customer ${customerId} is owned by ${String(guard?.ownerId)}.`,
    }),
});

/**
 * One transaction: the customer item rewritten as erased if still at the version read (the
 * points balance is left to its ADDs) and the email and phone guards released, so the same
 * email or phone can register a new customer at once. A change that landed since the read is
 * contention: the erasure reads again and retries.
 */
export const customerErasureWrites = (current: Customer, principal: Principal, now: Date): GuardedWrite[] => {
  const erased = erasedCustomerOf(current, principal, now);
  const update = updateAtVersion({
    key: customerKeys.item(current.customerId),
    previous: toItem(current),
    next: toItem(erased),
    expectedVersion: current.version,
    what: `Customer ${current.customerId}`,
    counters: COUNTERS,
  });
  const guards = CONTACTS.flatMap(([field, kind, normalise]) => {
    const value = current[field];
    return value === undefined
      ? []
      : [releaseContactGuard(guardKeys.item(kind, normalise(value)), current.customerId)];
  });
  return [
    {
      ...update,
      onConditionFailed: () =>
        new ContentionError({ detail: `Customer ${current.customerId} changed during erasure.` }),
    },
    ...guards,
  ];
};

/** Whether an item under the customer still holds personal data (feedback text, a points note). */
export const holdsPersonalData = (item: Record<string, unknown>): boolean =>
  personalFieldsOf(typeof item.entityType === 'string' ? item.entityType : undefined).some(
    (field) => item[field] !== undefined,
  );

/**
 * Clears the personal fields of one item under an erased customer. Feedback is a versioned
 * entity: its version moves (so a resolution read before cannot be written back) and the erasure
 * is attributed to the caller; a points entry is immutable bookkeeping and only loses its note.
 */
export const personalDataRemoval = (
  item: Record<string, unknown> & TableKey,
  principal: Principal,
  now: Date,
  /** The customer's `erasedAt`, so everything under them carries the erasure's own time. */
  erasedAt: string,
): GuardedWrite => {
  const fields = personalFieldsOf(String(item.entityType)).filter((field) => item[field] !== undefined);
  const names = Object.fromEntries(fields.map((field, index) => [`#p${index}`, field]));
  const remove = `REMOVE ${Object.keys(names).join(', ')}`;
  const isFeedback = item.entityType === ENTITY.feedback;
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: isFeedback
          ? `${remove} SET erasedAt = :erasedAt, updatedAt = :at, updatedBy = :by ADD version :one`
          : remove,
        // Still holding what was read: a concurrent erasure that cleared it first makes this one
        // read again (and find nothing left), so each item is cleared, and its version moved, once.
        ConditionExpression: Object.keys(names)
          .map((name) => `attribute_exists(${name})`)
          .join(' OR '),
        ExpressionAttributeNames: names,
        ...(isFeedback
          ? {
              ExpressionAttributeValues: {
                ':erasedAt': erasedAt,
                ':at': now.toISOString(),
                ':by': principal.userId,
                ':one': 1,
              },
            }
          : {}),
      },
    },
    onConditionFailed: () =>
      new ContentionError({ detail: `${item.pk} ${item.sk} was cleared by another erasure.` }),
  };
};
