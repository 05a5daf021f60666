import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { dataLakeBucketName, s3Client } from '../lake/s3-client.js';
import { dailyReportTables } from './daily-report-tables.js';
import { type ReportTable, toCsv, toParquet } from './report-table.js';

/** Where the daily files go in the lake bucket (the binding grants `reports/` only). */
export const REPORTS_PREFIX = 'reports/';
export const reportFileKey = (report: string, day: string, file: string) =>
  `${REPORTS_PREFIX}${report}/dt=${day}/${file}`;

export interface ReportManifest {
  report: string;
  dt: string;
  rows: number;
  columns: ReportTable['columns'];
  files: { key: string; format: 'csv' | 'parquet'; contentType: string; bytes: number; sha256: string }[];
}

const sha256 = (body: Uint8Array | string) => createHash('sha256').update(body).digest('hex');

/** The files of one report and its manifest (written last, so a manifest names files that exist). */
export const reportObjects = (table: ReportTable, day: string) => {
  const csv = Buffer.from(toCsv(table), 'utf8');
  const parquet = toParquet(table);
  const files = [
    {
      file: `${table.report}.csv`,
      format: 'csv' as const,
      contentType: 'text/csv; charset=utf-8',
      body: csv,
    },
    {
      file: `${table.report}.parquet`,
      format: 'parquet' as const,
      contentType: 'application/vnd.apache.parquet',
      body: parquet,
    },
  ];
  const manifest: ReportManifest = {
    report: table.report,
    dt: day,
    rows: table.rows.length,
    columns: table.columns,
    files: files.map(({ file, format, contentType, body }) => ({
      key: reportFileKey(table.report, day, file),
      format,
      contentType,
      bytes: body.byteLength,
      sha256: sha256(body),
    })),
  };
  return [
    ...files.map(({ file, contentType, body }) => ({
      key: reportFileKey(table.report, day, file),
      contentType,
      body,
    })),
    {
      key: reportFileKey(table.report, day, 'manifest.json'),
      contentType: 'application/json',
      body: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
    },
  ];
};

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
