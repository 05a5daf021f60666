import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { entityImageOf } from './change-export-filter.js';
import { type JsonObject, toJsonObject } from './change-export-json.js';
import type { changesTable } from './changes-table.js';
import { lakeImageOf } from './lake-image.js';

type ColumnName = (typeof changesTable.columns)[number]['name'];
type Image = JsonObject;

/** One row of the `changes` table: exactly its columns (the type fails to compile if they drift). */
export type ChangeRow = {
  [Column in ColumnName]: Column extends 'old_image' | 'new_image' ? Image | null : string;
};

/** A row and the partition it lands in (`entity=<entity>/dt=<dt>/`). */
export interface PartitionedRow {
  entity: string;
  dt: string;
  row: ChangeRow;
}

/** Who a change is attributed to when the item names nobody (jobs, TTL deletions). */
export const SYSTEM_ACTOR = 'system';

export const plainImage = (image: Record<string, AttributeValue> | undefined): Image | null =>
  image ? toJsonObject(image) : null;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The approximate creation time as ISO 8601. Lambda always sends it (epoch seconds); a hand-built
 * record without it takes the item's own `updatedAt`, then the epoch, never the clock, so the same
 * record always maps to the same row and partition.
 */
export const approximateCreationTimeOf = (record: DynamoDBRecord, item: Image | null): string => {
  const seconds = record.dynamodb?.ApproximateCreationDateTime;
  if (typeof seconds === 'number' && Number.isFinite(seconds)) return new Date(seconds * 1000).toISOString();
  const updatedAt = item?.updatedAt;
  if (typeof updatedAt === 'string' && !Number.isNaN(Date.parse(updatedAt)))
    return new Date(updatedAt).toISOString();
  return new Date(0).toISOString();
};

/**
 * A stream record of a business entity as a `changes` row (pure): the images unmarshalled to
 * plain JSON with personal fields redacted (lib/lake/lake-image.ts), the actor the item's
 * `updatedBy` (the old image's for a REMOVE) or `system`.
 */
export const changeRowOf = (record: DynamoDBRecord): PartitionedRow => {
  const oldImage = plainImage(record.dynamodb?.OldImage as Record<string, AttributeValue> | undefined);
  const newImage = plainImage(record.dynamodb?.NewImage as Record<string, AttributeValue> | undefined);
  const item = record.eventName === 'REMOVE' ? oldImage : newImage;
  const entityType = text(entityImageOf(record)?.entityType?.S);
  const keys = record.dynamodb?.Keys;
  const approximateCreationTime = approximateCreationTimeOf(record, item);
  const actor = text(item?.updatedBy);
  const dt = approximateCreationTime.slice(0, 10);
  return {
    entity: entityType,
    dt,
    row: {
      event_id: text(record.eventID),
      event_name: text(record.eventName),
      entity_type: entityType,
      pk: text(keys?.pk?.S ?? item?.pk),
      sk: text(keys?.sk?.S ?? item?.sk),
      sequence_number: text(record.dynamodb?.SequenceNumber),
      approximate_creation_time: approximateCreationTime,
      actor: actor || SYSTEM_ACTOR,
      // Personal data never reaches the lake: redacted here, before the row exists.
      old_image: lakeImageOf(entityType, oldImage, dt),
      new_image: lakeImageOf(entityType, newImage, dt),
    },
  };
};

/** A row as one NDJSON line (with its newline); the images are JSON already (change-export-json.ts). */
export const ndjsonLine = (row: ChangeRow): string => `${JSON.stringify(row)}\n`;
