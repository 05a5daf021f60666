import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { levelItem, streamRecord } from '../../support/stream-records.js';

process.env.TABLE_NAME = 'unit-table';
const dynamo = mockClient(DynamoDBDocumentClient);

const { AuditWriteError, writeAuditEntries } = await import('../../../lib/audit/audit-writer.js');
const { recordAudit } = await import('../../../lib/audit/record-audit.js');
const { auditEntriesOf } = await import('../../../lib/audit/audit-entry.js');

const transfer = {
  pk: 'TRANSFER#tr_1',
  sk: 'TRANSFER',
  entityType: 'Transfer',
  transferId: 'tr_1',
  fromStoreId: 'st_1',
  toStoreId: 'st_2',
  status: 'DRAFT',
};
const batch = [
  streamRecord(levelItem({ onHand: 5 }), levelItem({ onHand: 4 })),
  streamRecord(undefined, transfer),
];

const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('writeAuditEntries', () => {
  afterEach(() => dynamo.reset());

  it('puts every item once, conditionally, on AUDIT# keys only, and nothing but puts', async () => {
    dynamo.on(PutCommand).resolves({});
    const outcome = await recordAudit(batch, 400);
    expect(outcome).toEqual({ entries: 2, written: 5, existing: 0 }); // level: 1 + 1 store; transfer: 1 + 2 stores
    const calls = dynamo.calls();
    expect(calls.every((call) => call.args[0] instanceof PutCommand)).toBe(true);
    for (const call of dynamo.commandCalls(PutCommand)) {
      const input = call.args[0].input;
      expect(input.TableName).toBe('unit-table');
      expect(input.ConditionExpression).toBe('attribute_not_exists(pk)');
      expect(String(input.Item?.pk)).toMatch(/^AUDIT#/);
    }
  });

  it('counts an item already there as done (a redelivery), writing nothing over it', async () => {
    dynamo.on(PutCommand).rejects(conditionFailed());
    expect(await writeAuditEntries(auditEntriesOf(batch), 400)).toEqual({ written: 0, existing: 5 });
  });

  it('attempts every item and then fails the whole call on any other error', async () => {
    let call = 0;
    dynamo.on(PutCommand).callsFake(() => {
      call++;
      if (call === 2)
        throw Object.assign(new Error('Throughput exceeded'), {
          name: 'ProvisionedThroughputExceededException',
        });
      return {};
    });
    const failure = writeAuditEntries(auditEntriesOf(batch), 400);
    await expect(failure).rejects.toBeInstanceOf(AuditWriteError);
    await expect(failure).rejects.toThrow('1 of 5 audit item(s) not written');
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(5);
  });

  it('writes nothing for a batch without business changes', async () => {
    const guard = { pk: 'UNIQUE#SKU#X', sk: 'UNIQUE', entityType: 'UniqueGuard' };
    expect(await recordAudit([streamRecord(undefined, guard)], 400)).toEqual({
      entries: 0,
      written: 0,
      existing: 0,
    });
    expect(dynamo.calls()).toHaveLength(0);
  });
});
