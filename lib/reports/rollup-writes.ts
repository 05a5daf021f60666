import type { NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client.js';
import { REPORT_ENTITY, reportKeys, type TableKey } from '../db/keys.js';
import { TABLE_DEFINITION } from '../db/table-definition.js';
import type { GuardedWrite } from '../db/transact.js';
import { ConflictError, defineProblem, documentProblem } from '../errors.js';
import type { SaleMemo, SalesDelta, SkuDelta } from './sale-rollup.js';
import type { TakingsDelta } from './takings-rollup.js';

/** This event's part was applied before: a redelivery, which counts nothing. */
export class EventAlreadyAppliedError extends ConflictError {
  static override readonly problem = defineProblem({
    slug: 'report-event-applied',
    status: 409,
    title: 'Event already counted',
    internal: true,
  });
}

/** What `EventAlreadyAppliedError` means, for the problem catalog and the OpenAPI document only. */
export const eventAlreadyAppliedErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(EventAlreadyAppliedError, {
    description: 'A redelivered domain event finds its applied marker; the rollups stay as they are.',
  }))();

/** Markers outlive every redelivery (EventBridge gives up after a day), then expire. */
const MARKER_DAYS = 35;

export const appliedMarkerWrite = (eventId: string, part: string, now: Date): GuardedWrite => ({
  write: {
    Put: {
      TableName: tableName(),
      Item: {
        ...reportKeys.appliedEvent(eventId, part),
        entityType: REPORT_ENTITY.appliedEvent,
        eventId,
        part,
        appliedAt: now.toISOString(),
        [TABLE_DEFINITION.timeToLiveAttribute]: Math.floor(now.getTime() / 1000) + MARKER_DAYS * 86_400,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
  onConditionFailed: () =>
    new EventAlreadyAppliedError({ detail: `Event ${eventId} (${part}) was applied.` }),
});

/**
 * One UpdateItem that SETs the item's descriptive attributes and ADDs the counters (those
 * that are not zero), so concurrent events on the same store and day never lose a count.
 */
const addUpdate = (
  key: TableKey,
  attributes: Record<string, NativeAttributeValue>,
  counters: Record<string, number | undefined>,
): GuardedWrite => {
  const names: Record<string, string> = {};
  const values: Record<string, NativeAttributeValue> = {};
  const sets = Object.entries({ entityType: REPORT_ENTITY.rollup, ...attributes }).map(([name, value], i) => {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    return `#s${i} = :s${i}`;
  });
  const adds = Object.entries(counters)
    .filter((entry): entry is [string, number] => entry[1] !== undefined && entry[1] !== 0)
    .map(([name, value], i) => {
      names[`#a${i}`] = name;
      values[`:a${i}`] = value;
      return `#a${i} :a${i}`;
    });
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: key,
        UpdateExpression: `SET ${sets.join(', ')}${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  };
};

export const salesWrite = (storeId: string, delta: SalesDelta): GuardedWrite =>
  addUpdate(
    reportKeys.sales(storeId, delta.dimension, delta.day, delta.value, delta.currency),
    { storeId, dimension: delta.dimension, day: delta.day, value: delta.value, currency: delta.currency },
    delta.counters,
  );

export const skuSalesWrite = (storeId: string, delta: SkuDelta): GuardedWrite =>
  addUpdate(
    reportKeys.skuSales(storeId, delta.day, delta.sku),
    { storeId, day: delta.day, sku: delta.sku, productId: delta.productId },
    { units: delta.units, net: delta.net, returned: delta.returned },
  );

export const takingsWrite = (storeId: string, delta: TakingsDelta): GuardedWrite =>
  addUpdate(
    reportKeys.takings(storeId, delta.day, delta.currency, delta.kind, delta.method),
    { storeId, day: delta.day, currency: delta.currency, kind: delta.kind, method: delta.method },
    { amount: delta.amount, count: delta.count },
  );

export const saleMemoWrite = (memo: SaleMemo): GuardedWrite => ({
  write: {
    Put: {
      TableName: tableName(),
      Item: { ...reportKeys.saleMemo(memo.orderId), entityType: REPORT_ENTITY.saleMemo, ...memo },
    },
  },
});

/**
 * The SKU's last sale at the store, moved forward only (a conditional max), so it is
 * idempotent by itself and sits outside the counters' transaction.
 */
export const recordLastSold = async (storeId: string, sku: string, productId: string, at: string) => {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: reportKeys.skuLastSold(storeId, sku),
        UpdateExpression: 'SET entityType = :e, storeId = :s, sku = :k, productId = :p, lastSoldAt = :at',
        ConditionExpression: 'attribute_not_exists(lastSoldAt) OR lastSoldAt < :at',
        ExpressionAttributeValues: {
          ':e': REPORT_ENTITY.rollup,
          ':s': storeId,
          ':k': sku,
          ':p': productId,
          ':at': at,
        },
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
  }
};
