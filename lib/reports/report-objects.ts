/**
 * One report's objects in the lake: its CSV, its Parquet and its manifest. Pure, and apart from
 * the writers (the rollup files' job and the compaction's stock file), so each bundles only this.
 */
import { createHash } from 'node:crypto';
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
