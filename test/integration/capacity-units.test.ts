import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  capacityBlock,
  readPerformanceDoc,
  renderCapacityTables,
} from '../../infra/local/capacity/capacity-doc.js';
import {
  type MeasuredOperation,
  measureInThisProcess,
  overBudget,
} from '../../infra/local/capacity/measure-operations.js';
import { meterCapacity } from '../../lib/db/capacity-meter.js';
import { documentClient, tableName } from '../../lib/db/client.js';

const byName = (measured: readonly MeasuredOperation[], operation: string): MeasuredOperation => {
  const found = measured.find((m) => m.operation === operation);
  if (!found) throw new Error(`${operation} was not measured`);
  return found;
};

describe('capacity units per API operation (demo data on DynamoDB Local)', () => {
  let measured: MeasuredOperation[];
  beforeAll(async () => {
    measured = await measureInThisProcess();
  }, 120_000);

  it('keeps every operation within its declared budget', () => {
    expect(measured.length).toBeGreaterThan(80);
    expect(overBudget(measured), 'over budget: lower the cost, or raise the budget and say why').toEqual([]);
  });

  it('matches the tables of docs/performance.md (npm run perf:docs)', () => {
    expect(capacityBlock(readPerformanceDoc()), 'run `npm run perf:docs`').toBe(
      renderCapacityTables(measured),
    );
  });

  it('counts the revocation read first in every authorized request, and nothing for public ones', () => {
    for (const m of measured) {
      if (['health', 'openApi', 'routeNotFound'].includes(m.operation)) {
        expect(m.calls, m.operation).toEqual([]);
        continue;
      }
      expect(m.calls[0], m.operation).toMatchObject({ command: 'GetItem', read: 0.5, write: 0 });
    }
  });

  it('sees what order placement writes: one transaction, with its index entries', () => {
    const order = byName(measured, 'createOrder (2 lines, customer)');
    const transactions = order.calls.filter((call) => call.command === 'TransactWriteItems');
    expect(transactions).toHaveLength(1);
    const [transaction] = transactions;
    expect(transaction?.write).toBe(order.write);
    const indexUnits = Object.values(transaction?.indexes ?? {}).reduce((sum, units) => sum + units, 0);
    expect(indexUnits).toBeGreaterThan(0);
    expect(indexUnits).toBeLessThan(order.write);
    // Ten lines cost more than two, and two more than one: sizes reach the figures.
    const [one, ten] = [
      byName(measured, 'createOrder (1 line)'),
      byName(measured, 'createOrder (10 lines, customer)'),
    ];
    expect(one.write).toBeLessThan(order.write);
    expect(ten.write).toBeGreaterThan(order.write);
  });
});

describe('capacity meter', () => {
  const key = () => ({ pk: `CAPACITY#${randomUUID()}`, sk: 'ITEM' });

  it('does nothing outside a meter: no consumed capacity is asked for', async () => {
    const item = key();
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: item }));
    const output = await documentClient.send(new GetCommand({ TableName: tableName(), Key: item }));
    expect(output.Item).toEqual(item);
    expect(output.ConsumedCapacity).toBeUndefined();
  });

  it('records each command: writes by item size, reads by consistency', async () => {
    const item = { ...key(), text: 'x'.repeat(1500) };
    const { result, reading } = await meterCapacity(async () => {
      await documentClient.send(new PutCommand({ TableName: tableName(), Item: item }));
      await documentClient.send(
        new GetCommand({ TableName: tableName(), Key: { pk: item.pk, sk: item.sk } }),
      );
      const consistent = await documentClient.send(
        new GetCommand({ TableName: tableName(), Key: { pk: item.pk, sk: item.sk }, ConsistentRead: true }),
      );
      return consistent.Item;
    });
    expect(result).toEqual(item);
    expect(reading).toEqual({
      read: 1.5,
      write: 2,
      calls: [
        { command: 'PutItem', read: 0, write: 2, indexes: {} },
        { command: 'GetItem', read: 0.5, write: 0, indexes: {} },
        { command: 'GetItem', read: 1, write: 0, indexes: {} },
      ],
    });
  });

  it('sees a transaction at twice the plain write, its condition checks at nothing (as docs/performance.md says)', async () => {
    const [guard, item] = [key(), key()];
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: guard }));
    const { reading } = await meterCapacity(() =>
      documentClient.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName(), Item: item } },
            {
              ConditionCheck: {
                TableName: tableName(),
                Key: guard,
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
          ],
        }),
      ),
    );
    expect(reading.calls).toEqual([
      { command: 'TransactWriteItems', read: 0, write: 2, indexes: {}, items: 2 },
    ]);
  });

  it('keeps concurrent meters apart', async () => {
    const [a, b] = [key(), key()];
    const [first, second] = await Promise.all([
      meterCapacity(() => documentClient.send(new PutCommand({ TableName: tableName(), Item: a }))),
      meterCapacity(async () => {
        await documentClient.send(new PutCommand({ TableName: tableName(), Item: b }));
        await documentClient.send(new GetCommand({ TableName: tableName(), Key: b }));
      }),
    ]);
    expect(first.reading.calls.map((call) => call.command)).toEqual(['PutItem']);
    expect(second.reading.calls.map((call) => call.command)).toEqual(['PutItem', 'GetItem']);
  });

  it('records a failed command as failed, and the error still reaches the caller', async () => {
    const item = key();
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: item }));
    const { result, reading } = await meterCapacity(() =>
      documentClient
        .send(
          new PutCommand({
            TableName: tableName(),
            Item: item,
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        )
        .then(
          () => 'written',
          (error: Error) => error.name,
        ),
    );
    expect(result).toBe('ConditionalCheckFailedException');
    expect(reading).toEqual({
      read: 0,
      write: 0,
      calls: [
        { command: 'PutItem', read: 0, write: 0, indexes: {}, failed: 'ConditionalCheckFailedException' },
      ],
    });
  });
});
