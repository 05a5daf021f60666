import { gunzipSync } from 'node:zlib';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { matchesPattern } from '../../../lib/events/match-pattern.js';
import {
  ChangeExportError,
  type ChangeObject,
  changeObjectsOf,
  exportChanges,
} from '../../../lib/lake/change-export.js';
import {
  changeExportFilterPatterns,
  passesChangeExportFilter,
} from '../../../lib/lake/change-export-filter.js';
import { changeObjectKey, streamSourceOf } from '../../../lib/lake/change-export-key.js';
import { changeRowOf, ndjsonLine } from '../../../lib/lake/change-export-row.js';
import { changesTable } from '../../../lib/lake/changes-table.js';
import { levelItem, orderItem, streamRecord } from '../../support/stream-records.js';

const rowsOf = (object: ChangeObject): Record<string, unknown>[] =>
  gunzipSync(object.body)
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const guard = { pk: 'GUARD#SKU#SKU-1', sk: 'GUARD', entityType: 'UniqueGuard', owner: 'pr_1' };
const idempotency = { pk: 'IDEMPOTENCY#k', sk: 'IDEMPOTENCY', entityType: 'IdempotencyRecord' };

describe('changeRowOf', () => {
  it('maps a MODIFY to exactly the changes table columns, images as plain JSON', () => {
    const { entity, dt, row } = changeRowOf(
      streamRecord(orderItem('PENDING_PAYMENT'), orderItem('PAID'), 'ev-1'),
    );
    expect(Object.keys(row)).toEqual(changesTable.columns.map((column) => column.name));
    expect(entity).toBe('Order');
    expect(dt).toBe('2026-03-02');
    expect(row).toMatchObject({
      event_id: 'ev-1',
      event_name: 'MODIFY',
      entity_type: 'Order',
      pk: 'ORDER#or_1',
      sk: 'ORDER',
      approximate_creation_time: '2026-03-02T09:15:00.000Z',
      actor: 'user-1',
    });
    expect(row.old_image).toMatchObject({ status: 'PENDING_PAYMENT', total: 9000 });
    expect(row.new_image).toMatchObject({ status: 'PAID', amountPaid: 9000 });
    expect(row.new_image?.lines).toEqual([expect.objectContaining({ sku: 'SKU-1', quantity: 2 })]);
  });

  it('has no old image on INSERT and no new image on REMOVE, whose actor comes from the old image', () => {
    expect(changeRowOf(streamRecord(undefined, orderItem('PAID'))).row.old_image).toBeNull();
    const removed = changeRowOf(streamRecord(orderItem('PAID', { updatedBy: 'user-9' }), undefined)).row;
    expect(removed).toMatchObject({
      event_name: 'REMOVE',
      new_image: null,
      actor: 'user-9',
      entity_type: 'Order',
    });
  });

  it('attributes a change to system when the item names nobody', () => {
    const { updatedBy: _, ...anonymous } = orderItem('PAID');
    expect(changeRowOf(streamRecord(undefined, anonymous)).row.actor).toBe('system');
  });

  it('keeps numbers beyond double precision exact as strings, and writes sets and bytes as JSON', () => {
    const record = streamRecord(undefined, levelItem({ onHand: 1 }));
    const image = record.dynamodb?.NewImage as Record<string, unknown>;
    image.big = { N: '123456789012345678901234567890' };
    image.tags = { SS: ['b', 'a'] };
    image.blob = { B: new Uint8Array([1, 2, 3]) };
    const line = JSON.parse(ndjsonLine(changeRowOf(record).row)) as { new_image: Record<string, unknown> };
    expect(line.new_image).toMatchObject({
      big: '123456789012345678901234567890',
      tags: ['a', 'b'],
      blob: 'AQID',
      onHand: 1,
    });
  });

  it('dates a record without a creation time by the item, never by the clock', () => {
    const record = streamRecord(undefined, orderItem('PAID', { updatedAt: '2026-05-06T23:59:59.000Z' }));
    delete record.dynamodb?.ApproximateCreationDateTime;
    expect(changeRowOf(record).dt).toBe('2026-05-06');
  });
});

