import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { ENTITY } from '../db/keys.js';
import { eventDefinition } from './event-catalog.js';
import { DETAIL_VERSION, type DomainEvent } from './event-envelope.js';
import type { Translator } from './item-change.js';
import { isPublishedEntityType } from './published-entities.js';
import { translateCustomer, translateProduct } from './translate-catalog.js';
import { translatePurchaseOrder, translateTransfer } from './translate-documents.js';
import { translateInventoryLevel, translateStocktake } from './translate-inventory.js';
import { translateOrder } from './translate-orders.js';

const TRANSLATORS: Record<string, Translator> = {
  [ENTITY.product]: translateProduct,
  [ENTITY.inventoryLevel]: translateInventoryLevel,
  [ENTITY.stocktake]: translateStocktake,
  [ENTITY.order]: translateOrder,
  [ENTITY.transfer]: translateTransfer,
  [ENTITY.purchaseOrder]: translatePurchaseOrder,
  [ENTITY.customer]: translateCustomer,
};

/** A record that no retry can turn into events (bad shape, missing fields): dead-letter it. */
export class UntranslatableRecordError extends Error {
  override readonly name = 'UntranslatableRecordError';
  constructor(
    message: string,
    readonly issues?: unknown,
  ) {
    super(message);
  }
}

type StreamImage = Record<string, AttributeValue>;
const image = (value: unknown): Record<string, unknown> | undefined =>
  value ? unmarshall(value as StreamImage) : undefined;

const occurredAtOf = (record: DynamoDBRecord, item: Record<string, unknown>): string => {
  const seconds = record.dynamodb?.ApproximateCreationDateTime;
  if (typeof seconds === 'number' && Number.isFinite(seconds)) return new Date(seconds * 1000).toISOString();
  // Not in AWS's records, but hand-built ones may lack it: the item's own time is the next best.
  if (typeof item.updatedAt === 'string') return item.updatedAt;
  throw new UntranslatableRecordError('record has no ApproximateCreationDateTime and the item no updatedAt');
};

/**
 * The domain events one stream record stands for (pure). Each event's id is the record's
 * eventID and its detail-type, so a redelivered record yields the same ids in any order.
 * Records of bookkeeping items and REMOVEs yield none; a published item whose images do not
 * make a valid detail throws UntranslatableRecordError.
 */
export const translateRecord = (record: DynamoDBRecord): DomainEvent[] => {
  if (record.eventName === 'REMOVE') return [];
  const now = image(record.dynamodb?.NewImage);
  if (!now) throw new UntranslatableRecordError(`${record.eventName} record without a new image`);
  if (!isPublishedEntityType(now.entityType)) return [];
  const translate = TRANSLATORS[String(now.entityType)];
  if (!translate) throw new UntranslatableRecordError(`no translator for ${String(now.entityType)}`);
  if (!record.eventID) throw new UntranslatableRecordError('record without an eventID');
  const old = record.eventName === 'MODIFY' ? image(record.dynamodb?.OldImage) : undefined;
  if (record.eventName === 'MODIFY' && !old)
    throw new UntranslatableRecordError(
      'MODIFY record without an old image (stream must be NEW_AND_OLD_IMAGES)',
    );
  const happenings = translate({ old, new: now });
  if (happenings.length === 0) return [];
  const occurredAt = occurredAtOf(record, now);
  return happenings.map(({ detailType, body }) => {
    const definition = eventDefinition(detailType);
    const parsed = definition.schema.safeParse({
      version: DETAIL_VERSION,
      eventId: `${record.eventID}:${detailType}`,
      occurredAt,
      actor: now.updatedBy,
      ...body,
    });
    if (!parsed.success)
      throw new UntranslatableRecordError(`${detailType}: ${parsed.error.message}`, parsed.error.issues);
    return {
      source: definition.source,
      detailType,
      detail: parsed.data as DomainEvent['detail'],
    };
  });
};
