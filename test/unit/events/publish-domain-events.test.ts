import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../../functions/events/publish-domain-events.js';
import type { DeadLetter } from '../../../lib/events/dead-letter-queue.js';
import {
  DEAD_LETTERED_METRIC,
  PUBLISHED_METRIC,
  publishStreamBatch,
} from '../../../lib/events/publish-stream-batch.js';
import { metrics } from '../../../lib/metrics.js';
import { levelItem, orderItem, streamRecord } from '../../support/stream-records.js';

const context = {
  functionName: 'publishDomainEvents',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-2:123456789012:function:publishDomainEvents',
  memoryLimitInMB: '256',
  awsRequestId: 'req-1',
  logGroupName: '/aws/lambda/publishDomainEvents',
  logStreamName: 'stream',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 30_000,
  done: () => {},
  fail: () => {},
  succeed: () => {},
} as Context;

const rule = { reorderPoint: 5, reorderQuantity: 20 };
const eventBridge = mockClient(EventBridgeClient);
const sqs = mockClient(SQSClient);

beforeEach(() => {
  vi.stubEnv('EVENT_BUS_NAME', 'storefleet-test');
  vi.stubEnv('DEAD_LETTER_QUEUE_URL', 'https://sqs.ap-southeast-2.amazonaws.com/123456789012/dlq');
  eventBridge.reset();
  sqs.reset();
  sqs.on(SendMessageCommand).resolves({ MessageId: 'm' });
});
afterEach(() => vi.unstubAllEnvs());

const allAccepted = () =>
  eventBridge
    .on(PutEventsCommand)
    .callsFake((input) => ({ FailedEntryCount: 0, Entries: input.Entries.map(() => ({ EventId: 'e' })) }));

const sentDetailTypes = () =>
  eventBridge
    .commandCalls(PutEventsCommand)
    .flatMap((call) => call.args[0].input.Entries?.map((e) => e.DetailType) ?? []);

describe('publish-domain-events handler', () => {
  it('publishes a whole batch’s events in as few calls as possible and reports no failure', async () => {
    allAccepted();
    const records = Array.from({ length: 6 }, () =>
      streamRecord(levelItem({ onHand: 6 }, rule), levelItem({ onHand: 5 }, rule)),
    );
    const response = await handler({ Records: records } satisfies DynamoDBStreamEvent, context);
    expect(response).toEqual({ batchItemFailures: [] });
    // 6 records × (LevelChanged + LowStock) = 12 entries: two calls, not six.
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(2);
    expect(sentDetailTypes().filter((type) => type === 'Inventory.LowStock')).toHaveLength(6);
    const [entry] = eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries ?? [];
    expect(entry).toMatchObject({ EventBusName: 'storefleet-test', Source: 'storefleet.inventory' });
    expect(JSON.parse(entry?.Detail ?? '{}')).toMatchObject({ version: 1, storeId: 'st_1', sku: 'SKU-1' });
  });

  it('publishes the count of events put on the bus for every batch, so no flush is empty', async () => {
    allAccepted();
    const added = vi.spyOn(metrics, 'addMetric');
    const records = [streamRecord(levelItem({ onHand: 6 }, rule), levelItem({ onHand: 5 }, rule))];
    await handler({ Records: records } satisfies DynamoDBStreamEvent, context);
    expect(added.mock.calls.map(([name, , value]) => [name, value])).toEqual([[PUBLISHED_METRIC, 2]]);
    expect(added.mock.calls.some(([name]) => name === DEAD_LETTERED_METRIC)).toBe(false);
    added.mockRestore();
  });

  it('reports exactly the records whose events stayed failed after the retries', async () => {
    const failing = streamRecord(undefined, orderItem('PENDING_PAYMENT'), 'evt-fails');
    const fine = streamRecord(levelItem({ onHand: 6 }), levelItem({ onHand: 5 }), 'evt-fine');
    eventBridge.on(PutEventsCommand).callsFake((input) => ({
      FailedEntryCount: 1,
      Entries: input.Entries.map((entry: { Detail: string }) =>
        entry.Detail.includes('evt-fails')
          ? { ErrorCode: 'InternalFailure', ErrorMessage: 'boom' }
          : { EventId: 'e' },
      ),
    }));
    const response = await handler({ Records: [fine, failing] }, context);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: failing.dynamodb?.SequenceNumber }] });
    // The healthy record's event was sent once; only the failing one was retried.
    expect(sentDetailTypes().filter((type) => type === 'Inventory.LevelChanged')).toHaveLength(1);
    expect(sentDetailTypes().filter((type) => type === 'Order.Placed').length).toBeGreaterThan(1);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('sends an untranslatable record whole to the dead-letter queue and does not fail it', async () => {
    allAccepted();
    const broken = streamRecord(
      orderItem('PENDING_PAYMENT'),
      orderItem('PAID', { currency: 'dollars' }),
      'evt-broken',
    );
    const fine = streamRecord(undefined, orderItem('PENDING_PAYMENT'));
    const response = await handler({ Records: [broken, fine] }, context);
    expect(response).toEqual({ batchItemFailures: [] });
    const [message] = sqs.commandCalls(SendMessageCommand);
    const letter = JSON.parse(message?.args[0].input.MessageBody ?? '{}') as DeadLetter;
    expect(letter.reason).toBe('untranslatable');
    expect(letter.error.name).toBe('UntranslatableRecordError');
    expect(letter.record).toEqual(broken);
    expect(letter.record.dynamodb?.OldImage).toBeDefined();
    expect(sentDetailTypes()).toEqual(['Order.Placed']);
  });

  it('fails the record instead when the dead-letter queue cannot take it: nothing is dropped', async () => {
    allAccepted();
    sqs.on(SendMessageCommand).rejects(new Error('queue unavailable'));
    const broken = streamRecord(orderItem('PENDING_PAYMENT'), orderItem('PAID', { currency: 'dollars' }));
    const response = await handler({ Records: [broken] }, context);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: broken.dynamodb?.SequenceNumber }] });
  });

  it('publishes the same event ids when a batch is redelivered', async () => {
    allAccepted();
    const records = [streamRecord(levelItem({ onHand: 6 }, rule), levelItem({ onHand: 0 }, rule))];
    await handler({ Records: records }, context);
    await handler({ Records: structuredClone(records) }, context);
    const ids = eventBridge
      .commandCalls(PutEventsCommand)
      .map((call) => call.args[0].input.Entries?.map((e) => JSON.parse(e.Detail ?? '{}').eventId));
    expect(ids[0]).toHaveLength(3);
    expect(ids[1]).toEqual(ids[0]);
  });
});

describe('publishStreamBatch', () => {
  it('dead-letters a record with an event too big for PutEvents rather than retrying it forever', async () => {
    const letters: DeadLetter[] = [];
    const record = streamRecord(undefined, orderItem('PENDING_PAYMENT'));
    const outcome = await publishStreamBatch([record], {
      busName: 'bus',
      sendToDeadLetter: async (letter) => {
        letters.push(letter);
      },
      translate: () => [
        {
          source: 'storefleet.test',
          detailType: 'Test.Huge',
          detail: { eventId: 'x', occurredAt: '2026-03-02T09:15:00.000Z', blob: 'x'.repeat(300 * 1024) },
        },
      ],
      publish: { send: async () => ({ Entries: [] }) },
    });
    expect(outcome.failed.size).toBe(0);
    expect(letters.map((letter) => letter.reason)).toEqual(['unpublishable']);
  });
});
