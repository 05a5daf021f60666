import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../auth/principal.js';
import { documentClient, tableName } from '../db/client.js';
import { retryOnContention } from '../db/contention.js';
import { customerKeys, ENTITY, type TableKey } from '../db/keys.js';
import { MAX_TRANSACTION_ITEMS, transactWrite } from '../db/transact.js';
import {
  customerErasureWrites,
  erasedCustomerOf,
  holdsPersonalData,
  personalDataRemoval,
} from './customer-erasure-writes.js';
import { findCustomer, isErased } from './customer-repository.js';
import { customerNotFound } from './customer-service.js';
import { PERSONAL_DATA_FIELDS } from './personal-data.js';
import type { CustomerErasure, ErasedCustomer } from './privacy-schemas.js';

const receiptOf = (customer: {
  customerId: string;
  erasedAt: string;
  erasedBy: string;
}): CustomerErasure => ({
  customerId: customer.customerId,
  status: 'erased',
  erasedAt: customer.erasedAt,
  erasedBy: customer.erasedBy,
});

/** Every personal attribute of the items under a customer (feedback text, points notes). */
const CHILD_PERSONAL_FIELDS = [
  ...new Set(
    Object.entries(PERSONAL_DATA_FIELDS)
      .filter(([entityType]) => entityType !== ENTITY.customer)
      .flatMap(([, fields]) => fields),
  ),
];

/**
 * The items in the customer's partition that still hold personal data: a Query of the partition
 * (the customer, feedback, points entries), filtered to those with a personal attribute, every
 * page. Strongly consistent, so it sees what the erasure's mark stopped from being added.
 */
const itemsWithPersonalData = async (customerId: string): Promise<(Record<string, unknown> & TableKey)[]> => {
  const names = Object.fromEntries(CHILD_PERSONAL_FIELDS.map((field, index) => [`#f${index}`, field]));
  const found: (Record<string, unknown> & TableKey)[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: Object.keys(names)
          .map((name) => `attribute_exists(${name})`)
          .join(' OR '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':pk': customerKeys.partition(customerId) },
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? [])
      if (holdsPersonalData(item)) found.push(item as Record<string, unknown> & TableKey);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return found;
};

/** Marks the customer erased and frees the guards, once; the erased item when it already was. */
const markErased = (principal: Principal, customerId: string, now: Date) =>
  retryOnContention(async (): Promise<ErasedCustomer> => {
    const current = await findCustomer(customerId);
    if (!current) throw customerNotFound(customerId);
    if (isErased(current)) return current;
    await transactWrite(customerErasureWrites(current, principal, now));
    return erasedCustomerOf(current, principal, now);
  });

/** Step 2: clears what is left under an erased customer; re-reads when another erasure got there first. */
const clearItemsUnder = (principal: Principal, erased: ErasedCustomer, now: Date) =>
  retryOnContention(async () => {
    const removals = (await itemsWithPersonalData(erased.customerId)).map((item) =>
      personalDataRemoval(item, principal, now, erased.erasedAt),
    );
    for (let offset = 0; offset < removals.length; offset += MAX_TRANSACTION_ITEMS)
      await transactWrite(removals.slice(offset, offset + MAX_TRANSACTION_ITEMS));
  });

/**
 * DELETE /customers/{id}: erases the customer's personal data and keeps the rest under the same
 * (pseudonymous) id, so orders, points and feedback still add up in the books.
 *
 * 1. The customer item is rewritten as erased and its email and phone guards released, in one
 *    transaction. From then on nothing can add personal data under it (feedback and its
 *    resolution check the mark in their own transactions; orders refuse it).
 * 2. Then every item under it that still holds personal data (feedback text, points notes) is
 *    cleared, in transactions of up to 100 items.
 *
 * Idempotent: a repeat answers the first erasure's receipt and, with nothing left to clear,
 * writes nothing. A repeat also finishes step 2 should an earlier call have stopped within it.
 */
export const eraseCustomer = async (
  principal: Principal,
  customerId: string,
  now = new Date(),
): Promise<CustomerErasure> => {
  const erased = await markErased(principal, customerId, now);
  await clearItemsUnder(principal, erased, now);
  return receiptOf(erased);
};
