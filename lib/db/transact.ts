import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type AppError, BadRequestError } from '../errors.js';
import { documentClient } from './client.js';
import { ContentionError, retryOnContention } from './contention.js';
import { MAX_TRANSACTION_ITEMS } from './limits.js';

export { MAX_TRANSACTION_ITEMS } from './limits.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One write of a transaction, with the error to raise if its condition fails. */
export interface GuardedWrite {
  write: TransactItem;
  /** Receives the item as it was when the condition failed (absent if it did not exist). */
  onConditionFailed?: (current: Record<string, unknown> | undefined) => AppError;
}

const withOldImageOnFailure = (write: TransactItem): TransactItem => {
  const [kind, body] = Object.entries(write)[0] ?? [];
  if (!kind || !body || !('ConditionExpression' in body)) return write;
  return { [kind]: { ...body, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } } as TransactItem;
};

/**
 * Runs an all-or-nothing set of writes. A failed condition becomes the typed error its write
 * declares (e.g. 409 duplicate SKU, 412 stale version, or a ContentionError when the item
 * merely changed since it was read); a write that only lost a race with another transaction
 * (TransactionConflict) is sent again under the shared contention policy
 * (lib/db/contention.ts), or, inside a service's retried step, makes that step re-read.
 *
 * One Put, Update or Delete is sent as that single conditional write rather than a one-item
 * transaction: DynamoDB charges a transaction two writes of every item (prepare and commit)
 * and the single write one, with the same condition, the same old image on failure and so
 * the same typed error. A lone ConditionCheck has no single-item form, and a caller's
 * ClientRequestToken only means something to a transaction: those stay transactions.
 */
export const transactWrite = async (writes: GuardedWrite[], token?: string): Promise<void> => {
  if (writes.length > MAX_TRANSACTION_ITEMS) {
    throw new BadRequestError({
      detail: `This change needs ${writes.length} writes; one request may make at most ${MAX_TRANSACTION_ITEMS}.`,
    });
  }
  const [only] = writes;
  const single = writes.length === 1 && only && !token ? singleWriteOf(only.write) : undefined;
  if (only && single) {
    await retryOnContention(() => sendSingle(single, only), { resends: true });
    return;
  }
  const input: TransactWriteCommandInput = {
    TransactItems: writes.map((w) => withOldImageOnFailure(w.write)),
    ...(token ? { ClientRequestToken: token } : {}),
  };
  await retryOnContention(() => sendOnce(input, writes), { resends: true });
};

/** Sends the plain write a one-item transaction's action stands for. */
type SingleWrite = () => Promise<unknown>;

const onFailure = (body: { ConditionExpression?: string | undefined }) =>
  body.ConditionExpression ? ({ ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } as const) : {};

const putOf =
  (Put: NonNullable<TransactItem['Put']>): SingleWrite =>
  () =>
    documentClient.send(new PutCommand({ ...Put, ...onFailure(Put) }));

/** The single write of an action (none for a ConditionCheck, which has no single-item form). */
const singleWriteOf = (write: TransactItem): SingleWrite | undefined => {
  const { Put, Update, Delete } = write;
  if (Put) return putOf(Put);
  if (Update) return () => documentClient.send(new UpdateCommand({ ...Update, ...onFailure(Update) }));
  if (Delete) return () => documentClient.send(new DeleteCommand({ ...Delete, ...onFailure(Delete) }));
  return undefined;
};

/**
 * One guarded Put, sent exactly as `transactWrite` sends a lone Put. For a caller that only
 * ever writes one item: its bundle then holds neither the transaction nor the Update and
 * Delete commands (createImport, issue 10: about 4 KiB).
 */
export const guardedPut = async (
  put: NonNullable<TransactItem['Put']>,
  onConditionFailed?: GuardedWrite['onConditionFailed'],
): Promise<void> => {
  const write: GuardedWrite = { write: { Put: put }, ...(onConditionFailed ? { onConditionFailed } : {}) };
  await retryOnContention(() => sendSingle(putOf(put), write), { resends: true });
};

const sendSingle = async (send: SingleWrite, write: GuardedWrite): Promise<void> => {
  try {
    await send();
  } catch (error) {
    // The old image arrives as DynamoDB attribute values: lib-dynamodb converts outputs, not errors.
    if (error instanceof ConditionalCheckFailedException && write.onConditionFailed)
      throw write.onConditionFailed(error.Item ? unmarshall(error.Item) : undefined);
    // A transaction in flight on the item: the same contention a transaction's conflict is.
    if (error instanceof Error && error.name === 'TransactionConflictException')
      throw new ContentionError({ detail: 'Concurrent transaction; retry.', stale: false, cause: error });
    throw error;
  }
};

const sendOnce = async (input: TransactWriteCommandInput, writes: GuardedWrite[]): Promise<void> => {
  try {
    await documentClient.send(new TransactWriteCommand(input));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const failedIndex = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
    const failed = failedIndex >= 0 ? writes[failedIndex] : undefined;
    if (failed?.onConditionFailed) {
      const old = reasons[failedIndex]?.Item;
      throw failed.onConditionFailed(old ? unmarshall(old) : undefined);
    }
    // Contention only when losing a race is the sole reason; any other failure is final.
    const onlyConflicts =
      reasons.some((r) => r.Code === 'TransactionConflict') &&
      reasons.every((r) => r.Code === 'TransactionConflict' || r.Code === 'None' || r.Code === undefined);
    if (onlyConflicts)
      throw new ContentionError({ detail: 'Concurrent transaction; retry.', stale: false, cause: error });
    throw error;
  }
};
