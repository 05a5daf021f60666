import { tableName } from '../db/client.js';
import { stripStorageAttributes } from '../db/item-meta.js';
import { ENTITY, storeKeys, transferKeys } from '../db/keys.js';
import { getItem, type Page, queryPage } from '../db/query-page.js';
import { statusTransitionWrite } from '../db/status-transition.js';
import type { GuardedWrite } from '../db/transact.js';
import { createItem } from '../db/versioned-write.js';
import { InternalError, ValidationError } from '../errors.js';
import { TRANSITIONS, type TransferAction } from './transfer-rules.js';
import type { Transfer } from './transfer-schemas.js';

const toItem = (transfer: Transfer) => ({
  ...transferKeys.item(transfer.transferId),
  entityType: ENTITY.transfer,
  ...transfer,
});

/**
 * One link per store, in the transfer's partition, carrying a copy of the transfer and the
 * store's listing keys (gsi1: the store's transfers; gsi2: by status), so a store lists its
 * transfers with one Query whichever side it is on. Rewritten with the transfer in every
 * transition's transaction, so it can never show another status.
 */
const linkItem = (transfer: Transfer, storeId: string) => ({
  ...transferKeys.link(transfer.transferId, storeId),
  ...transferKeys.linkListings(storeId, transfer.status, transfer.createdAt, transfer.transferId),
  entityType: ENTITY.transferLink,
  ...transfer,
});

const fromItem = (item: Record<string, unknown>): Transfer => stripStorageAttributes<Transfer>(item);

const putLinks = (transfer: Transfer): GuardedWrite[] =>
  [transfer.fromStoreId, transfer.toStoreId].map((storeId) => ({
    write: { Put: { TableName: tableName(), Item: linkItem(transfer, storeId) } },
  }));

const storeMustExist = (storeId: string, field: string): GuardedWrite => ({
  write: {
    ConditionCheck: {
      TableName: tableName(),
      Key: storeKeys.item(storeId),
      ConditionExpression: 'attribute_exists(pk)',
    },
  },
  onConditionFailed: () =>
    new ValidationError([{ path: `body.${field}`, message: `Store ${storeId} does not exist.` }]),
});

/** The transfer, its two links, and checks that both stores exist, in one transaction. */
export const insertTransferWrites = (transfer: Transfer): GuardedWrite[] => [
  createItem(
    toItem(transfer),
    () => new InternalError({ detail: `Transfer id ${transfer.transferId} collided.` }),
  ),
  ...putLinks(transfer),
  storeMustExist(transfer.fromStoreId, 'fromStoreId'),
  storeMustExist(transfer.toStoreId, 'toStoreId'),
];

/**
 * The transfer as it will be after a transition, written only if it is still in the status
 * and at the version it was read at, with both links, for the same transaction as the stock.
 */
export const transitionWrites = (
  current: Transfer,
  next: Transfer,
  action: TransferAction,
): GuardedWrite[] => [
  statusTransitionWrite({
    item: toItem(next),
    current,
    what: `Transfer ${current.transferId}`,
    action,
    allowedFrom: TRANSITIONS[action].from,
  }),
  ...putLinks(next),
];

export const findTransfer = async (transferId: string): Promise<Transfer | undefined> => {
  const item = await getItem(transferKeys.item(transferId));
  return item ? fromItem(item) : undefined;
};

/** A store's transfers (either side), newest first, optionally in one status. */
export const queryStoreTransfers = async (
  storeId: string,
  status: string | undefined,
  limit: number,
  cursor: string | undefined,
): Promise<Page<Transfer>> => {
  const page = await queryPage({
    indexName: status ? 'gsi2' : 'gsi1',
    partitionValue: status
      ? transferKeys.storeStatusPartition(storeId, status)
      : transferKeys.storePartition(storeId),
    limit,
    cursor,
    descending: true,
  });
  return { items: page.items.map(fromItem), nextCursor: page.nextCursor };
};
