import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { DynamoDBRecord } from 'aws-lambda';
import { passesChangeExportFilter } from './change-export-filter.js';
import { changeObjectKey, streamSourceOf } from './change-export-key.js';
import { changeRowOf, ndjsonLine } from './change-export-row.js';

const gzip = promisify(gzipCallback);

/** One object of the export: gzipped NDJSON rows of one partition. */
export interface ChangeObject {
  key: string;
  body: Uint8Array;
  rows: number;
  firstSequenceNumber: string;
  lastSequenceNumber: string;
}

export type PutChangeObject = (object: ChangeObject) => Promise<void>;

export interface ChangeExportOutcome {
  objects: { key: string; rows: number }[];
  rows: number;
  /** Records the filter let through that are not business entities (the handler drops them). */
  skipped: number;
}

/** Some objects of a batch could not be written; the whole batch must be retried. */
export class ChangeExportError extends Error {
  override readonly name = 'ChangeExportError';
  constructor(
    readonly failedKeys: string[],
    readonly causes: unknown[],
  ) {
    super(`${failedKeys.length} change object(s) not written: ${failedKeys.join(', ')}`);
  }
}

interface Group {
  entity: string;
  dt: string;
  lines: string[];
  first: string;
  last: string;
}

/**
 * The objects one batch of stream records becomes (pure apart from gzip): its business-entity
 * records as rows, grouped by partition (entity × UTC day) in stream order, one object per
 * partition named from its first row. gzip writes no timestamp, so the same records always give
 * the same bytes.
 */
export const changeObjectsOf = async (
  records: readonly DynamoDBRecord[],
): Promise<{ objects: ChangeObject[]; skipped: number }> => {
  const source = streamSourceOf(records[0]);
  const groups = new Map<string, Group>();
  let skipped = 0;
  for (const record of records) {
    if (!passesChangeExportFilter(record)) {
      skipped++;
      continue;
    }
    const { entity, dt, row } = changeRowOf(record);
    const partition = `${entity}/${dt}`;
    const group = groups.get(partition);
    if (group) {
      group.lines.push(ndjsonLine(row));
      group.last = row.sequence_number;
    } else {
      groups.set(partition, {
        entity,
        dt,
        lines: [ndjsonLine(row)],
        first: row.sequence_number,
        last: row.sequence_number,
      });
    }
  }
  const objects = await Promise.all(
    [...groups.values()].map(async (group) => ({
      key: changeObjectKey({ entity: group.entity, dt: group.dt, source, firstSequenceNumber: group.first }),
      body: await gzip(group.lines.join('')),
      rows: group.lines.length,
      firstSequenceNumber: group.first,
      lastSequenceNumber: group.last,
    })),
  );
  return { objects, skipped };
};

/**
 * Exports one batch: every object is attempted; if any fails, ChangeExportError, and the caller
 * fails the WHOLE batch. Retrying only from the first failed record would start a batch at a later
 * sequence number, whose objects would be named differently and repeat rows already written;
 * retried from its start, the batch rewrites the objects it wrote (named from their first rows).
 */
export const exportChanges = async (
  records: readonly DynamoDBRecord[],
  put: PutChangeObject,
): Promise<ChangeExportOutcome> => {
  const { objects, skipped } = await changeObjectsOf(records);
  const results = await Promise.allSettled(objects.map((object) => put(object)));
  const failed = results.flatMap((result, index) =>
    result.status === 'rejected' ? [{ key: objects[index]?.key ?? '', cause: result.reason as unknown }] : [],
  );
  if (failed.length > 0)
    throw new ChangeExportError(
      failed.map((failure) => failure.key),
      failed.map((failure) => failure.cause),
    );
  return {
    objects: objects.map((object) => ({ key: object.key, rows: object.rows })),
    rows: objects.reduce((sum, object) => sum + object.rows, 0),
    skipped,
  };
};
