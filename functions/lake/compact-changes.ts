import { compactPending } from '../../lib/lake/compact-pending.js';
import { isLakeDay, lakeDayOf, previousDay } from '../../lib/lake/lake-days.js';
import { dataLakeBucketName, s3Client } from '../../lib/lake/s3-client.js';
import { scheduledHandler } from '../../lib/runtime/scheduled-handler.js';
import * as z from '../../lib/zod.js';

/** Days one run may catch up before it would near Lambda's 15 minutes; more is an operator's job. */
const MAX_DAYS_PER_RUN = 7;

/**
 * The schedule's event (its `time` says which day is "yesterday", so a retried event compacts
 * the same day), or a manual invocation `{ "day": "YYYY-MM-DD" }` to re-run one day.
 */
const CompactEvent = z.object({
  day: z.optional(z.string().check(z.refine(isLakeDay, 'Use a day, YYYY-MM-DD.'))),
  time: z.optional(z.iso.datetime({ offset: true })),
});

// Named as in the app definition: its metrics' `job` dimension is what the alarms watch.
export const handler = scheduledHandler('compactChanges', async (event) => {
  const parsed = CompactEvent.parse(event);
  const day = parsed.day ?? previousDay(lakeDayOf(parsed.time ? new Date(parsed.time) : new Date()));
  const results = await compactPending({
    s3: s3Client(),
    bucket: dataLakeBucketName(),
    through: day,
    maxDays: MAX_DAYS_PER_RUN,
  });
  return {
    day,
    days: results.length,
    changes: results.reduce((sum, result) => sum + result.changes, 0),
    rows: results.reduce(
      (sum, result) => sum + result.tables.reduce((rows, table) => rows + table.rows, 0),
      0,
    ),
    files: results.reduce((sum, result) => sum + result.tables.length, 0),
  };
});
