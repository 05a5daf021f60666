/**
 * `npm run bench`'s lake figures, measured in one run so they read as ratios: the change exporter
 * in-process (mapping, NDJSON, gzip) against JSON.stringify of the same records as the baseline
 * (target ≥ 20,000 records/s), and the objects a run of batches leaves in a local S3 (target: one
 * per batch per shard for a batch of one partition).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { LOCAL_AWS } from '../dynamodb-local.js';
import { startLocalS3 } from '../local-s3.js';
import type { BenchFigure, BenchSection } from './bench-figure.js';

const EXPORT_TARGET_PER_SECOND = 20_000;
const STREAM_ARN =
  'arn:aws:dynamodb:ap-southeast-2:123456789012:table/storefleet/stream/2026-01-01T00:00:00.000';

/** Order MODIFY records shaped as Lambda delivers them, each a realistic few-line order. */
const orderRecords = (count: number, firstSequence: number): DynamoDBRecord[] =>
  Array.from({ length: count }, (_, index) => {
    const orderId = `or_${String(firstSequence + index).padStart(8, '0')}`;
    const item = (status: string, version: number) => ({
      pk: `ORDER#${orderId}`,
      sk: 'ORDER',
      entityType: 'Order',
      orderId,
      storeId: 'st_syd_cbd',
      channel: 'in_store',
      status,
      currency: 'AUD',
      lines: [1, 2, 3].map((line) => ({
        sku: `SKU-${line}`,
        productId: `pr_${line}`,
        name: `Product ${line}`,
        category: 'lenses',
        quantity: line,
        unitPrice: 4500,
        lineTotal: 4500 * line,
        taxAmount: 409 * line,
      })),
      total: 27_000,
      amountPaid: status === 'PAID' ? 27_000 : 0,
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:15:00.000Z',
      updatedBy: 'user-1',
      version,
    });
    return {
      eventID: `ev-${firstSequence + index}`,
      eventName: 'MODIFY',
      eventSource: 'aws:dynamodb',
      awsRegion: 'ap-southeast-2',
      eventSourceARN: STREAM_ARN,
      dynamodb: {
        ApproximateCreationDateTime: 1_772_442_900,
        Keys: marshall({ pk: `ORDER#${orderId}`, sk: 'ORDER' }) as never,
        OldImage: marshall(item('PENDING_PAYMENT', 1)) as never,
        NewImage: marshall(item('PAID', 2)) as never,
        SequenceNumber: String(100_000_000_000_000_000_000n + BigInt(firstSequence + index)),
        SizeBytes: 900,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    } satisfies DynamoDBRecord;
  });

const perSecond = (records: number, ms: number) => (records / ms) * 1000;

export const benchLake: BenchSection = async ({ quick }) => {
  const { changeObjectsOf, exportChanges } = await import('../../../lib/lake/change-export.js');
  const { putChangeObjectTo } = await import('../../../lib/lake/change-export-s3.js');
  const { LOCAL_S3_CREDENTIALS } = await import('../../../lib/lake/s3-client.js');

  const batches = Array.from({ length: quick ? 2 : 5 }, (_, index) => orderRecords(10_000, index * 10_000));
  await changeObjectsOf(batches[0] ?? []); // warm-up: JIT and zlib
  let baselineMs = 0;
  let exportMs = 0;
  for (const batch of batches) {
    const t0 = performance.now();
    for (const record of batch) JSON.stringify(record);
    baselineMs += performance.now() - t0;
    const t1 = performance.now();
    await changeObjectsOf(batch);
    exportMs += performance.now() - t1;
  }
  const records = batches.length * 10_000;
  const exporter = perSecond(records, exportMs);
  const baseline = perSecond(records, baselineMs);
  const figures: BenchFigure[] = [
    {
      section: 'lake',
      name: 'change export (10,000-record batches)',
      unit: 'records/s',
      value: exporter,
      baseline,
      baselineName: 'JSON.stringify of the same records',
      ratio: exporter / baseline,
      target: `≥ ${EXPORT_TARGET_PER_SECOND.toLocaleString('en')} records/s`,
      pass: exporter >= EXPORT_TARGET_PER_SECOND,
      detail: `${records} records in-process: mapping, NDJSON, gzip`,
    },
  ];

  const directory = await mkdtemp(join(tmpdir(), 'storefleet-bench-s3-'));
  const s3 = await startLocalS3({ directory, buckets: ['bench-lake'] });
  const client = new S3Client({
    endpoint: s3.endpoint,
    forcePathStyle: true,
    region: LOCAL_AWS.region,
    credentials: LOCAL_S3_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  try {
    const put = putChangeObjectTo(client, 'bench-lake');
    const small = Array.from({ length: 20 }, (_, index) => orderRecords(500, 1_000_000 + index * 500));
    for (const batch of small) await exportChanges(batch, put);
    await exportChanges(small[0] ?? [], put); // a redelivered batch
    const listing = await client.send(new ListObjectsV2Command({ Bucket: 'bench-lake', Prefix: 'changes/' }));
    const objects = listing.KeyCount ?? 0;
    figures.push({
      section: 'lake',
      name: `S3 objects for ${small.length} batches (+1 redelivered), one partition`,
      unit: 'objects',
      value: objects,
      baseline: small.length,
      baselineName: 'batches',
      ratio: objects / small.length,
      target: '1 per batch per shard',
      pass: objects === small.length,
    });
  } finally {
    client.destroy();
    await s3.stop();
    await rm(directory, { recursive: true, force: true });
  }
  return figures;
};
