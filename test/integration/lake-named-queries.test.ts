import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namedQueries } from '../../lib/lake/named-queries.js';
import { type CompactedLake, compactedLake } from '../support/lake-compacted.js';

let context: CompactedLake;

beforeAll(async () => {
  context = await compactedLake();
});

afterAll(async () => {
  await context?.close();
});

const run = (name: string) => {
  const query = namedQueries.find((candidate) => candidate.name === name);
  if (!query) throw new Error(`no named query ${name}`);
  return context.rowsOf(query.sql);
};

/** ord_1 (paid, st_a, in store): 2 × SKU-A at 1000 (cost 450) + 1 × SKU-C at 500 (cost 100). */
const ord1 = {
  orders: 1,
  units: 3,
  gross: 2500,
  discounts: 0,
  net: 2500,
  tax: 227,
  cost: 1000,
  margin: 1273,
};
/** ord_2 (fulfilled then refunded, st_b, online): 1 × SKU-B at 2500 (cost 1000). ord_3 was cancelled. */
const ord2 = {
  orders: 1,
  units: 1,
  gross: 2500,
  discounts: 0,
  net: 2500,
  tax: 227,
  cost: 1000,
  margin: 1273,
};

describe('named queries over the compacted lake (DuckDB)', () => {
  it('has unique snake_case names and a description for each', () => {
    const names = namedQueries.map((query) => query.name);
    expect(new Set(names).size).toBe(names.length);
    for (const query of namedQueries) {
      expect(query.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(query.description.length).toBeGreaterThan(10);
    }
  });

  it('sales by day and store count paid orders on the day placed, without the cancelled one', async () => {
    expect(await run('sales_by_day_and_store')).toEqual([
      { sales_day: context.dayB, store_id: 'st_a', currency: 'AUD', ...ord1 },
      { sales_day: context.dayB, store_id: 'st_b', currency: 'AUD', ...ord2 },
    ]);
  });

  it('sales by day and category split an order’s lines', async () => {
    expect(await run('sales_by_day_and_category')).toEqual([
      {
        sales_day: context.dayB,
        category: 'frames',
        currency: 'AUD',
        orders: 2,
        units: 3,
        gross: 4500,
        discounts: 0,
        net: 4500,
        tax: 409,
        cost: 1900,
        margin: 2191,
      },
      {
        sales_day: context.dayB,
        category: 'lenses',
        currency: 'AUD',
        orders: 1,
        units: 1,
        gross: 500,
        discounts: 0,
        net: 500,
        tax: 45,
        cost: 100,
        margin: 355,
      },
    ]);
  });

  it('sales by day and channel, and by region', async () => {
    expect(await run('sales_by_day_and_channel')).toEqual([
      { sales_day: context.dayB, channel: 'in_store', currency: 'AUD', ...ord1 },
      { sales_day: context.dayB, channel: 'online', currency: 'AUD', ...ord2 },
    ]);
    expect(await run('sales_by_day_and_region')).toEqual([
      { sales_day: context.dayB, region: 'nsw', currency: 'AUD', ...ord1 },
      { sales_day: context.dayB, region: 'vic', currency: 'AUD', ...ord2 },
    ]);
  });

  it('takings by day and method: payments per method and refunds per store', async () => {
    expect(await run('takings_by_day_and_method')).toEqual([
      {
        day: context.dayB,
        store_id: 'st_a',
        currency: 'AUD',
        kind: 'payment',
        method: 'card',
        count: 1,
        amount: 2500,
      },
      {
        day: context.dayB,
        store_id: 'st_b',
        currency: 'AUD',
        kind: 'payment',
        method: 'cash',
        count: 1,
        amount: 2500,
      },
      {
        day: context.dayB,
        store_id: 'st_b',
        currency: 'AUD',
        kind: 'refund',
        method: null,
        count: 1,
        amount: 2500,
      },
    ]);
  });

  it('stock value by store at the latest day, at cost', async () => {
    expect(await run('stock_value_by_store')).toEqual([
      {
        day: context.dayB,
        store_id: 'st_a',
        currency: 'AUD',
        skus: 2,
        units: 27,
        stock_value: 5150,
        at_or_below_reorder_point: 0,
        out_of_stock: 0,
      },
      {
        day: context.dayB,
        store_id: 'st_b',
        currency: 'AUD',
        skus: 2,
        units: 11,
        stock_value: 4700,
        at_or_below_reorder_point: 1,
        out_of_stock: 0,
      },
    ]);
  });

  it('slow movers: stock on hand with no sale in 30 days', async () => {
    expect(await run('slow_movers')).toEqual([
      {
        store_id: 'st_a',
        sku: 'SKU-A',
        product_id: 'prd_1',
        category: 'frames',
        on_hand: 7,
        currency: 'AUD',
        cost_value: 3150,
      },
      {
        store_id: 'st_a',
        sku: 'SKU-C',
        product_id: 'prd_2',
        category: 'lenses',
        on_hand: 20,
        currency: 'AUD',
        cost_value: 2000,
      },
      {
        store_id: 'st_b',
        sku: 'SKU-C',
        product_id: 'prd_2',
        category: 'lenses',
        on_hand: 7,
        currency: 'AUD',
        cost_value: 700,
      },
    ]);
  });

  it('top sellers: units that left on sale', async () => {
    expect(await run('top_sellers')).toEqual([
      {
        store_id: 'st_b',
        sku: 'SKU-B',
        product_id: 'prd_1',
        units: 1,
        last_sold_at: `${context.dayB} 11:00:00`,
      },
    ]);
  });
});
