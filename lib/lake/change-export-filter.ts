import type { DynamoDBRecord } from 'aws-lambda';
import { isLakeEntityType, LAKE_ENTITY_TYPES } from './lake-entities.js';

/**
 * The exporter's event source mapping filter (Lambda filter criteria; CDK:
 * `FilterCriteria.filter(pattern)` for each): records of business entities only. INSERT and
 * MODIFY carry the entity type in the new image; a REMOVE has only the old one, so it is matched
 * there (a deleted business item is a change the lake keeps too).
 */
export const changeExportFilterPatterns = (): Record<string, unknown>[] => [
  {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: { NewImage: { entityType: { S: [...LAKE_ENTITY_TYPES] } } },
  },
  {
    eventName: ['REMOVE'],
    dynamodb: { OldImage: { entityType: { S: [...LAKE_ENTITY_TYPES] } } },
  },
];

/** The image that names the record's entity: the new one, or the old one for a REMOVE. */
export const entityImageOf = (record: DynamoDBRecord) =>
  record.eventName === 'REMOVE' ? record.dynamodb?.OldImage : record.dynamodb?.NewImage;

/** The same filter, evaluated on a record; the handler applies it too, so bookkeeping never lands. */
export const passesChangeExportFilter = (record: DynamoDBRecord): boolean =>
  (record.eventName === 'INSERT' || record.eventName === 'MODIFY' || record.eventName === 'REMOVE') &&
  isLakeEntityType(entityImageOf(record)?.entityType?.S);
