import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LakeDuckDb } from '../../infra/local/lake-duckdb.js';
import { LOCAL_LAKE_BUCKET } from '../../infra/local/lake-location.js';
import { compactDay, curatedKey, MissingPreviousDayError } from '../../lib/lake/compact-day.js';
import { curatedTables } from '../../lib/lake/curated-tables.js';
import { addDays } from '../../lib/lake/lake-days.js';
import { customerKey } from '../../lib/lake/pseudonym.js';
import { type CompactedLake, compactedLake } from '../support/lake-compacted.js';
import { putChanges } from '../support/lake-fixtures.js';

let context: CompactedLake;
let s3: S3Client;
let lake: LakeDuckDb;
let dayA: string;
let dayB: string;

const bytesOf = async (key: string): Promise<Buffer> => {
  const object = await s3.send(new GetObjectCommand({ Bucket: LOCAL_LAKE_BUCKET, Key: key }));
  return Buffer.from(await (object.Body?.transformToByteArray() ?? new Uint8Array()));
};

const allCurated = async (day: string) =>
  Promise.all(curatedTables.map(async (table) => bytesOf(curatedKey(table.name, day))));

const rowsOf = (sql: string) => context.rowsOf(sql);

beforeAll(async () => {
  context = await compactedLake();
  ({ s3, lake, dayA, dayB } = context);
});

afterAll(async () => {
  await context?.close();
});

