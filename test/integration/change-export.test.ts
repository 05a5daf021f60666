/**
 * The change export with real parts: items written by the services on DynamoDB Local, their
 * stream records read back through the Streams API and filtered by the exporter's own Lambda
 * filter patterns, the handler writing to s3rver, the objects read back through the S3 API.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/lake/export-changes.js';
import { lakeFunctions } from '../../infra/functions/lake-functions.js';
import { lambdaContext } from '../../infra/local/lambda-context.js';
import { type LocalS3, startLocalS3 } from '../../infra/local/local-s3.js';
import { REPO_ROOT } from '../../infra/local/repo-paths.js';
import { matchesPattern } from '../../lib/events/match-pattern.js';
import { changeExportFilterPatterns } from '../../lib/lake/change-export-filter.js';
import { changesTable } from '../../lib/lake/changes-table.js';
import { recordPayment } from '../../lib/orders/order-lifecycle.js';
import { admin } from '../support/fixtures.js';
import { type LakeObject, localS3Client, readChangeObjects } from '../support/lake-objects.js';
import { newSellingStore, place, stockedSkus } from '../support/order-fixtures.js';
import { readTableStream } from '../support/table-stream.js';

const BUCKET = 'it-lake';
let s3: LocalS3;
let directory: string;
let client: S3Client;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'storefleet-it-lake-'));
  s3 = await startLocalS3({ directory, buckets: [BUCKET] });
  // Read by lib/lake/s3-client.ts when the handler first writes.
  process.env.S3_ENDPOINT = s3.endpoint;
  process.env.DATA_LAKE_BUCKET = BUCKET;
  client = localS3Client(s3.endpoint);
});

afterAll(async () => {
  client?.destroy();
  await s3?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

/** What the event source mapping would hand the exporter: the records its filter lets through. */
const exporterBatch = (records: DynamoDBRecord[]): DynamoDBRecord[] =>
  records.filter((record) => changeExportFilterPatterns().some((pattern) => matchesPattern(pattern, record)));

const deliver = (records: DynamoDBRecord[]) =>
  handler({ Records: structuredClone(records) }, lambdaContext('exportChanges', lakeFunctions.exportChanges));

const rowsOf = (objects: LakeObject[]) => objects.flatMap((object) => object.rows);
const snapshot = (objects: LakeObject[]) =>
  objects.map(({ key, etag, rows }) => ({ key, etag, rows: rows.length }));

describe('the change export on DynamoDB Local and s3rver', () => {
  let batch: DynamoDBRecord[];
  let orderId: string;
  let first: LakeObject[];

  it('lands a sale’s business changes as rows, partitioned by entity and day, and no bookkeeping', async () => {
    const storeId = await newSellingStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const order = await place(admin, storeId, [{ sku: skus[0] ?? '', quantity: 2 }]);
    orderId = order.orderId;
    await recordPayment(admin, orderId, { method: 'card', amount: order.total });

    const records = await readTableStream();
    batch = exporterBatch(records);
    expect(batch.length).toBeLessThan(records.length); // guards, idempotency records… filtered out
    expect(await deliver(batch)).toEqual({ batchItemFailures: [] });

    first = await readChangeObjects(client, BUCKET);
    const rows = rowsOf(first);
    expect(rows).toHaveLength(batch.length);
    for (const object of first)
      expect(object.key).toMatch(
        /^changes\/entity=[A-Za-z]+\/dt=\d{4}-\d{2}-\d{2}\/stream-\w+-\d{40}\.ndjson\.gz$/,
      );
    for (const row of rows)
      expect(Object.keys(row)).toEqual(changesTable.columns.map((column) => column.name));

    const orderRows = rows.filter((row) => row.pk === `ORDER#${orderId}` && row.entity_type === 'Order');
    expect(orderRows.map((row) => [row.event_name, (row.new_image as { status: string }).status])).toEqual([
      ['INSERT', 'PENDING_PAYMENT'],
      ['MODIFY', 'PAID'],
    ]);
    expect(orderRows[1]).toMatchObject({ actor: admin.userId, old_image: { status: 'PENDING_PAYMENT' } });
    const payment = rows.find(
      (row) => row.entity_type === 'Payment' && (row.new_image as { orderId?: string }).orderId === orderId,
    );
    expect(payment?.new_image).toMatchObject({ method: 'card', amount: order.total });
    expect(first.some((object) => object.key.startsWith(`changes/entity=Order/`))).toBe(true);
    const entityTypes = new Set(rows.map((row) => row.entity_type));
    expect([...entityTypes].every((type) => !/Guard|Idempotency|Counter/.test(String(type)))).toBe(true);
    for (const object of first) {
      const [, entity] = /entity=([^/]+)\//.exec(object.key) ?? [];
      expect(object.rows.every((row) => row.entity_type === entity)).toBe(true);
    }
  });

  it('rewrites the same objects with the same bytes when the batch is redelivered', async () => {
    expect(await deliver(batch)).toEqual({ batchItemFailures: [] });
    expect(snapshot(await readChangeObjects(client, BUCKET))).toEqual(snapshot(first));
  });

  it('keeps every row exactly once when a retried batch is bisected', async () => {
    const middle = Math.ceil(batch.length / 2);
    expect(await deliver(batch.slice(0, middle))).toEqual({ batchItemFailures: [] });
    expect(await deliver(batch.slice(middle))).toEqual({ batchItemFailures: [] });
    const ids = rowsOf(await readChangeObjects(client, BUCKET)).map((row) => row.event_id);
    expect(ids.sort()).toEqual(batch.map((record) => record.eventID).sort());
  });

  it('fails the whole batch, writing nothing new, when the lake cannot be written', async () => {
    const before = snapshot(await readChangeObjects(client, BUCKET));
    process.env.DATA_LAKE_BUCKET = 'no-such-bucket';
    try {
      const response = await deliver(batch);
      expect(response.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(
        batch.map((record) => record.dynamodb?.SequenceNumber),
      );
    } finally {
      process.env.DATA_LAKE_BUCKET = BUCKET;
    }
    expect(snapshot(await readChangeObjects(client, BUCKET))).toEqual(before);
  });

  it('exports the sample stream event in events/stream/ (npm run invoke -- exportChanges …)', async () => {
    const sample = JSON.parse(
      await readFile(join(REPO_ROOT, 'events/stream/export-changes.json'), 'utf8'),
    ) as {
      Records: DynamoDBRecord[];
    };
    expect(await deliver(sample.Records)).toEqual({ batchItemFailures: [] });
    const objects = await readChangeObjects(client, BUCKET, 'changes/entity=Order/dt=2026-03-02/');
    expect(objects.flatMap((object) => object.rows).map((row) => [row.pk, row.event_name])).toEqual([
      ['ORDER#or_demo_sample', 'INSERT'],
      ['ORDER#or_demo_sample', 'MODIFY'],
    ]);
  });
});
