import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client.js';
import { stripStorageAttributes } from '../db/item-meta.js';
import { ENTITY, storeKeys, userKeys } from '../db/keys.js';
import { mergedQueryPage } from '../db/merged-query.js';
import { getItem, type Page, queryPage } from '../db/query-page.js';
import { type GuardedWrite, transactWrite } from '../db/transact.js';
import { replaceItemAtVersion } from '../db/versioned-write.js';
import { ValidationError } from '../errors.js';
import { usernameTaken } from './user-directory.js';
import type { User } from './user-schemas.js';

const toItem = (user: User) => ({
  ...userKeys.item(user.username),
  ...userKeys.listings(user),
  entityType: ENTITY.user,
  ...user,
});

const fromItem = (item: Record<string, unknown>): User => stripStorageAttributes<User>(item);

/** Every store a user is given must exist when the mirror is written: a check in the same transaction. */
const storesMustExist = (storeIds: readonly string[]): GuardedWrite[] =>
  storeIds.map((storeId, index) => ({
    write: {
      ConditionCheck: {
        TableName: tableName(),
        Key: storeKeys.item(storeId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    onConditionFailed: () =>
      new ValidationError([{ path: `body.storeIds[${index}]`, message: `Store ${storeId} does not exist.` }]),
  }));

/** Claims the username: the mirror must not exist yet (409 otherwise), and its stores must. */
export const insertUser = async (user: User): Promise<void> => {
  await transactWrite([
    {
      write: {
        Put: { TableName: tableName(), Item: toItem(user), ConditionExpression: 'attribute_not_exists(pk)' },
      },
      onConditionFailed: () => usernameTaken(user.username),
    },
    ...storesMustExist(user.storeIds),
  ]);
};

/** Only checks stores that were added: a store the user already had may not be re-checked (closed stores stay). */
export const replaceUser = async (
  next: User,
  expectedVersion: number,
  addedStoreIds: readonly string[],
): Promise<void> => {
  await transactWrite([
    replaceItemAtVersion(toItem(next), expectedVersion, `User ${next.username}`),
    ...storesMustExist(addedStoreIds).map((check, index) => ({
      ...check,
      onConditionFailed: () =>
        new ValidationError([
          {
            path: `body.storeIds[${next.storeIds.indexOf(addedStoreIds[index] ?? '')}]`,
            message: `Store ${addedStoreIds[index]} does not exist.`,
          },
        ]),
    })),
  ]);
};

/** Undoes a create whose directory write failed; only the version this request wrote. */
export const deleteNewUser = async (username: string): Promise<void> => {
  await documentClient
    .send(
      new DeleteCommand({
        TableName: tableName(),
        Key: userKeys.item(username),
        ConditionExpression: 'version = :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    )
    .catch((error: unknown) => {
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    });
};

export const findUser = async (username: string, consistent = true): Promise<User | undefined> => {
  const item = await getItem(userKeys.item(username), consistent);
  return item && item.entityType === ENTITY.user ? fromItem(item) : undefined;
};

/** Every user, newest first (gsi1). */
export const queryAllUsers = async (limit: number, cursor: string | undefined): Promise<Page<User>> => {
  const page = await queryPage({
    indexName: 'gsi1',
    partitionValue: userKeys.listingPartition,
    descending: true,
    limit,
    cursor,
  });
  return { items: page.items.map(fromItem), nextCursor: page.nextCursor };
};

/** The staff of these stores, newest first (gsi2, one Query per store, merged). */
export const queryStoreStaff = async (
  storeIds: readonly string[],
  limit: number,
  cursor: string | undefined,
): Promise<Page<User>> => {
  const page = await mergedQueryPage({
    indexName: 'gsi2',
    partitionValues: storeIds.map(userKeys.storePartition),
    limit,
    cursor,
    scope: `users|${[...storeIds].sort().join(',')}`,
  });
  return { items: page.items.map(fromItem), nextCursor: page.nextCursor };
};
