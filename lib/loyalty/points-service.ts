import type { Principal } from '../auth/principal.js';
import { getCustomer, getCustomerRecord } from '../customers/customer-service.js';
import { type IdempotencyRecord, requestHashOf, runOnce } from '../db/idempotency.js';
import { type SystemActor, stripStorageAttributes } from '../db/item-meta.js';
import { customerKeys, idempotencyKeys } from '../db/keys.js';
import { getItem, queryPage } from '../db/query-page.js';
import { transactWrite } from '../db/transact.js';
import { InternalError } from '../errors.js';
import { newPointsEntryId, type PointsChange, pointsChangesWrites, pointsChangeWrites } from './points.js';
import type {
  PointsAdjustmentInput,
  PointsAdjustmentResult,
  PointsEntry,
  PointsQuery,
  PointsStatement,
} from './points-schemas.js';

/**
 * The balance (customer item) and one page of the ledger, newest first: a Query on the
 * customer's partition with `begins_with(sk, 'POINTS#')`, descending.
 */
export const getPointsStatement = async (
  customerId: string,
  query: PointsQuery,
): Promise<PointsStatement> => {
  // The ledger outlives erasure (points are in the books), so an erased customer's is shown.
  const customer = await getCustomerRecord(customerId);
  const page = await queryPage({
    partitionValue: customerKeys.partition(customerId),
    sortKeyPrefix: customerKeys.pointsPrefix,
    descending: true,
    limit: query.limit,
    cursor: query.cursor,
  });
  return {
    balance: customer.pointsBalance,
    entries: page.items.map((item) => stripStorageAttributes<PointsEntry>(item)),
    nextCursor: page.nextCursor,
  };
};

/** A points change on its own (seed data, goodwill adjustments); orders use pointsChangeWrites in their transaction. */
export const changePoints = async (
  actor: Principal | SystemActor,
  change: PointsChange,
  now = new Date(),
): Promise<void> => {
  const writes = pointsChangeWrites(change, actor, now);
  if (writes.length > 0) await transactWrite(writes);
};

export interface AdjustedPoints {
  adjustment: PointsAdjustmentResult;
  /** True when this was a retry answered with the adjustment the key first made. */
  replayed: boolean;
}

/** A retry: the entry the key first wrote (entries are never deleted) and the balance now. */
const replayAdjustment = async (
  customerId: string,
  record: IdempotencyRecord,
): Promise<PointsAdjustmentResult> => {
  const { entryId = '', at = '' } = record.result;
  const [item, customer] = await Promise.all([
    getItem(customerKeys.pointsEntry(customerId, at, entryId)),
    getCustomer(customerId),
  ]);
  if (!item)
    throw new InternalError({ detail: `Points entry ${entryId} of an idempotency record is missing.` });
  return { entry: stripStorageAttributes<PointsEntry>(item), balance: customer.pointsBalance };
};

/**
 * A goodwill credit or a correction by hand (admin, manager): one `adjusted` ledger entry with
 * the caller and their note, and the balance moved by the same delta, in one transaction with
 * the Idempotency-Key's record, so a retried request never credits twice. A deduction is
 * refused (409 insufficient-points) rather than taking the balance below zero.
 */
export const adjustPoints = async (
  actor: Principal,
  customerId: string,
  input: PointsAdjustmentInput,
  idempotencyKey: string,
  now = new Date(),
): Promise<AdjustedPoints> => {
  const { value, replayed } = await runOnce(
    {
      scope: idempotencyKeys.pointsScope(customerId),
      idempotencyKey,
      requestHash: requestHashOf(input),
      what: 'points adjustment',
      now,
    },
    (record) => replayAdjustment(customerId, record),
    async (recordWrites) => {
      const change = { delta: input.delta, reason: 'adjusted' as const, note: input.note };
      const entryId = newPointsEntryId(now);
      const at = now.toISOString();
      await transactWrite([
        ...recordWrites({ entryId, at }),
        ...pointsChangesWrites(customerId, [{ ...change, entryId }], actor, now),
      ]);
      const customer = await getCustomer(customerId);
      const entry: PointsEntry = { entryId, customerId, ...change, actor: actor.userId, at };
      return { entry, balance: customer.pointsBalance };
    },
  );
  return { adjustment: value, replayed };
};