describe('daily compaction into the curated tables', () => {
  it('writes one Parquet file per table and day, empty tables included', async () => {
    const days = await rowsOf(`SELECT DISTINCT dt FROM stores ORDER BY dt`);
    expect(days).toEqual([{ dt: dayA }, { dt: dayB }]);
    expect(lake.objects).toMatchObject(Object.fromEntries(curatedTables.map((table) => [table.name, 2])));
  });

  it('keeps each order changed on the day as it stood at the end of it', async () => {
    const orders = await rowsOf(
      `SELECT order_id, store_id, channel, status, total, amount_refunded, version, customer_key FROM orders WHERE dt = '${dayB}' ORDER BY order_id`,
    );
    expect(orders).toEqual([
      {
        order_id: 'ord_1',
        store_id: 'st_a',
        channel: 'in_store',
        status: 'PAID',
        total: 2500,
        amount_refunded: 0,
        version: 2,
        customer_key: customerKey('cus_1'),
      },
      {
        order_id: 'ord_2',
        store_id: 'st_b',
        channel: 'online',
        status: 'FULFILLED',
        total: 2500,
        amount_refunded: 2500,
        version: 4,
        customer_key: null,
      },
      {
        order_id: 'ord_3',
        store_id: 'st_a',
        channel: 'in_store',
        status: 'CANCELLED',
        total: 1000,
        amount_refunded: 0,
        version: 2,
        customer_key: null,
      },
    ]);
  });

  it('costs order lines at the catalog cost at the end of the day', async () => {
    const lines = await rowsOf(
      `SELECT order_id, line_number, sku, category, quantity, unit_cost, cost, refunded_quantity FROM order_lines WHERE dt = '${dayB}' ORDER BY order_id, line_number`,
    );
    expect(lines).toEqual([
      {
        order_id: 'ord_1',
        line_number: 1,
        sku: 'SKU-A',
        category: 'frames',
        quantity: 2,
        unit_cost: 450,
        cost: 900,
        refunded_quantity: 0,
      },
      {
        order_id: 'ord_1',
        line_number: 2,
        sku: 'SKU-C',
        category: 'lenses',
        quantity: 1,
        unit_cost: 100,
        cost: 100,
        refunded_quantity: 0,
      },
      {
        order_id: 'ord_2',
        line_number: 1,
        sku: 'SKU-B',
        category: 'frames',
        quantity: 1,
        unit_cost: 1000,
        cost: 1000,
        refunded_quantity: 1,
      },
      {
        order_id: 'ord_3',
        line_number: 1,
        sku: 'SKU-A',
        category: 'frames',
        quantity: 1,
        unit_cost: 450,
        cost: 450,
        refunded_quantity: 0,
      },
    ]);
  });

  it('gives payments and refunds their order’s store and currency', async () => {
    expect(
      await rowsOf(`SELECT payment_id, store_id, currency, method, amount FROM payments ORDER BY payment_id`),
    ).toEqual([
      { payment_id: 'pay_1', store_id: 'st_a', currency: 'AUD', method: 'card', amount: 2500 },
      { payment_id: 'pay_2', store_id: 'st_b', currency: 'AUD', method: 'cash', amount: 2500 },
    ]);
    expect(await rowsOf(`SELECT refund_id, store_id, currency, amount, units, lines FROM refunds`)).toEqual([
      {
        refund_id: 'ref_1',
        store_id: 'st_b',
        currency: 'AUD',
        amount: 2500,
        units: 1,
        lines: '[{"amount":2500,"quantity":1,"sku":"SKU-B","tax":227}]',
      },
    ]);
  });

  it('carries the stock snapshot over from the previous day and values it at the day’s cost', async () => {
    const snapshot = await rowsOf(
      `SELECT dt, store_id, sku, on_hand, unit_cost, cost_value, category, at_or_below_reorder_point FROM inventory_snapshot ORDER BY dt, store_id, sku`,
    );
    expect(snapshot).toEqual([
      {
        dt: dayA,
        store_id: 'st_a',
        sku: 'SKU-A',
        on_hand: 10,
        unit_cost: 400,
        cost_value: 4000,
        category: 'frames',
        at_or_below_reorder_point: false,
      },
      {
        dt: dayA,
        store_id: 'st_a',
        sku: 'SKU-C',
        on_hand: 20,
        unit_cost: 100,
        cost_value: 2000,
        category: 'lenses',
        at_or_below_reorder_point: false,
      },
      {
        dt: dayA,
        store_id: 'st_b',
        sku: 'SKU-B',
        on_hand: 4,
        unit_cost: 1000,
        cost_value: 4000,
        category: 'frames',
        at_or_below_reorder_point: true,
      },
      {
        dt: dayA,
        store_id: 'st_b',
        sku: 'SKU-C',
        on_hand: 7,
        unit_cost: 100,
        cost_value: 700,
        category: 'lenses',
        at_or_below_reorder_point: false,
      },
      {
        dt: dayB,
        store_id: 'st_a',
        sku: 'SKU-A',
        on_hand: 7,
        unit_cost: 450,
        cost_value: 3150,
        category: 'frames',
        at_or_below_reorder_point: false,
      },
      {
        dt: dayB,
        store_id: 'st_a',
        sku: 'SKU-C',
        on_hand: 20,
        unit_cost: 100,
        cost_value: 2000,
        category: 'lenses',
        at_or_below_reorder_point: false,
      },
      {
        dt: dayB,
        store_id: 'st_b',
        sku: 'SKU-B',
        on_hand: 4,
        unit_cost: 1000,
        cost_value: 4000,
        category: 'frames',
        at_or_below_reorder_point: true,
      },
      {
        dt: dayB,
        store_id: 'st_b',
        sku: 'SKU-C',
        on_hand: 7,
        unit_cost: 100,
        cost_value: 700,
        category: 'lenses',
        at_or_below_reorder_point: false,
      },
    ]);
  });

  it('keeps the latest products, stores and customers under every day', async () => {
    expect(await rowsOf(`SELECT dt, sku, cost FROM products WHERE sku = 'SKU-A' ORDER BY dt`)).toEqual([
      { dt: dayA, sku: 'SKU-A', cost: 400 },
      { dt: dayB, sku: 'SKU-A', cost: 450 },
    ]);
    expect(
      await rowsOf(
        `SELECT store_id, region FROM stores WHERE dt = (SELECT max(dt) FROM stores) ORDER BY store_id`,
      ),
    ).toEqual([
      { store_id: 'st_a', region: 'nsw' },
      { store_id: 'st_b', region: 'vic' },
    ]);
    expect(await rowsOf(`SELECT * FROM customers WHERE dt = '${dayB}'`)).toEqual([
      expect.objectContaining({
        customer_key: customerKey('cus_1'),
        region: 'nsw',
        tags: 'contact-lens,vip',
        marketing_opt_in: true,
      }),
    ]);
  });

  it('puts no name, email, phone, birth date, prescription or customer id in any table', async () => {
    const files = await Promise.all([dayA, dayB].map(allCurated));
    const text = Buffer.concat(files.flat()).toString('latin1');
    for (const secret of [
      'Alice',
      'Nguyen',
      'alice@example.com',
      '+61400000000',
      '1990-05-01',
      'sphere',
      'cus_1',
    ])
      expect(text).not.toContain(secret);
  });

  it('writes the day’s stock report file from the end-of-day snapshot, the same on a re-run', async () => {
    const csv = (await bytesOf(`reports/stock/dt=${dayB}/stock.csv`)).toString('utf8');
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header).toBe('store_id,currency,stock_value,units,skus,at_or_below_reorder_point,out_of_stock');
    const currencies = await rowsOf(
      `SELECT store_id, min(currency) AS currency FROM inventory_snapshot WHERE dt = '${dayB}' GROUP BY 1 ORDER BY 1`,
    );
    expect(lines).toEqual([
      `st_a,${currencies[0]?.currency},5150,27,2,0,0`,
      `st_b,${currencies[1]?.currency},4700,11,2,1,0`,
    ]);
    const manifest = JSON.parse((await bytesOf(`reports/stock/dt=${dayB}/manifest.json`)).toString('utf8'));
    expect(manifest).toMatchObject({ report: 'stock', dt: dayB, rows: 2 });
    expect(manifest.files.map((file: { key: string }) => file.key)).toEqual([
      `reports/stock/dt=${dayB}/stock.csv`,
      `reports/stock/dt=${dayB}/stock.parquet`,
    ]);
    const parquet = await bytesOf(`reports/stock/dt=${dayB}/stock.parquet`);
    await compactDay({ s3, bucket: LOCAL_LAKE_BUCKET, day: dayB });
    expect(await bytesOf(`reports/stock/dt=${dayB}/stock.parquet`)).toEqual(parquet);
  });

  it('gives the same bytes when a day is compacted again', async () => {
    const before = await allCurated(dayB);
    const again = await compactDay({ s3, bucket: LOCAL_LAKE_BUCKET, day: dayB });
    expect(again.tables.map((table) => table.rows)).toEqual(before.map(() => expect.any(Number)));
    expect(await allCurated(dayB)).toEqual(before);
  });

  it('counts a redelivered batch once, even when its records land in another object', async () => {
    const before = await allCurated(dayB);
    // A retry after bisection writes the same records under another shard/sequence object.
    await putChanges(s3, LOCAL_LAKE_BUCKET, dayB, await replayOf(dayB), 'shardId-00000002');
    await compactDay({ s3, bucket: LOCAL_LAKE_BUCKET, day: dayB });
    expect(await allCurated(dayB)).toEqual(before);
  });

  it('refuses a day whose previous day is missing from the lake', async () => {
    await expect(compactDay({ s3, bucket: LOCAL_LAKE_BUCKET, day: addDays(dayB, 2) })).rejects.toBeInstanceOf(
      MissingPreviousDayError,
    );
  });
});

/** The rows already in the lake for the day, read back from its change objects. */
const replayOf = async (day: string) => {
  const { readDayChanges } = await import('../../lib/lake/compact-changes-read.js');
  return (
    await Promise.all(
      (['Order', 'Payment', 'Refund', 'InventoryLevel'] as const).map((entity) =>
        readDayChanges(s3, LOCAL_LAKE_BUCKET, entity, day),
      ),
    )
  ).flat();
};
