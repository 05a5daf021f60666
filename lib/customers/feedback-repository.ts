import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeTime } from 'ulid';
import { documentClient, tableName } from '../db/client.js';
import { decodeCursor, encodeCursor } from '../db/cursor.js';
import { stripStorageAttributes } from '../db/item-meta.js';
import { customerKeys, ENTITY, type TableKey } from '../db/keys.js';
import { getItem, type Page } from '../db/query-page.js';
import { transactWrite } from '../db/transact.js';
import { createItem, replaceItemAtVersion } from '../db/versioned-write.js';
import { InternalError } from '../errors.js';
import { liveCustomerCheck } from './customer-repository.js';
import type { Feedback } from './feedback-schemas.js';

/**
 * Feedback lives in its customer's partition at `FEEDBACK#<createdAt>#<feedbackId>`. The id is
 * a ULID made from the same instant, so the key of any feedback id is known without a lookup.
 */
export const feedbackKey = (customerId: string, feedbackId: string): TableKey | undefined => {
  if (!/^fb_[0-9a-z]{26}$/.test(feedbackId)) return undefined;
  try {
    const at = new Date(decodeTime(feedbackId.replace(/^fb_/, '').toUpperCase())).toISOString();
    return customerKeys.feedback(customerId, at, feedbackId);
  } catch {
    return undefined;
  }
};

const toItem = (feedback: Feedback) => ({
  ...customerKeys.feedback(feedback.customerId, feedback.createdAt, feedback.feedbackId),
  entityType: ENTITY.feedback,
  ...feedback,
});

const fromItem = (item: Record<string, unknown>): Feedback => stripStorageAttributes<Feedback>(item);

export const insertFeedback = async (feedback: Feedback): Promise<void> => {
  await transactWrite([
    createItem(
      toItem(feedback),
      () => new InternalError({ detail: `Feedback id ${feedback.feedbackId} collided.` }),
    ),
    liveCustomerCheck(feedback.customerId),
  ]);
};

export const findFeedback = async (customerId: string, feedbackId: string): Promise<Feedback | undefined> => {
  const key = feedbackKey(customerId, feedbackId);
  const item = key ? await getItem(key) : undefined;
  return item ? fromItem(item) : undefined;
};

/** Resolving writes text under the customer, so it too needs the customer not erased. */
export const replaceFeedback = async (current: Feedback, next: Feedback): Promise<void> => {
  await transactWrite([
    replaceItemAtVersion(toItem(next), current.version, `Feedback ${current.feedbackId}`),
    liveCustomerCheck(current.customerId),
  ]);
};

/**
 * A customer's feedback, newest first: a Query on the customer's partition with
 * `begins_with(sk, 'FEEDBACK#')`. The status is a FilterExpression over that small collection
 * (a customer has a handful of feedback items), so a filtered page may hold fewer than
 * `limit` items while `nextCursor` is still set.
 */
export const queryFeedback = async (query: {
  customerId: string;
  status?: Feedback['status'];
  limit: number;
  cursor: string | undefined;
}): Promise<Page<Feedback>> => {
  const scope = ['feedback', query.customerId, query.status ?? ''].join('|');
  const startKey = await decodeCursor(scope, query.cursor, {
    pk: { type: 'S', equals: customerKeys.partition(query.customerId) },
    sk: { type: 'S', accepts: (sk) => String(sk).startsWith(customerKeys.feedbackPrefix) },
  });
  const result = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ...(query.status ? { FilterExpression: '#status = :status' } : {}),
      ExpressionAttributeNames: query.status ? { '#status': 'status' } : undefined,
      ExpressionAttributeValues: {
        ':pk': customerKeys.partition(query.customerId),
        ':prefix': customerKeys.feedbackPrefix,
        ...(query.status ? { ':status': query.status } : {}),
      },
      Limit: query.limit,
      ScanIndexForward: false,
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    }),
  );
  return {
    items: (result.Items ?? []).map(fromItem),
    nextCursor: await encodeCursor(scope, result.LastEvaluatedKey),
  };
};