describe('the export filter', () => {
  const cases: [string, DynamoDBRecord, boolean][] = [
    ['an order INSERT', streamRecord(undefined, orderItem('PAID')), true],
    ['an inventory level MODIFY', streamRecord(levelItem({ onHand: 2 }), levelItem({ onHand: 1 })), true],
    ['an order REMOVE (matched on the old image)', streamRecord(orderItem('PAID'), undefined), true],
    ['a unique guard', streamRecord(undefined, guard), false],
    ['an idempotency record expiring', streamRecord(idempotency, undefined), false],
  ];

  it.each(cases)('%s: the handler and the Lambda filter patterns agree (%s)', (_name, record, passes) => {
    expect(passesChangeExportFilter(record)).toBe(passes);
    expect(changeExportFilterPatterns().some((pattern) => matchesPattern(pattern, record))).toBe(passes);
  });
});

describe('object names', () => {
  it('name the partition, the stream and the zero-padded first sequence number', () => {
    const key = changeObjectKey({
      entity: 'Order',
      dt: '2026-03-02',
      source: 'stream-x',
      firstSequenceNumber: '1234',
    });
    expect(key).toBe(`changes/entity=Order/dt=2026-03-02/stream-x-${'0'.repeat(36)}1234.ndjson.gz`);
  });

  it('take the stream label from the record’s source ARN', () => {
    expect(streamSourceOf(streamRecord(undefined, guard))).toBe('stream-20260101T000000000');
    expect(streamSourceOf(undefined)).toBe('stream');
  });
});

describe('changeObjectsOf', () => {
  const batch = () => {
    const first = streamRecord(undefined, orderItem('PENDING_PAYMENT'));
    const bookkeeping = streamRecord(undefined, guard);
    const level = streamRecord(levelItem({ onHand: 3 }), levelItem({ onHand: 1 }));
    const second = streamRecord(orderItem('PENDING_PAYMENT'), orderItem('PAID', {}, 2));
    const nextDay = streamRecord(orderItem('PAID', {}, 2), orderItem('FULFILLED', {}, 3));
    if (nextDay.dynamodb) nextDay.dynamodb.ApproximateCreationDateTime = 1_772_496_000; // 2026-03-03T00:00Z
    return [first, bookkeeping, level, second, nextDay];
  };

  it('writes one object per partition, rows in stream order, named from the partition’s first row', async () => {
    const records = batch();
    const { objects, skipped } = await changeObjectsOf(records);
    expect(skipped).toBe(1);
    expect(objects.map((object) => [object.key.split('/').slice(1, 3).join('/'), object.rows])).toEqual([
      ['entity=Order/dt=2026-03-02', 2],
      ['entity=InventoryLevel/dt=2026-03-02', 1],
      ['entity=Order/dt=2026-03-03', 1],
    ]);
    const [orders, levels] = objects;
    expect(orders?.key).toContain(records[0]?.dynamodb?.SequenceNumber ?? 'missing');
    expect(levels?.key).toContain(records[2]?.dynamodb?.SequenceNumber ?? 'missing');
    expect(rowsOf(orders as ChangeObject).map((row) => (row.new_image as { status: string }).status)).toEqual(
      ['PENDING_PAYMENT', 'PAID'],
    );
  });

  it('gives the same keys and bytes for the same records (a redelivered batch rewrites identically)', async () => {
    const records = batch();
    const once = await changeObjectsOf(records);
    const again = await changeObjectsOf(structuredClone(records));
    expect(again.objects.map((o) => [o.key, Buffer.from(o.body).toString('hex')])).toEqual(
      once.objects.map((o) => [o.key, Buffer.from(o.body).toString('hex')]),
    );
  });

  it('writes nothing for a batch of bookkeeping only', async () => {
    expect((await changeObjectsOf([streamRecord(undefined, guard)])).objects).toEqual([]);
  });
});

describe('exportChanges', () => {
  it('attempts every object and fails the batch, naming the objects, when any put fails', async () => {
    const records = [
      streamRecord(undefined, orderItem('PAID')),
      streamRecord(undefined, levelItem({ onHand: 1 })),
    ];
    const attempted: string[] = [];
    const failing = async (object: ChangeObject) => {
      attempted.push(object.key);
      if (object.key.includes('entity=Order/')) throw new Error('SlowDown');
    };
    const error = await exportChanges(records, failing).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChangeExportError);
    expect((error as ChangeExportError).failedKeys).toEqual([expect.stringContaining('entity=Order/')]);
    expect(attempted).toHaveLength(2);
  });

  it('reports the rows and objects written', async () => {
    const written: ChangeObject[] = [];
    const outcome = await exportChanges([streamRecord(undefined, orderItem('PAID'))], async (object) => {
      written.push(object);
    });
    expect(outcome).toEqual({ objects: [{ key: written[0]?.key, rows: 1 }], rows: 1, skipped: 0 });
  });
});
