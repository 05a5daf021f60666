import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONTENTION_POLICY, ContentionError } from '../../../lib/db/contention.js';
import { BadRequestError, ConflictError, ServiceUnavailableError } from '../../../lib/errors.js';
import { toAppError } from '../../../lib/http/problem.js';

process.env.TABLE_NAME = 'unit-table';
const dynamo = mockClient(DynamoDBDocumentClient);

const { guardedPut, transactWrite, MAX_TRANSACTION_ITEMS } = await import('../../../lib/db/transact.js');
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

const conditionFailed = (item?: Record<string, unknown>) =>
  new ConditionalCheckFailedException({
    message: 'The conditional request failed',
    $metadata: {},
    ...(item ? { Item: marshall(item) } : {}),
  });

const conflict = () => new TransactionConflictException({ message: 'Transaction is ongoing', $metadata: {} });

const put = (onConditionFailed?: () => ConflictError) => ({
  write: {
    Put: { TableName: 't', Item: { pk: 'a', sk: 'b' }, ConditionExpression: 'attribute_not_exists(pk)' },
  },
  ...(onConditionFailed ? { onConditionFailed } : {}),
});

describe('transactWrite: several writes are one transaction', () => {
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
      .rejects(cancelled(['ConditionalCheckFailed', 'None'], { pk: 'STORE#1', version: 5 }));
    await expect(transactWrite([write, put()])).rejects.toMatchObject({
      status: 412,
      extensions: { currentVersion: 5 },
    });
    dynamo.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed', 'None']));
    await expect(transactWrite([write, put()])).rejects.toMatchObject({ status: 404 });
  });

  it('asks DynamoDB for the old image on conditional writes only', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    const unconditional = { write: { Put: { TableName: 't', Item: { pk: 'c', sk: 'd' } } } };
    await transactWrite([put(), unconditional]);
    const input = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input;
    expect(input?.TransactItems?.[0]?.Put?.ReturnValuesOnConditionCheckFailure).toBe('ALL_OLD');
    expect(input?.TransactItems?.[1]?.Put).not.toHaveProperty('ReturnValuesOnConditionCheckFailure');
  });

  it('keeps an idempotency record plus one write a transaction, the record first', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    const record = put();
    const effect = {
      write: { Update: { TableName: 't', Key: { pk: 'e', sk: 'f' }, UpdateExpression: 'SET x = :x' } },
    };
    await transactWrite([record, effect]);
    const input = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input;
    expect(input?.TransactItems?.map((item) => Object.keys(item)[0])).toEqual(['Put', 'Update']);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('retries a transaction that lost a race, then succeeds', async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled(['TransactionConflict', 'None']))
      .rejectsOnce(cancelled(['None', 'TransactionConflict']))
      .resolves({});
    await expect(transactWrite([put(), put()])).resolves.toBeUndefined();
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it('gives up on persistent conflicts with a retryable 503, after the shared policy’s attempts', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled(['TransactionConflict', 'None']));
    const error = await transactWrite([put(), put()]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ headers: { 'retry-after': String(CONTENTION_POLICY.retryAfterSeconds) } });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(CONTENTION_POLICY.attempts);
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
    const error = await transactWrite([put(), put()]).catch((e: unknown) => e);
    expect(toAppError(error)).toBeInstanceOf(ServiceUnavailableError);
  });
});

