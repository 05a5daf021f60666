import { describe, expect, it } from 'vitest';
import { stockReportTable } from '../../../lib/lake/stock-report-file.js';

describe('the daily stock report file', () => {
  it('sums each store’s end-of-day snapshot per currency, in a stable order', () => {
    const row = (
      store_id: string,
      sku: string,
      on_hand: number,
      available: number,
      cost_value: number,
      low = false,
    ) => ({
      store_id,
      sku,
      on_hand,
      available,
      cost_value,
      currency: 'AUD',
      at_or_below_reorder_point: low,
    });
    const table = stockReportTable([
      row('st_b', 'B', 0, 0, 0, true),
      row('st_a', 'A', 5, 3, 2000),
      row('st_b', 'C', 9, 9, 900),
      row('st_a', 'D', 2, 2, 300, true),
    ]);
    expect(table.report).toBe('stock');
    expect(table.rows).toEqual([
      {
        store_id: 'st_a',
        currency: 'AUD',
        stock_value: 2300,
        units: 7,
        skus: 2,
        at_or_below_reorder_point: 1,
        out_of_stock: 0,
      },
      {
        store_id: 'st_b',
        currency: 'AUD',
        stock_value: 900,
        units: 9,
        skus: 2,
        at_or_below_reorder_point: 1,
        out_of_stock: 1,
      },
    ]);
    expect(stockReportTable([]).rows).toEqual([]);
  });
});
