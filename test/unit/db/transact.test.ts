import {
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONTENTION_POLICY, ContentionError } from '../../../lib/db/contention.js';
import { BadRequestError, ConflictError, ServiceUnavailableError } from '../../../lib/errors.js';
import { toAppError } from '../../../lib/http/problem.js';

process.env.TABLE_NAME = 'unit-table';
const dynamo = mockClient(DynamoDBDocumentClient);

const { transactWrite, MAX_TRANSACTION_ITEMS } = await import('../../../lib/db/transact.js');
const { replaceItemAtVersion } = await import('../../../lib/db/versioned-write.js');

const cancelled = (codes: string[], item?: Record<string, unknown>) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code, i) => ({
      Code,
      ...(i === 0 && item ? { Item: marshall(item) } : {}),
    })),
  });

const put = (onConditionFailed?: () => ConflictError) => ({
  write: {
    Put: { TableName: 't', Item: { pk: 'a', sk: 'b' }, ConditionExpression: 'attribute_not_exists(pk)' },
  },
  ...(onConditionFailed ? { onConditionFailed } : {}),
});

describe('transactWrite error paths', () => {
  beforeAll(() => dynamo.reset());
  afterEach(() => dynamo.reset());

  it('raises the typed error of the write whose condition failed', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled(['None', 'ConditionalCheckFailed']));
    const taken = new ConflictError({ detail: 'SKU taken' });
    await expect(transactWrite([put(), put(() => taken)])).rejects.toBe(taken);
  });

  it('turns a stale version into 412 and a vanished item into 404, from the old image', async () => {
    const write = replaceItemAtVersion({ pk: 'STORE#1', sk: 'STORE', version: 3 }, 2, 'Store 1');
    dynamo
      .on(TransactWriteCommand)
      .rejects(cancelled(['ConditionalCheckFailed'], { pk: 'STORE#1', version: 5 }));
    await expect(transactWrite([write])).rejects.toMatchObject({
      status: 412,
      extensions: { currentVersion: 5 },
    });
    dynamo.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed']));
    await expect(transactWrite([write])).rejects.toMatchObject({ status: 404 });
  });

  it('asks DynamoDB for the old image on conditional writes', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    await transactWrite([put()]);
    const input = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input;
    expect(input?.TransactItems?.[0]?.Put?.ReturnValuesOnConditionCheckFailure).toBe('ALL_OLD');
  });

  it('retries a transaction that lost a race, then succeeds', async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled(['TransactionConflict']))
      .rejectsOnce(cancelled(['None', 'TransactionConflict']))
      .resolves({});
    await expect(transactWrite([put(), put()])).resolves.toBeUndefined();
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it('gives up on persistent conflicts with a retryable 503, after the shared policy’s attempts', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled(['TransactionConflict']));
    const error = await transactWrite([put()]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ headers: { 'retry-after': String(CONTENTION_POLICY.retryAfterSeconds) } });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(CONTENTION_POLICY.attempts);
  });

  it('answers a write that found its item changed since it was read with 503 at once when nothing re-reads', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed']));
    const stale = { ...put(), onConditionFailed: () => new ContentionError({ detail: 'moved on' }) };
    await expect(transactWrite([stale])).rejects.toMatchObject({ status: 503 });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('does not retry when a conflict comes with a failed condition nobody handles', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed', 'TransactionConflict']));
    await expect(transactWrite([put(), put()])).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('refuses more writes than one transaction holds, before calling DynamoDB', async () => {
    const writes = Array.from({ length: MAX_TRANSACTION_ITEMS + 1 }, () => put());
    await expect(transactWrite(writes)).rejects.toBeInstanceOf(BadRequestError);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('maps throttling that survived SDK retries to 503, never 500', async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    const error = await transactWrite([put()]).catch((e: unknown) => e);
    expect(toAppError(error)).toBeInstanceOf(ServiceUnavailableError);
  });
});
