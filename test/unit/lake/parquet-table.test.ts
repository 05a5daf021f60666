import { describe, expect, it } from 'vitest';
import { ordersTable, paymentsTable, storesTable } from '../../../lib/lake/curated-tables.js';
import { decodeParquet, encodeParquet } from '../../../lib/lake/parquet-table.js';

const payment = {
  payment_id: 'pay_1',
  order_id: 'ord_1',
  store_id: 'st_a',
  currency: 'AUD',
  method: 'card',
  amount: 2500,
  created_at: '2026-11-30T09:01:00.000Z',
  created_by: 'usr_staff',
};

describe('curated Parquet files', () => {
  it('read back as written, nulls included', async () => {
    const rows = [payment, { ...payment, payment_id: 'pay_2', store_id: null, amount: 9_007_199_254_740 }];
    const decoded = await decodeParquet(paymentsTable, encodeParquet(paymentsTable, rows));
    expect(decoded).toEqual(rows);
  });

  it('are the same bytes for the same rows, and carry the table but nothing of the run', () => {
    const first = encodeParquet(paymentsTable, [payment]);
    const second = encodeParquet(paymentsTable, [{ ...payment }]);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const text = Buffer.from(first).toString('latin1');
    expect(text).toContain('storefleet.table');
    expect(text).not.toContain(new Date().toISOString().slice(0, 10));
  });

  it('write an empty table with its schema', async () => {
    const bytes = encodeParquet(storesTable, []);
    expect(Buffer.from(bytes.subarray(0, 4)).toString()).toBe('PAR1');
    expect(await decodeParquet(storesTable, bytes)).toEqual([]);
  });

  it('refuse a value of the wrong type rather than coerce it', () => {
    expect(() => encodeParquet(paymentsTable, [{ ...payment, amount: '2500' }])).toThrow(
      /payments\.amount \(bigint\) cannot hold "2500"/,
    );
    expect(() => encodeParquet(paymentsTable, [{ ...payment, amount: 25.5 }])).toThrow(TypeError);
    expect(() => encodeParquet(ordersTable, [{ order_id: 'o', created_at: 'not a time' }])).toThrow(
      TypeError,
    );
  });
});
