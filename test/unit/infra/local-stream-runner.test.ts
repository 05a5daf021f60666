import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { appDefinition } from '../../../infra/app-definition.js';
import { defineApp } from '../../../infra/define-app.js';
import {
  type LocalStreamConsumer,
  localStreamConsumers,
  type StartStreamReader,
  startLocalStreamRunner,
} from '../../../infra/local/local-stream-runner.js';

const filterPattern = { eventName: ['INSERT'] };
const definition = defineApp({
  ...appDefinition,
  domains: {
    consumers: {
      consumer: {
        entry: 'functions/platform/health.ts',
        description: 'A stream consumer',
        triggers: [
          {
            kind: 'stream',
            batchSize: 25,
            maximumBatchingWindowSeconds: 5,
            localBatchingWindowSeconds: 1,
            bisectBatchOnError: true,
            retryAttempts: 3,
            maxRecordAgeSeconds: 3600,
            filterPatterns: [filterPattern],
          },
        ],
        bindings: [],
      },
    },
  },
});

const record = (eventName: 'INSERT' | 'MODIFY'): DynamoDBRecord => ({
  eventName,
  dynamodb: { SequenceNumber: '1' },
});
/** A stand-in for lib/events/match-pattern.ts: exact matching of eventName is all this test needs. */
const matchesPattern = (pattern: Record<string, unknown>, event: unknown) =>
  (pattern.eventName as string[]).includes((event as DynamoDBRecord).eventName ?? '');

describe('local stream runner', () => {
  it('builds one consumer per stream trigger with its local settings, filter and invoker', async () => {
    const invoke = vi.fn(async () => ({ batchItemFailures: [{ itemIdentifier: '1' }] }));
    const onFailure = vi.fn(async () => {});
    const [consumer, ...others] = localStreamConsumers({ definition, invoke, matchesPattern, onFailure });
    expect(others).toEqual([]);
    expect(consumer).toMatchObject({
      name: 'consumer',
      batchSize: 25,
      maximumBatchingWindowSeconds: 1,
      maximumRetryAttempts: 3,
      bisectBatchOnFunctionError: true,
    });
    expect(consumer?.filter?.(record('INSERT'))).toBe(true);
    expect(consumer?.filter?.(record('MODIFY'))).toBe(false);
    const event: DynamoDBStreamEvent = { Records: [record('INSERT')] };
    expect(await consumer?.handle(event)).toEqual({ batchItemFailures: [{ itemIdentifier: '1' }] });
    expect(invoke).toHaveBeenCalledWith('consumer', event);
    await consumer?.onFailure([record('INSERT')], new Error('spent'));
    expect(onFailure).toHaveBeenCalledWith('consumer', [record('INSERT')], new Error('spent'));
  });

  it('hands the reader one consumer per stream trigger, of a test app and of the real one', async () => {
    const seen: LocalStreamConsumer[][] = [];
    const startReader: StartStreamReader = async ({ consumers }) => {
      seen.push(consumers);
      return { stop: async () => {}, idle: async () => {} };
    };
    const common = {
      invoke: vi.fn(),
      matchesPattern,
      startReader,
      endpoint: 'http://x',
      region: 'r',
      tableName: 't',
    };
    await startLocalStreamRunner({ ...common, definition });
    await startLocalStreamRunner({ ...common, definition: appDefinition });
    expect(seen.map((consumers) => consumers.map(({ name }) => name))).toEqual([
      ['consumer'],
      ['publishDomainEvents', 'exportChanges'],
    ]);
  });
});
