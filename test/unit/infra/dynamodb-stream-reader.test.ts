import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type DynamoDbStreamReader,
  type LocalStreamConsumer,
  startDynamoDbStreamReader,
} from '../../../infra/local/dynamodb-stream-reader.js';
import { deliverBatch, readBatchResponse } from '../../../infra/local/dynamodb-stream-reader-delivery.js';

const streamArn = 'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026-01-01T00:00:00.000';
const tables = mockClient(DynamoDBClient);
const streams = mockClient(DynamoDBStreamsClient);
let reader: DynamoDbStreamReader | undefined;

const seq = (n: number) => String(n).padStart(21, '0');
const record = (n: number): StreamRecord => ({
  eventID: `e${n}`,
  eventName: 'INSERT',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'ddblocal',
  dynamodb: {
    ApproximateCreationDateTime: new Date('2026-01-01T00:00:00Z'),
    Keys: { pk: { S: `k${n}` } },
    NewImage: { pk: { S: `k${n}` } },
    SequenceNumber: seq(n),
    SizeBytes: 10,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
});
const shard = (id: string, options: { parent?: string; ending?: number } = {}) => ({
  ShardId: id,
  ...(options.parent ? { ParentShardId: options.parent } : {}),
  SequenceNumberRange: {
    StartingSequenceNumber: seq(1),
    ...(options.ending ? { EndingSequenceNumber: seq(options.ending) } : {}),
  },
});

const collector = () => {
  const received: DynamoDBRecord[] = [];
  const consumer: LocalStreamConsumer = {
    name: 'c',
    batchSize: 100,
    maximumBatchingWindowSeconds: 0,
    maximumRetryAttempts: 0,
    bisectBatchOnFunctionError: false,
    handle: async (event) => {
      received.push(...event.Records);
    },
    onFailure: async () => {},
  };
  return { consumer, ids: () => received.map((r) => r.eventID) };
};

const start = async (consumer: LocalStreamConsumer) => {
  reader = await startDynamoDbStreamReader({
    endpoint: 'http://127.0.0.1:1',
    region: 'ap-southeast-2',
    tableName: 't',
    consumers: [consumer],
    pollIntervalMs: 5,
    startingPosition: 'TRIM_HORIZON',
    onError: () => {},
  });
  return reader;
};

beforeEach(() => {
  tables.reset();
  streams.reset();
  tables.on(DescribeTableCommand).resolves({
    Table: { LatestStreamArn: streamArn, StreamSpecification: { StreamEnabled: true } },
  });
});
afterEach(async () => {
  await reader?.stop();
  reader = undefined;
});

describe('stream reader recovery (mocked Streams API)', () => {
  it('pages DescribeStream with ExclusiveStartShardId and reads a parent to its end before its child', async () => {
    streams
      .on(DescribeStreamCommand)
      .resolves({ StreamDescription: { Shards: [shard('shardId-b', { parent: 'shardId-a' })] } })
      .on(DescribeStreamCommand, { StreamArn: streamArn, ExclusiveStartShardId: undefined })
      .resolves({
        StreamDescription: { Shards: [shard('shardId-a', { ending: 2 })], LastEvaluatedShardId: 'shardId-a' },
      })
      .on(DescribeStreamCommand, { StreamArn: streamArn, ExclusiveStartShardId: 'shardId-a' })
      .resolves({ StreamDescription: { Shards: [shard('shardId-b', { parent: 'shardId-a' })] } });
    streams
      .on(GetShardIteratorCommand, { ShardId: 'shardId-a' })
      .resolves({ ShardIterator: 'a-0' })
      .on(GetShardIteratorCommand, { ShardId: 'shardId-b' })
      .resolves({ ShardIterator: 'b-0' });
    streams
      .on(GetRecordsCommand, { ShardIterator: 'a-0' })
      .resolves({ Records: [record(1)], NextShardIterator: 'a-1' })
      .on(GetRecordsCommand, { ShardIterator: 'a-1' })
      .resolves({ Records: [record(2)] }) // closed shard: no next iterator
      .on(GetRecordsCommand, { ShardIterator: 'b-0' })
      .resolves({ Records: [record(3)], NextShardIterator: 'b-1' })
      .on(GetRecordsCommand, { ShardIterator: 'b-1' })
      .resolves({ Records: [], NextShardIterator: 'b-1' });
    const { consumer, ids } = collector();
    await (await start(consumer)).idle();
    expect(ids()).toEqual(['e1', 'e2', 'e3']);
    const pages = streams
      .commandCalls(DescribeStreamCommand)
      .map((call) => call.args[0].input.ExclusiveStartShardId);
    expect(pages).toContain('shardId-a');
    const iteratorCalls = streams
      .commandCalls(GetShardIteratorCommand)
      .map((call) => call.args[0].input.ShardId);
    expect(iteratorCalls.indexOf('shardId-b')).toBeGreaterThan(iteratorCalls.lastIndexOf('shardId-a'));
    expect(
      streams
        .commandCalls(GetShardIteratorCommand)
        .filter((call) => call.args[0].input.ShardId === 'shardId-a'),
    ).toHaveLength(1);
  });

  it('resumes after the last sequence number when DynamoDB Local omits NextShardIterator on an open shard', async () => {
    streams.on(DescribeStreamCommand).resolves({ StreamDescription: { Shards: [shard('shardId-a')] } });
    streams
      .on(GetShardIteratorCommand, { ShardIteratorType: 'TRIM_HORIZON' })
      .resolves({ ShardIterator: 'h' })
      .on(GetShardIteratorCommand, { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: seq(2) })
      .resolves({ ShardIterator: 'after-2' });
    streams
      .on(GetRecordsCommand, { ShardIterator: 'h' })
      .resolves({ Records: [record(1), record(2)] }) // no NextShardIterator, shard still open
      .on(GetRecordsCommand, { ShardIterator: 'after-2' })
      .resolvesOnce({ Records: [record(2), record(3)], NextShardIterator: 'n' }) // a repeat is dropped
      .on(GetRecordsCommand, { ShardIterator: 'n' })
      .resolves({ Records: [], NextShardIterator: 'n' });
    const { consumer, ids } = collector();
    await (await start(consumer)).idle();
    expect(ids()).toEqual(['e1', 'e2', 'e3']);
  });

  it('re-describes after TrimmedDataAccessException and resumes after the last record seen', async () => {
    streams.on(DescribeStreamCommand).resolves({ StreamDescription: { Shards: [shard('shardId-a')] } });
    streams
      .on(GetShardIteratorCommand, { ShardIteratorType: 'TRIM_HORIZON' })
      .resolves({ ShardIterator: 'h' })
      .on(GetShardIteratorCommand, { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: seq(1) })
      .resolves({ ShardIterator: 'after-1' });
    streams
      .on(GetRecordsCommand, { ShardIterator: 'h' })
      .resolves({ Records: [record(1)], NextShardIterator: 'stale' })
      .on(GetRecordsCommand, { ShardIterator: 'stale' })
      .rejects(new TrimmedDataAccessException({ message: 'trimmed', $metadata: {} }))
      .on(GetRecordsCommand, { ShardIterator: 'after-1' })
      .resolves({ Records: [record(2)], NextShardIterator: 'end' })
      .on(GetRecordsCommand, { ShardIterator: 'end' })
      .resolves({ Records: [], NextShardIterator: 'end' });
    const { consumer, ids } = collector();
    await (await start(consumer)).idle();
    expect(ids()).toEqual(['e1', 'e2']);
    expect(streams.commandCalls(DescribeStreamCommand).length).toBeGreaterThan(2);
  });

  it('falls back to TRIM_HORIZON when the last record seen has itself been trimmed', async () => {
    streams.on(DescribeStreamCommand).resolves({ StreamDescription: { Shards: [shard('shardId-a')] } });
    streams
      .on(GetShardIteratorCommand, { ShardIteratorType: 'TRIM_HORIZON' })
      .resolvesOnce({ ShardIterator: 'h' })
      .resolves({ ShardIterator: 'h2' })
      .on(GetShardIteratorCommand, { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' })
      .rejects(new TrimmedDataAccessException({ message: 'trimmed', $metadata: {} }));
    streams
      .on(GetRecordsCommand, { ShardIterator: 'h' })
      .resolves({ Records: [record(1)], NextShardIterator: 'gone' })
      .on(GetRecordsCommand, { ShardIterator: 'gone' })
      .rejects(new ExpiredIteratorException({ message: 'expired', $metadata: {} }))
      .on(GetRecordsCommand, { ShardIterator: 'h2' })
      .resolves({ Records: [record(1), record(5)], NextShardIterator: 'end' })
      .on(GetRecordsCommand, { ShardIterator: 'end' })
      .resolves({ Records: [], NextShardIterator: 'end' });
    const { consumer, ids } = collector();
    await (await start(consumer)).idle();
    expect(ids()).toEqual(['e1', 'e5']);
  });

  it('gets a new iterator after ExpiredIteratorException without repeating a record', async () => {
    streams.on(DescribeStreamCommand).resolves({ StreamDescription: { Shards: [shard('shardId-a')] } });
    streams
      .on(GetShardIteratorCommand, { ShardIteratorType: 'TRIM_HORIZON' })
      .resolves({ ShardIterator: 'h' })
      .on(GetShardIteratorCommand, { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: seq(1) })
      .resolves({ ShardIterator: 'after-1' });
    streams
      .on(GetRecordsCommand, { ShardIterator: 'h' })
      .resolves({ Records: [record(1)], NextShardIterator: 'old' })
      .on(GetRecordsCommand, { ShardIterator: 'old' })
      .rejects(new ExpiredIteratorException({ message: 'expired', $metadata: {} }))
      .on(GetRecordsCommand, { ShardIterator: 'after-1' })
      .resolves({ Records: [record(2)], NextShardIterator: 'end' })
      .on(GetRecordsCommand, { ShardIterator: 'end' })
      .resolves({ Records: [], NextShardIterator: 'end' });
    const { consumer, ids } = collector();
    await (await start(consumer)).idle();
    expect(ids()).toEqual(['e1', 'e2']);
  });

  it('refuses a table without a stream', async () => {
    tables.on(DescribeTableCommand).resolves({ Table: {} });
    await expect(start(collector().consumer)).rejects.toThrow(/has no stream/);
  });
});

const lambdaRecord = (n: number): DynamoDBRecord => ({
  eventID: `e${n}`,
  dynamodb: { SequenceNumber: seq(n) },
});
const control = { stopped: () => false, pause: async () => {}, report: () => {} };

describe("Lambda's reading of a stream function's answer", () => {
  const batch = [lambdaRecord(1), lambdaRecord(2), lambdaRecord(3)];
  it('is success for no answer, no list or an empty list', () => {
    for (const answer of [undefined, null, {}, { batchItemFailures: [] }]) {
      expect(readBatchResponse(batch, answer).kind).toBe('success');
    }
  });
  it('retries from the lowest failed sequence number', () => {
    const outcome = readBatchResponse(batch, {
      batchItemFailures: [{ itemIdentifier: seq(3) }, { itemIdentifier: seq(2) }],
    });
    expect(outcome).toMatchObject({ kind: 'partial', from: 1 });
  });
  it('fails the whole batch for an empty, missing or unknown identifier', () => {
    for (const failure of [{ itemIdentifier: '' }, {}, { itemIdentifier: seq(9) }, null]) {
      expect(readBatchResponse(batch, { batchItemFailures: [failure] }).kind).toBe('failure');
    }
  });
});

describe('delivery of a batch', () => {
  const consumer = (overrides: Partial<LocalStreamConsumer>) => {
    const calls: string[][] = [];
    const failed: string[][] = [];
    const base: LocalStreamConsumer = {
      name: 'd',
      batchSize: 10,
      maximumBatchingWindowSeconds: 0,
      maximumRetryAttempts: 3,
      bisectBatchOnFunctionError: false,
      handle: async () => {},
      onFailure: async (records) => {
        failed.push(records.map((r) => r.eventID ?? ''));
      },
      ...overrides,
    };
    const wrapped: LocalStreamConsumer = {
      ...base,
      handle: (event) => {
        calls.push(event.Records.map((r) => r.eventID ?? ''));
        return base.handle(event);
      },
    };
    return { wrapped, calls, failed };
  };

  it('gives up after maximumRetryAttempts retries (retries, not attempts) and calls onFailure', async () => {
    const { wrapped, calls, failed } = consumer({
      maximumRetryAttempts: 2,
      handle: async () => {
        throw new Error('down');
      },
    });
    expect(await deliverBatch(wrapped, [lambdaRecord(1), lambdaRecord(2)], control)).toBe(true);
    expect(calls).toHaveLength(3);
    expect(failed).toEqual([['e1', 'e2']]);
  });

  it('splits without spending retries, down to the one bad record', async () => {
    const { wrapped, calls, failed } = consumer({
      maximumRetryAttempts: 0,
      bisectBatchOnFunctionError: true,
      handle: async (event) => {
        if (event.Records.some((r) => r.eventID === 'e3')) throw new Error('bad');
      },
    });
    await deliverBatch(wrapped, [1, 2, 3, 4, 5].map(lambdaRecord), control);
    expect(calls).toEqual([
      ['e1', 'e2', 'e3', 'e4', 'e5'],
      ['e1', 'e2', 'e3'],
      ['e1', 'e2'],
      ['e3'],
      ['e4', 'e5'],
    ]);
    expect(failed).toEqual([['e3']]);
  });

  it('a partial failure hands only the records from the failed one to onFailure', async () => {
    const { wrapped, failed } = consumer({
      maximumRetryAttempts: 1,
      handle: async () => ({ batchItemFailures: [{ itemIdentifier: seq(2) }] }),
    });
    await deliverBatch(wrapped, [1, 2, 3].map(lambdaRecord), control);
    expect(failed).toEqual([['e2', 'e3']]);
  });

  it('stops between retries when the reader stops', async () => {
    let stopped = false;
    const { wrapped, calls } = consumer({
      maximumRetryAttempts: -1,
      handle: async () => {
        stopped = true;
        throw new Error('down');
      },
    });
    expect(await deliverBatch(wrapped, [lambdaRecord(1)], { ...control, stopped: () => stopped })).toBe(
      false,
    );
    expect(calls).toHaveLength(1);
  });
});
