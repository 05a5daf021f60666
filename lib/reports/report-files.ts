import { PutObjectCommand } from '@aws-sdk/client-s3';
import { dataLakeBucketName, s3Client } from '../lake/s3-client.js';
import { dailyReportTables } from './daily-report-tables.js';
import { reportObjects } from './report-objects.js';

export interface ReportFilesSummary extends Record<string, unknown> {
  dt: string;
  reports: number;
  objects: number;
  rows: number;
}

/**
 * Writes the day's reports (sales, takings) as CSV, Parquet and a manifest under
 * `reports/<report>/dt=<day>/`. Deterministic (no run time in any file), so re-running a day
 * overwrites its objects with the same bytes, or with corrected ones if late events came in.
 * `npm run report` runs it locally as one of the daily lake jobs.
 */
export const writeDailyReportFiles = async (day: string): Promise<ReportFilesSummary> => {
  const tables = await dailyReportTables(day);
  const bucket = dataLakeBucketName();
  let objects = 0;
  for (const table of tables)
    for (const object of reportObjects(table, day)) {
      await s3Client().send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: object.key,
          Body: object.body,
          ContentType: object.contentType,
        }),
      );
      objects += 1;
    }
  return {
    dt: day,
    reports: tables.length,
    objects,
    rows: tables.reduce((total, t) => total + t.rows.length, 0),
  };
};
