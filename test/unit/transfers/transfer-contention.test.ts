import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENTION_POLICY } from '../../../lib/db/contention.js';
import { ServiceUnavailableError } from '../../../lib/errors.js';
import { problemResponse } from '../../../lib/http/problem.js';

process.env.TABLE_NAME = 'unit-table';
const dynamo = mockClient(DynamoDBDocumentClient);

const { readyTransfer } = await import('../../../lib/transfers/transfer-service.js');
const { receivePurchaseOrder } = await import('../../../lib/purchasing/purchase-order-service.js');

const admin = { userId: 'u-admin', role: 'admin' as const, storeIds: 'all' as const };
const at = '2026-01-01T00:00:00.000Z';
const meta = (version: number) => ({ version, createdAt: at, updatedAt: at, updatedBy: 'x' });

const transfer = (version: number) => ({
  pk: 'TRANSFER#tr_1',
  sk: 'TRANSFER',
  transferId: 'tr_1',
  fromStoreId: 'st_a',
  toStoreId: 'st_b',
  status: 'DRAFT',
  lines: [{ sku: 'SKU-1', productId: 'pr_1', quantity: 2 }],
  createdBy: 'x',
  ...meta(version),
});

const purchaseOrder = (version: number) => ({
  pk: 'PO#po_1',
  sk: 'PO',
  purchaseOrderId: 'po_1',
  supplierId: 'sup_1',
  storeId: 'st_a',
  status: 'ORDERED',
  currency: 'AUD',
  lines: [{ sku: 'SKU-1', productId: 'pr_1', quantity: 10, unitCost: 100, received: 0, lineTotal: 1000 }],
  total: 1000,
  createdBy: 'x',
  ...meta(version),
});

/** The item changed (version moved on) but is still in a status the action allows: a lost race. */
const lostRace = (now: Record<string, unknown>) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'ConditionalCheckFailed', Item: marshall(now) }],
  });

describe('transitions that keep losing their race', () => {
  afterEach(() => dynamo.reset());

  it('a transfer re-reads and retries, then answers 503 with Retry-After, never 409', async () => {
    dynamo.on(GetCommand).resolves({ Item: transfer(1) });
    dynamo.on(TransactWriteCommand).rejects(lostRace(transfer(2)));
    const error = await readyTransfer(admin, 'tr_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    const response = problemResponse(error as ServiceUnavailableError);
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe(String(CONTENTION_POLICY.retryAfterSeconds));
    // Every attempt planned again from a fresh read.
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(CONTENTION_POLICY.attempts);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(CONTENTION_POLICY.attempts);
  });

  it('a transfer whose second attempt fits succeeds on what it read the second time', async () => {
    dynamo
      .on(GetCommand)
      .resolvesOnce({ Item: transfer(1) })
      .resolves({ Item: transfer(2) });
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(lostRace(transfer(2)))
      .resolves({});
    const ready = await readyTransfer(admin, 'tr_1');
    expect(ready).toMatchObject({ status: 'READY_TO_SHIP', version: 3 });
    const second = dynamo.commandCalls(TransactWriteCommand)[1]?.args[0].input;
    expect(second?.TransactItems?.[0]?.Put?.ExpressionAttributeValues?.[':version']).toBe(2);
  });

  it('a purchase-order receipt answers 503 with Retry-After once the attempts are spent', async () => {
    dynamo.on(GetCommand).resolves({ Item: purchaseOrder(1) });
    dynamo.on(TransactWriteCommand).rejects(lostRace(purchaseOrder(2)));
    await expect(
      receivePurchaseOrder(admin, 'po_1', { lines: [{ sku: 'SKU-1', quantity: 2 }] }),
    ).rejects.toMatchObject({ status: 503, headers: { 'retry-after': '1' } });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(CONTENTION_POLICY.attempts);
  });

  it('a status the action no longer allows ends at once with 409 invalid-state', async () => {
    dynamo.on(GetCommand).resolves({ Item: transfer(1) });
    dynamo.on(TransactWriteCommand).rejects(lostRace({ ...transfer(2), status: 'CANCELLED' }));
    await expect(readyTransfer(admin, 'tr_1')).rejects.toMatchObject({
      status: 409,
      slug: 'invalid-state',
      extensions: { currentStatus: 'CANCELLED', allowedFrom: ['DRAFT'] },
    });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});
