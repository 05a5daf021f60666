import { describe, expect, it } from 'vitest';
import { capacityCall, meterCapacity, summarise } from '../../../lib/db/capacity-meter.js';

describe('capacityCall', () => {
  it('counts a read command’s units as reads, table and indexes summed', () => {
    expect(
      capacityCall('Query', [
        { TableName: 't', CapacityUnits: 0.5, GlobalSecondaryIndexes: { gsi1: { CapacityUnits: 0.5 } } },
      ]),
    ).toEqual({ command: 'Query', read: 0.5, write: 0, indexes: { gsi1: 0.5 } });
  });

  it('counts any other command’s units as writes, per index across the tables touched', () => {
    expect(
      capacityCall('TransactWriteItems', [
        {
          TableName: 'a',
          CapacityUnits: 10,
          GlobalSecondaryIndexes: { gsi1: { CapacityUnits: 4 }, gsi2: { CapacityUnits: 2 } },
        },
        { TableName: 'b', CapacityUnits: 3, GlobalSecondaryIndexes: { gsi1: { CapacityUnits: 1 } } },
      ]),
    ).toEqual({ command: 'TransactWriteItems', read: 0, write: 13, indexes: { gsi1: 5, gsi2: 2 } });
  });

  it('reads nothing into a call without consumed capacity', () => {
    expect(capacityCall('GetItem', [])).toEqual({ command: 'GetItem', read: 0, write: 0, indexes: {} });
  });
});

describe('summarise and meterCapacity', () => {
  it('sums reads and writes without floating-point dust', () => {
    const calls = Array.from({ length: 3 }, () => ({ command: 'GetItem', read: 0.1, write: 0, indexes: {} }));
    expect(summarise(calls)).toMatchObject({ read: 0.3, write: 0 });
  });

  it('returns the work’s result with an empty reading when nothing touched the table', async () => {
    expect(await meterCapacity(async () => 42)).toEqual({
      result: 42,
      reading: { read: 0, write: 0, calls: [] },
    });
  });
});
