import type { Principal } from '../auth/principal.js';
import { getCustomer } from '../customers/customer-service.js';
import { type SystemActor, stripStorageAttributes } from '../db/item-meta.js';
import { customerKeys } from '../db/keys.js';
import { queryPage } from '../db/query-page.js';
import { transactWrite } from '../db/transact.js';
import { type PointsChange, pointsChangeWrites } from './points.js';
import type { PointsEntry, PointsQuery, PointsStatement } from './points-schemas.js';

/**
 * The balance (customer item) and one page of the ledger, newest first: a Query on the
 * customer's partition with `begins_with(sk, 'POINTS#')`, descending.
 */
export const getPointsStatement = async (
  customerId: string,
  query: PointsQuery,
): Promise<PointsStatement> => {
  const customer = await getCustomer(customerId);
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