describe('transactWrite: one write is sent as that single conditional write (1×, not a transaction’s 2×)', () => {
  beforeAll(() => dynamo.reset());
  afterEach(() => dynamo.reset());

  it('sends a lone Put, Update or Delete as PutItem, UpdateItem or DeleteItem with its condition intact', async () => {
    dynamo.on(PutCommand).resolves({});
    dynamo.on(UpdateCommand).resolves({});
    dynamo.on(DeleteCommand).resolves({});
    const condition = {
      ConditionExpression: '#v = :v',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':v': 2 },
    };
    await transactWrite([
      { write: { Put: { TableName: 't', Item: { pk: 'a', sk: 'b', version: 3 }, ...condition } } },
    ]);
    await transactWrite([
      {
        write: {
          Update: { TableName: 't', Key: { pk: 'a', sk: 'b' }, UpdateExpression: 'SET x = :x', ...condition },
        },
      },
    ]);
    await transactWrite([{ write: { Delete: { TableName: 't', Key: { pk: 'a', sk: 'b' }, ...condition } } }]);
    const withOldImage = { ...condition, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' };
    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: 't',
      Item: { pk: 'a', sk: 'b', version: 3 },
      ...withOldImage,
    });
    expect(dynamo.commandCalls(UpdateCommand)[0]?.args[0].input).toEqual({
      TableName: 't',
      Key: { pk: 'a', sk: 'b' },
      UpdateExpression: 'SET x = :x',
      ...withOldImage,
    });
    expect(dynamo.commandCalls(DeleteCommand)[0]?.args[0].input).toEqual({
      TableName: 't',
      Key: { pk: 'a', sk: 'b' },
      ...withOldImage,
    });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('asks for no old image when the write has no condition', async () => {
    dynamo.on(PutCommand).resolves({});
    await transactWrite([{ write: { Put: { TableName: 't', Item: { pk: 'a', sk: 'b' } } } }]);
    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: 't',
      Item: { pk: 'a', sk: 'b' },
    });
  });

  it('keeps a lone ConditionCheck, and a write sent with a ClientRequestToken, a transaction', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    const check = {
      write: {
        ConditionCheck: {
          TableName: 't',
          Key: { pk: 'a', sk: 'b' },
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    };
    await transactWrite([check]);
    await transactWrite([put()], 'token-1');
    const calls = dynamo.commandCalls(TransactWriteCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.args[0].input.ClientRequestToken).toBe('token-1');
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('turns a stale version into 412 and a vanished item into 404, from the old image', async () => {
    const write = replaceItemAtVersion({ pk: 'STORE#1', sk: 'STORE', version: 3 }, 2, 'Store 1');
    dynamo.on(PutCommand).rejects(conditionFailed({ pk: 'STORE#1', version: 5 }));
    await expect(transactWrite([write])).rejects.toMatchObject({
      status: 412,
      extensions: { currentVersion: 5 },
    });
    dynamo.on(PutCommand).rejects(conditionFailed());
    await expect(transactWrite([write])).rejects.toMatchObject({ status: 404 });
  });

  it('raises the write’s own typed error, and lets a failed condition nobody handles through as is', async () => {
    const taken = new ConflictError({ detail: 'SKU taken' });
    dynamo.on(PutCommand).rejects(conditionFailed({ pk: 'a', sk: 'b' }));
    await expect(transactWrite([put(() => taken)])).rejects.toBe(taken);
    await expect(transactWrite([put()])).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(2);
  });

  it('answers a write that found its item changed since it was read with 503 at once when nothing re-reads', async () => {
    dynamo.on(PutCommand).rejects(conditionFailed({ pk: 'a', sk: 'b' }));
    const stale = { ...put(), onConditionFailed: () => new ContentionError({ detail: 'moved on' }) };
    await expect(transactWrite([stale])).rejects.toMatchObject({ status: 503 });
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(1);
  });

  it('sends again a write that met a transaction in flight on its item, then succeeds', async () => {
    dynamo.on(PutCommand).rejectsOnce(conflict()).rejectsOnce(conflict()).resolves({});
    await expect(transactWrite([put()])).resolves.toBeUndefined();
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(3);
  });

  it('gives up on persistent conflicts with a retryable 503, after the shared policy’s attempts', async () => {
    dynamo.on(PutCommand).rejects(conflict());
    const error = await transactWrite([put()]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ headers: { 'retry-after': String(CONTENTION_POLICY.retryAfterSeconds) } });
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(CONTENTION_POLICY.attempts);
  });

  it('maps throttling that survived SDK retries to 503, never 500', async () => {
    dynamo
      .on(PutCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    const error = await transactWrite([put()]).catch((e: unknown) => e);
    expect(toAppError(error)).toBeInstanceOf(ServiceUnavailableError);
  });
});

describe('guardedPut: one Put exactly as transactWrite sends a lone Put', () => {
  beforeAll(() => dynamo.reset());
  afterEach(() => dynamo.reset());

  it('sends the same PutItem, raises the same typed error, and resends after the same conflicts', async () => {
    const { write, onConditionFailed } = put(() => new ConflictError({ detail: 'taken' }));
    dynamo.on(PutCommand).rejectsOnce(conflict()).resolves({});
    await guardedPut(write.Put, onConditionFailed);
    await transactWrite([{ write, onConditionFailed }]);
    const [, viaGuardedPut, viaTransactWrite] = dynamo
      .commandCalls(PutCommand)
      .map((call) => call.args[0].input);
    expect(viaGuardedPut).toEqual(viaTransactWrite);
    expect(viaGuardedPut).toMatchObject({ ReturnValuesOnConditionCheckFailure: 'ALL_OLD' });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);

    dynamo.on(PutCommand).rejects(conditionFailed({ pk: 'a', sk: 'b' }));
    await expect(guardedPut(write.Put, onConditionFailed)).rejects.toMatchObject({
      status: 409,
      detail: 'taken',
    });
    await expect(guardedPut(write.Put)).rejects.toBeInstanceOf(ConditionalCheckFailedException);
  });
});
