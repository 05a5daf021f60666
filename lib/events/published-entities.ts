import type { DynamoDBRecord } from 'aws-lambda';
import { ENTITY, type EntityType } from '../db/keys.js';

/**
 * The entity types whose changes are business events. Everything else is bookkeeping and never
 * reaches the consumer: unique guards, idempotency records, promotion usage and document
 * counters, transfer links (copies of the transfer), stock movements (the level's change says
 * the same, with before and after), payments and refunds (the order carries their totals),
 * points entries, feedback, stores, suppliers, promotions, tax rates.
 */
export const PUBLISHED_ENTITY_TYPES = [
  ENTITY.product,
  ENTITY.inventoryLevel,
  ENTITY.stocktake,
  ENTITY.order,
  ENTITY.transfer,
  ENTITY.purchaseOrder,
  ENTITY.customer,
] as const satisfies readonly EntityType[];

const published = new Set<string>(PUBLISHED_ENTITY_TYPES);

export const isPublishedEntityType = (entityType: unknown): boolean =>
  typeof entityType === 'string' && published.has(entityType);

/**
 * The event source mapping's filter patterns (Lambda filter criteria; CDK:
 * `FilterCriteria.filter(pattern)` for each). Every item stores `entityType` as a string
 * attribute, so the pattern matches it in the new image. REMOVE records have no new image and
 * are filtered out too: published entities are never deleted (products are archived, orders
 * cancelled), and what is deleted (idempotency records by TTL) is bookkeeping.
 */
export const streamFilterPatterns = (): Record<string, unknown>[] => [
  {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: { NewImage: { entityType: { S: [...PUBLISHED_ENTITY_TYPES] } } },
  },
];

/** The same filter, evaluated on a record (for the local stream reader's `filter`). */
export const passesStreamFilter = (record: DynamoDBRecord): boolean =>
  (record.eventName === 'INSERT' || record.eventName === 'MODIFY') &&
  isPublishedEntityType(record.dynamodb?.NewImage?.entityType?.S);
