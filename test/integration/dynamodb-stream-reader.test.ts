import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../infra/local/dynamodb-local.js';
import {
  type DynamoDbStreamReader,
  type LocalStreamConsumer,
  startDynamoDbStreamReader,
} from '../../infra/local/dynamodb-stream-reader.js';

// The integration table (test/support/integration-table.ts) is created with the app's
// NEW_AND_OLD_IMAGES stream; each test starts its own reader (LATEST: only its own writes).
/** This worker's DynamoDB Local (test/support/integration-table.ts). */
const endpoint = process.env.DYNAMODB_ENDPOINT ?? '';
const tableName = process.env.TABLE_NAME ?? '';
const region = 'ap-southeast-2';
const client = localDynamoClient(endpoint);
let reader: DynamoDbStreamReader | undefined;

afterEach(async () => {
  await reader?.stop();
  reader = undefined;
});
afterAll(() => client.destroy());

const put = (pk: string, sk: string, extra: Record<string, { S: string } | { N: string }> = {}) =>
  client.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: pk }, sk: { S: sk }, ...extra } }));

interface Recorder {
  consumer: LocalStreamConsumer;
  batches: DynamoDBRecord[][];
  failed: { records: DynamoDBRecord[]; error: unknown }[];
}

const recorder = (
  settings: Partial<LocalStreamConsumer> & {
    answer?: (event: DynamoDBStreamEvent, call: number) => DynamoDBBatchResponse | undefined;
  } = {},
): Recorder => {
  const batches: DynamoDBRecord[][] = [];
  const failed: Recorder['failed'] = [];
  const { answer, ...rest } = settings;
  return {
    batches,
    failed,
    consumer: {
      name: 'recorder',
      batchSize: 100,
      maximumBatchingWindowSeconds: 0,
      maximumRetryAttempts: 2,
      bisectBatchOnFunctionError: false,
      handle: async (event) => {
        batches.push(event.Records);
        return answer?.(event, batches.length);
      },
      onFailure: async (records, error) => {
        failed.push({ records, error });
      },
      ...rest,
    },
  };
};

const start = async (...consumers: LocalStreamConsumer[]) => {
  reader = await startDynamoDbStreamReader({ endpoint, region, tableName, consumers, pollIntervalMs: 20 });
  return reader;
};

const sks = (records: DynamoDBRecord[]) => records.map((record) => record.dynamodb?.Keys?.sk?.S);
const delivered = (recorded: Recorder) => recorded.batches.flat();

