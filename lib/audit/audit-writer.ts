import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client.js';
import type { AuditEntry } from './audit-entry.js';
import { auditItemsOf } from './audit-item.js';

/** Puts in flight at once: enough to write a 10,000-record batch in seconds, few enough to not throttle. */
const CONCURRENCY = 32;

export interface AuditWriteOutcome {
  /** Items written by this call. */
  written: number;
  /** Items that were there already (a redelivered or retried batch): nothing written twice. */
  existing: number;
}

const isConditionFailure = (error: unknown): boolean =>
  (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

/**
 * Appends the entries: each item a PutItem with `attribute_not_exists(pk)`, so an entry is
 * written once and never changed; an item already there (a redelivery) counts as done. Conditional
 * puts rather than BatchWriteItem, which takes no condition and would overwrite. The grant allows
 * PutItem on `AUDIT#…` partitions only (infra: `{ table: 'append' }`). Any other failure rejects
 * after every put has settled, so the exporter fails the batch and its retry completes the rest.
 * The pool is by hand: one loop, not worth a dependency.
 */
export const writeAuditEntries = async (
  entries: readonly AuditEntry[],
  retentionDays: number,
): Promise<AuditWriteOutcome> => {
  const items = entries.flatMap((entry) => auditItemsOf(entry, retentionDays));
  const outcome: AuditWriteOutcome = { written: 0, existing: 0 };
  const failures: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (!item) continue;
      try {
        await documentClient.send(
          new PutCommand({
            TableName: tableName(),
            Item: item,
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        outcome.written++;
      } catch (error) {
        if (isConditionFailure(error)) outcome.existing++;
        else failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  if (failures.length > 0)
    throw new AuditWriteError(`${failures.length} of ${items.length} audit item(s) not written`, failures);
  return outcome;
};

export class AuditWriteError extends Error {
  override readonly name = 'AuditWriteError';
  constructor(
    message: string,
    readonly causes: unknown[],
  ) {
    super(message);
  }
}
