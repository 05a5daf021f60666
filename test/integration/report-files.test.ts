import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOrderEvent } from '../../functions/reports/count-order-event.js';
import { type LocalS3, startLocalS3 } from '../../infra/local/local-s3.js';
import { s3Client } from '../../lib/lake/s3-client.js';
import { recordPayment } from '../../lib/orders/order-lifecycle.js';
import { utcDay } from '../../lib/reports/report-days.js';
import { writeDailyReportFiles } from '../../lib/reports/report-files.js';
import { type ReportManifest, reportFileKey } from '../../lib/reports/report-objects.js';
import { admin } from '../support/fixtures.js';
import { place } from '../support/order-fixtures.js';
import {
  busEvent,
  pricedSku,
  reportedOrderEvents,
  sellingStoreIn,
  uniqueRegion,
} from '../support/report-fixtures.js';

const BUCKET = 'storefleet-local-lake';
let s3: LocalS3;
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'storefleet-report-files-'));
  s3 = await startLocalS3({ directory: join(directory, 's3'), buckets: [BUCKET] });
  // Before the first use of the lazily created client: s3rver accepts any credentials.
  process.env.S3_ENDPOINT = s3.endpoint;
  process.env.DATA_LAKE_BUCKET = BUCKET;
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  process.env.AWS_REGION ??= 'ap-southeast-2';
});

afterAll(async () => {
  await s3?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

const read = async (key: string): Promise<Uint8Array> => {
  const object = await s3Client().send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return (await object.Body?.transformToByteArray()) ?? new Uint8Array();
};

const parquetRows = async (bytes: Uint8Array) => {
  const file = join(directory, `read-${Date.now()}.parquet`);
  await writeFile(file, bytes);
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const reader = await connection.runAndReadAll(`select * from read_parquet('${file}')`);
  return reader.getRowObjectsJson();
};

describe('daily report files', () => {
  it('writes sales and takings as CSV, Parquet and a manifest, the same bytes on a re-run', async () => {
    const day = utcDay(new Date());
    const store = await sellingStoreIn(uniqueRegion());
    const lens = await pricedSku('contact-lenses', 4500, 2000, { [store]: 5 });
    const order = await place(admin, store, [{ sku: lens.sku, quantity: 2 }]);
    await recordPayment(admin, order.orderId, { method: 'card', amount: 9000 });
    for (const event of await reportedOrderEvents([order.orderId])) await countOrderEvent(busEvent(event));

    const summary = await writeDailyReportFiles(day);
    expect(summary).toMatchObject({ dt: day, reports: 2, objects: 6 });

    const manifest = JSON.parse(
      Buffer.from(await read(reportFileKey('sales', day, 'manifest.json'))).toString('utf8'),
    ) as ReportManifest;
    expect(manifest).toMatchObject({ report: 'sales', dt: day, rows: 3 });
    for (const file of manifest.files) {
      const bytes = await read(file.key);
      expect(bytes.byteLength).toBe(file.bytes);
    }

    const csv = Buffer.from(await read(reportFileKey('sales', day, 'sales.csv'))).toString('utf8');
    const [header, ...lines] = csv.trimEnd().split('\r\n');
    expect(header).toBe(
      'dt,store_id,store_code,region,dimension,value,currency,orders,units,gross,discounts,net,refunds,cost,margin,average_basket',
    );
    expect(lines.map((line) => line.split(',').slice(4, 9).join(','))).toEqual([
      'category,contact-lenses,AUD,1,2',
      'channel,in_store,AUD,1,2',
      'total,all,AUD,1,2',
    ]);

    const rows = await parquetRows(await read(reportFileKey('sales', day, 'sales.parquet')));
    expect(rows.find((row) => row.dimension === 'total')).toMatchObject({
      dt: day,
      store_id: store,
      net: '9000',
      cost: '4000',
      margin: '5000',
    });
    const takings = await parquetRows(await read(reportFileKey('takings', day, 'takings.parquet')));
    expect(takings).toEqual([
      expect.objectContaining({
        store_id: store,
        kind: 'payment',
        method: 'card',
        amount: '9000',
        count: '1',
      }),
    ]);

    const before = await read(reportFileKey('sales', day, 'sales.parquet'));
    await writeDailyReportFiles(day);
    expect(
      Buffer.from(await read(reportFileKey('sales', day, 'sales.parquet'))).equals(Buffer.from(before)),
    ).toBe(true);
    expect(
      JSON.parse(Buffer.from(await read(reportFileKey('sales', day, 'manifest.json'))).toString()),
    ).toEqual(manifest);
  });
});