describe('local DynamoDB stream reader', () => {
  it('hands the consumer DynamoDBStreamEvent records as Lambda delivers them, with both images', async () => {
    const seen = recorder();
    const started = await start(seen.consumer);
    await put('shape', 'a', { qty: { N: '5' } });
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: { pk: { S: 'shape' }, sk: { S: 'a' } },
        UpdateExpression: 'SET qty = :q',
        ExpressionAttributeValues: { ':q': { N: '3' } },
      }),
    );
    await client.send(
      new DeleteItemCommand({ TableName: tableName, Key: { pk: { S: 'shape' }, sk: { S: 'a' } } }),
    );
    await started.idle();
    const records = delivered(seen);
    expect(records.map((record) => record.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    const [insert, modify, remove] = records;
    expect(modify).toMatchObject({
      eventSource: 'aws:dynamodb',
      eventVersion: '1.1',
      awsRegion: region,
      eventSourceARN: started.streamArn,
      dynamodb: {
        Keys: { pk: { S: 'shape' }, sk: { S: 'a' } },
        OldImage: { pk: { S: 'shape' }, sk: { S: 'a' }, qty: { N: '5' } },
        NewImage: { pk: { S: 'shape' }, sk: { S: 'a' }, qty: { N: '3' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    expect(typeof modify?.eventID).toBe('string');
    expect(modify?.dynamodb?.SizeBytes).toBeGreaterThan(0);
    const created = modify?.dynamodb?.ApproximateCreationDateTime ?? 0;
    expect(Math.abs(created - Date.now() / 1000)).toBeLessThan(120); // seconds, not milliseconds
    expect(insert?.dynamodb?.OldImage).toBeUndefined();
    expect(remove?.dynamodb?.NewImage).toBeUndefined();
    expect(remove?.dynamodb?.OldImage?.qty).toEqual({ N: '3' });
    expect(started.streamArn).toMatch(new RegExp(`table/${tableName}/stream/`));
  });

  it('resumes after the last record each consumer was done with when a checkpoint file is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stream-checkpoint-'));
    const checkpointFile = join(dir, 'checkpoints.json');
    try {
      await put('resume', 'before-first-start');
      const first = recorder({ name: 'events' });
      const filtered = recorder({
        name: 'lake',
        filter: (record) => record.dynamodb?.Keys?.sk?.S !== 'a',
      });
      reader = await startDynamoDbStreamReader({
        endpoint,
        region,
        tableName,
        consumers: [first.consumer, filtered.consumer],
        pollIntervalMs: 20,
        checkpointFile,
      });
      await put('resume', 'a');
      await reader.idle();
      await reader.stop();
      reader = undefined;
      expect(sks(delivered(first))).toEqual(['a']);

      // Written while nothing reads the stream (npm start is down).
      await put('resume', 'b');
      await put('resume', 'c');

      const second = recorder({ name: 'events' });
      const secondFiltered = recorder({ name: 'lake' });
      const fresh = recorder({ name: 'added-later' });
      reader = await startDynamoDbStreamReader({
        endpoint,
        region,
        tableName,
        consumers: [second.consumer, secondFiltered.consumer, fresh.consumer],
        pollIntervalMs: 20,
        checkpointFile,
      });
      await put('resume', 'd');
      await reader.idle();
      // Each resumes after its own position: nothing lost, nothing twice.
      expect(sks(delivered(second))).toEqual(['b', 'c', 'd']);
      // 'a' was filtered out, not pending: it stays done.
      expect(sks(delivered(secondFiltered))).toEqual(['b', 'c', 'd']);
      // A consumer with no saved position starts at LATEST.
      expect(sks(delivered(fresh))).toEqual(['d']);
      const saved = JSON.parse(readFileSync(checkpointFile, 'utf8')) as Record<string, { streamArn: string }>;
      expect(Object.keys(saved).sort()).toEqual(['added-later', 'events', 'lake']);
      expect(saved.events?.streamArn).toBe(reader.streamArn);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips what the stream held before it started (LATEST)', async () => {
    await put('before', 'old');
    const seen = recorder();
    const started = await start(seen.consumer);
    await put('before', 'new');
    await started.idle();
    expect(sks(delivered(seen))).toEqual(['new']);
  });

  it('honours the batch size, and waits up to the batching window to fill a batch', async () => {
    const sized = recorder({ name: 'sized', batchSize: 3 });
    const windowed = recorder({ name: 'windowed', batchSize: 100, maximumBatchingWindowSeconds: 2 });
    const started = await start(sized.consumer, windowed.consumer);
    const began = Date.now();
    for (let i = 0; i < 7; i++) await put('batch', `r${i}`);
    await started.idle();
    expect(sized.batches.every((batch) => batch.length <= 3)).toBe(true);
    expect(sized.batches.length).toBeGreaterThanOrEqual(3);
    expect(sks(delivered(sized))).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    // The window held the batch open until all seven had arrived, and idle() waited for it.
    expect(windowed.batches.map((batch) => batch.length)).toEqual([7]);
    expect(Date.now() - began).toBeGreaterThanOrEqual(1_900);
  });

  it('gives each of two consumers every record, each at its own position', async () => {
    const first = recorder({ name: 'first', batchSize: 2 });
    const second = recorder({
      name: 'second',
      batchSize: 5,
      // The second fails its first batch once: the first consumer is not held back or repeated.
      answer: (_event, call) => (call === 1 ? { batchItemFailures: [{ itemIdentifier: '' }] } : undefined),
    });
    const started = await start(first.consumer, second.consumer);
    for (let i = 0; i < 5; i++) await put('two', `r${i}`);
    await started.idle();
    expect(sks(delivered(first))).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    const secondDone = second.batches.slice(1).flat();
    expect(sks(secondDone)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it("applies the consumer's filter: records that do not match are never delivered", async () => {
    const seen = recorder({ filter: (record) => record.dynamodb?.NewImage?.kind?.S === 'level' });
    const started = await start(seen.consumer);
    await put('filter', 'guard', { kind: { S: 'guard' } });
    await put('filter', 'level', { kind: { S: 'level' } });
    await put('filter', 'idem', { kind: { S: 'idempotency' } });
    await started.idle();
    expect(sks(delivered(seen))).toEqual(['level']);
  });

  it('retries from the first failed record of a partial failure: nothing lost, nothing repeated after success', async () => {
    const seen = recorder({
      batchSize: 5,
      maximumBatchingWindowSeconds: 2,
      answer: (event, call) => {
        const third = event.Records[2]?.dynamodb?.SequenceNumber;
        const fifth = event.Records[4]?.dynamodb?.SequenceNumber;
        return call === 1 && third && fifth
          ? { batchItemFailures: [{ itemIdentifier: fifth }, { itemIdentifier: third }] }
          : undefined;
      },
    });
    const started = await start(seen.consumer);
    for (let i = 1; i <= 5; i++) await put('partial', `r${i}`);
    await started.idle();
    expect(seen.batches.map(sks)).toEqual([
      ['r1', 'r2', 'r3', 'r4', 'r5'],
      ['r3', 'r4', 'r5'],
    ]);
    expect(seen.failed).toEqual([]);
  });

  it('treats an identifier that is not in the batch as a whole-batch failure', async () => {
    const seen = recorder({
      batchSize: 3,
      maximumBatchingWindowSeconds: 2,
      answer: (_event, call) => (call === 1 ? { batchItemFailures: [{ itemIdentifier: '42' }] } : undefined),
    });
    const started = await start(seen.consumer);
    for (let i = 1; i <= 3; i++) await put('unknown-id', `r${i}`);
    await started.idle();
    expect(seen.batches.map(sks)).toEqual([
      ['r1', 'r2', 'r3'],
      ['r1', 'r2', 'r3'],
    ]);
  });

  it('bisects a batch whose function throws, and isolates the bad record', async () => {
    const seen = recorder({
      batchSize: 4,
      maximumBatchingWindowSeconds: 2,
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 1,
      answer: (event) => {
        if (sks(event.Records).includes('bad')) throw new Error('cannot translate');
        return undefined;
      },
    });
    const started = await start(seen.consumer);
    for (const sk of ['r1', 'r2', 'bad', 'r4']) await put('bisect', sk);
    await started.idle();
    expect(seen.batches.map(sks)).toEqual([
      ['r1', 'r2', 'bad', 'r4'],
      ['r1', 'r2'],
      ['bad', 'r4'],
      ['bad'],
      ['bad'], // its one retry
      ['r4'],
    ]);
    expect(seen.failed.map((failure) => sks(failure.records))).toEqual([['bad']]);
    expect(String(seen.failed[0]?.error)).toContain('cannot translate');
  });

  it('hands the records to onFailure once the retries are spent, then moves on', async () => {
    const seen = recorder({
      batchSize: 2,
      maximumBatchingWindowSeconds: 2,
      maximumRetryAttempts: 2,
      answer: (event) => {
        if (sks(event.Records).includes('poison')) throw new Error('boom');
        return undefined;
      },
    });
    const started = await start(seen.consumer);
    for (const sk of ['poison', 'r2', 'r3']) await put('exhaust', sk);
    await started.idle();
    expect(seen.batches.map(sks)).toEqual([['poison', 'r2'], ['poison', 'r2'], ['poison', 'r2'], ['r3']]);
    expect(seen.failed.map((failure) => sks(failure.records))).toEqual([['poison', 'r2']]);
  });

  it('delivers a burst of 500 writes complete, once each, in order per key', async () => {
    const seen = recorder({ batchSize: 100 });
    const started = await start(seen.consumer);
    const keys = ['k0', 'k1', 'k2', 'k3', 'k4'];
    await Promise.all(
      keys.map(async (key) => {
        for (let i = 0; i < 100; i++) await put(`burst-${key}`, 'level', { n: { N: String(i) } });
      }),
    );
    await started.idle();
    const records = delivered(seen);
    expect(records).toHaveLength(500);
    expect(new Set(records.map((record) => record.eventID)).size).toBe(500);
    for (const key of keys) {
      const values = records
        .filter((record) => record.dynamodb?.Keys?.pk?.S === `burst-${key}`)
        .map((record) => Number(record.dynamodb?.NewImage?.n?.N));
      expect(values).toEqual([...Array(100).keys()]);
    }
    expect(seen.batches.every((batch) => batch.length <= 100)).toBe(true);
  });

  it('stops promptly while a batch is being retried forever (maximumRetryAttempts -1)', async () => {
    let calls = 0;
    const seen = recorder({
      maximumRetryAttempts: -1,
      answer: () => {
        calls += 1;
        throw new Error('always');
      },
    });
    const started = await start(seen.consumer);
    await put('forever', 'r1');
    await expect.poll(() => calls, { timeout: 5_000 }).toBeGreaterThan(2);
    const stopping = Date.now();
    await started.stop();
    expect(Date.now() - stopping).toBeLessThan(1_000);
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(after);
    expect(seen.failed).toEqual([]);
  });

  it('stops cleanly, and a reader started again delivers only what came after it, without duplicates', async () => {
    const seen = recorder();
    const first = await start(seen.consumer);
    await put('restart', 'r1');
    await first.idle();
    await first.stop();
    await put('restart', 'while-stopped');
    const second = await start(seen.consumer);
    await put('restart', 'r2');
    await second.idle();
    expect(sks(delivered(seen))).toEqual(['r1', 'r2']);
    await second.stop();
    await second.stop(); // idempotent
    await expect(second.idle()).resolves.toBeUndefined();
  });
});
