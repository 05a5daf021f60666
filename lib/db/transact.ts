import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
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
 * Runs an all-or-nothing transaction. A failed condition becomes the typed error its write
 * declares (e.g. 409 duplicate SKU, 412 stale version, or a ContentionError when the item
 * merely changed since it was read); a transaction that only lost a race with another
 * transaction (TransactionConflict) is sent again under the shared contention policy
 * (lib/db/contention.ts), or, inside a service's retried step, makes that step re-read.
 */
export const transactWrite = async (writes: GuardedWrite[], token?: string): Promise<void> => {
  if (writes.length > MAX_TRANSACTION_ITEMS) {
    throw new BadRequestError({
      detail: `This change needs ${writes.length} writes; one request may make at most ${MAX_TRANSACTION_ITEMS}.`,
    });
  }
  const input: TransactWriteCommandInput = {
    TransactItems: writes.map((w) => withOldImageOnFailure(w.write)),
    ...(token ? { ClientRequestToken: token } : {}),
  };
  await retryOnContention(() => sendOnce(input, writes), { resends: true });
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
