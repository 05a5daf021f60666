import { tableName } from '../db/client.js';
import { documentCounterKeys, ENTITY, storeKeys } from '../db/keys.js';
import { getItem } from '../db/query-page.js';
import type { GuardedWrite } from '../db/transact.js';
import { NotFoundError } from '../errors.js';
import { OrderChangedError } from './order-errors.js';

export type DocumentKind = 'RECEIPT' | 'CREDIT_NOTE';

/** `SYD-01-000123` (receipt), `SYD-01-CN-000045` (credit note): the store code keeps numbers unique across stores. */
export const formatDocumentNumber = (storeCode: string, kind: DocumentKind, sequence: number): string =>
  `${storeCode}-${kind === 'CREDIT_NOTE' ? 'CN-' : ''}${String(sequence).padStart(6, '0')}`;

export interface NextDocumentNumber {
  number: string;
  sequence: number;
  /** Put it in the transaction that writes the document: the number is used exactly then. */
  write: GuardedWrite;
}

/**
 * The next number of a store's receipts or credit notes. A transaction cannot return what an
 * ADD made, so the counter is read (strongly consistent) and written conditional on the value
 * read: two documents racing for one number cannot both commit (the loser's whole transaction
 * fails, with OrderChangedError, and the order step retries on a fresh read). Without gaps
 * because the counter moves only in the transaction that issues the document.
 */
export const nextDocumentNumber = async (
  storeId: string,
  kind: DocumentKind,
): Promise<NextDocumentNumber> => {
  const key = documentCounterKeys.item(storeId, kind);
  const [counter, store] = await Promise.all([getItem(key), getItem(storeKeys.item(storeId), false)]);
  if (!store) throw new NotFoundError({ detail: `Store ${storeId} was not found.` });
  const last = Number(counter?.last ?? 0);
  const sequence = last + 1;
  return {
    sequence,
    number: formatDocumentNumber(String(store.code), kind, sequence),
    write: {
      write: {
        Update: {
          TableName: tableName(),
          Key: key,
          UpdateExpression: 'SET #last = :next, entityType = :type, storeId = :storeId, #kind = :kind',
          ConditionExpression: counter ? '#last = :last' : 'attribute_not_exists(pk)',
          ExpressionAttributeNames: { '#last': 'last', '#kind': 'kind' },
          ExpressionAttributeValues: {
            ':next': sequence,
            ':type': ENTITY.documentCounter,
            ':storeId': storeId,
            ':kind': kind,
            ...(counter ? { ':last': last } : {}),
          },
        },
      },
      onConditionFailed: () =>
        new OrderChangedError({ detail: `Another ${kind.toLowerCase()} took number ${sequence}; retry.` }),
    },
  };
};
