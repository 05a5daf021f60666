import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { type CompactionResult, compactDay } from './compact-day.js';
import { storesTable } from './curated-tables.js';
import { addDays, assertLakeDay, isLakeDay } from './lake-days.js';
import { LAKE_ENTITY_TYPES } from './lake-entities.js';

/** The `dt=` values directly under a prefix (one listing level, so cheap however many files). */
const partitionDays = async (s3: S3Client, bucket: string, prefix: string): Promise<string[]> => {
  const days: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        Delimiter: '/',
        ...(token ? { ContinuationToken: token } : {}),
      }),
    );
    for (const common of page.CommonPrefixes ?? []) {
      const day = common.Prefix?.slice(prefix.length).match(/^dt=([^/]+)\/$/)?.[1];
      if (day && isLakeDay(day)) days.push(day);
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return days.sort();
};

export class TooManyPendingDaysError extends Error {
  constructor(first: string, through: string, maxDays: number) {
    super(
      `${first}…${through} is more than ${maxDays} days to compact in one run; compact the earlier days first`,
    );
    this.name = 'TooManyPendingDaysError';
  }
}

export interface CompactPendingOptions {
  s3: S3Client;
  bucket: string;
  /** The day to compact (again, if it already is), after any day before it the lake lacks. */
  through: string;
  /** Refuse rather than run past the caller's time budget (a Lambda has 15 minutes). */
  maxDays: number;
}

/**
 * Compacts `through`, first catching up every day since the last compacted one (a failed or
 * skipped run), because each day's state tables build on the day before. On a lake never
 * compacted it starts from the first day that has changes. Days after `through` are untouched.
 */
export const compactPending = async (options: CompactPendingOptions): Promise<CompactionResult[]> => {
  const through = assertLakeDay(options.through);
  const compacted = (await partitionDays(options.s3, options.bucket, `${storesTable.prefix}`)).filter(
    (day) => day < through,
  );
  let first: string;
  const last = compacted.at(-1);
  if (last) first = addDays(last, 1);
  else {
    const changeDays = await Promise.all(
      LAKE_ENTITY_TYPES.map((entity) =>
        partitionDays(options.s3, options.bucket, `changes/entity=${entity}/`),
      ),
    );
    first =
      changeDays
        .flat()
        .filter((day) => day <= through)
        .sort()[0] ?? through;
  }
  const days: string[] = [];
  for (let day = first; day <= through; day = addDays(day, 1)) days.push(day);
  if (days.length > options.maxDays) throw new TooManyPendingDaysError(first, through, options.maxDays);
  const results: CompactionResult[] = [];
  for (const day of days) results.push(await compactDay({ s3: options.s3, bucket: options.bucket, day }));
  return results;
};
