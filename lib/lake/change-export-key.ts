import type { DynamoDBRecord } from 'aws-lambda';
import { changesTable } from './changes-table.js';

/** DynamoDB sequence numbers are 21–40 digits; padded to 40, object names sort in stream order. */
const SEQUENCE_DIGITS = 40;

/**
 * Which stream a batch came from, for the object name. Lambda's DynamoDB records do not carry
 * the shard id (only the stream's ARN); sequence numbers are unique within a stream, so the
 * stream label plus a sequence number names a batch of a shard as uniquely as the shard id would,
 * and the label keeps a re-created stream's numbers from meeting the old ones.
 */
export const streamSourceOf = (record: DynamoDBRecord | undefined): string => {
  const label = record?.eventSourceARN?.split('/stream/')[1];
  const compact = label?.replace(/[^0-9A-Za-z]/g, '');
  return compact ? `stream-${compact}` : 'stream';
};

export interface ChangeObjectName {
  entity: string;
  dt: string;
  source: string;
  /** Sequence number of the object's first row. */
  firstSequenceNumber: string;
}

/**
 * `changes/entity=<E>/dt=<D>/<source>-<first sequence number>.ndjson.gz`. Named from the first row
 * it holds, so a retried or redelivered batch, or either half of a bisected one, rewrites the same
 * objects with the same rows and never adds a second copy of a row.
 */
export const changeObjectKey = (name: ChangeObjectName): string => {
  const sequence = name.firstSequenceNumber.padStart(SEQUENCE_DIGITS, '0');
  return `${changesTable.prefix}entity=${name.entity}/dt=${name.dt}/${name.source}-${sequence}.ndjson.gz`;
};
