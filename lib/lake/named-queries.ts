/**
 * The standard finance reports as SQL over the lake (lib/lake/curated-tables.ts), saved as
 * Athena named queries by CDK and run locally by `npm run query`. Written in the dialect Athena
 * (Trino) and DuckDB share: no engine-specific functions, dates compared as `YYYY-MM-DD`
 * strings built with CAST only, so the same text runs in both (each is tested on DuckDB).
 *
 * Windows are relative to today (UTC) so a saved query needs no editing: sales cover the last
 * 35 days, slow movers 30 days without a sale, top sellers 28 days. `dt` is filtered first so
 * Athena prunes partitions and scans only the window.
 *
 * Sales are counted from the order lines of orders that are paid (PAID, FULFILLED, COMPLETED),
 * on the UTC day the order was placed, each order as it stands now (its row of the greatest
 * `dt`); cancelled and unpaid orders are left out. gross = lines before promotions; discounts =
 * promotion and order-level reductions; net = what customers pay, tax included; margin = net −
 * tax − cost at the catalog's unit cost. Refunds are reported on the day they are made.
 */
export interface NamedQuery {
  /** snake_case; Athena's named query name. */
  name: string;
  description: string;
  sql: string;
}

const since = (days: number) => `CAST(CAST(current_date - INTERVAL '${days}' DAY AS DATE) AS VARCHAR)`;

/** Each order line as it stands now, of orders placed in the window and paid. */
const paidLines = (days: number) => `current_lines AS (
  SELECT l.*, CAST(CAST(l.order_created_at AS DATE) AS VARCHAR) AS sales_day,
    row_number() OVER (PARTITION BY l.order_id, l.line_number ORDER BY l.dt DESC) AS pick
  FROM order_lines l
  WHERE l.dt >= ${since(days)} AND CAST(CAST(l.order_created_at AS DATE) AS VARCHAR) >= ${since(days)}
),
paid_lines AS (
  SELECT * FROM current_lines WHERE pick = 1 AND order_status IN ('PAID', 'FULFILLED', 'COMPLETED')
)`;

const salesFigures = `count(DISTINCT order_id) AS orders,
  sum(quantity) AS units,
  sum(line_subtotal) AS gross,
  sum(discount + allocated_discount) AS discounts,
  sum(net_total) AS net,
  sum(tax_amount) AS tax,
  sum(cost) AS cost,
  sum(net_total) - sum(tax_amount) - sum(cost) AS margin`;

const salesBy = (name: string, description: string, key: string, keyName: string): NamedQuery => ({
  name,
  description,
  sql: `WITH ${paidLines(35)}
SELECT sales_day, ${key} AS ${keyName}, currency,
  ${salesFigures}
FROM paid_lines
GROUP BY sales_day, ${key}, currency
ORDER BY sales_day, ${keyName}, currency`,
});

export const namedQueries: readonly NamedQuery[] = [
  salesBy(
    'sales_by_day_and_store',
    'Sales per UTC day and store over the last 35 days: orders, units, gross, discounts, net, tax, cost, margin',
    'store_id',
    'store_id',
  ),
  salesBy(
    'sales_by_day_and_category',
    'Sales per UTC day and product category over the last 35 days',
    'category',
    'category',
  ),
  salesBy(
    'sales_by_day_and_channel',
    'Sales per UTC day and channel (online, in_store, marketplace) over the last 35 days',
    'channel',
    'channel',
  ),
  {
    name: 'sales_by_day_and_region',
    description: 'Sales per UTC day and store region over the last 35 days (regions as the stores are now)',
    sql: `WITH ${paidLines(35)},
latest_stores AS (
  SELECT store_id, region FROM stores WHERE dt = (SELECT max(dt) FROM stores)
)
SELECT p.sales_day, s.region, p.currency,
  count(DISTINCT p.order_id) AS orders,
  sum(p.quantity) AS units,
  sum(p.line_subtotal) AS gross,
  sum(p.discount + p.allocated_discount) AS discounts,
  sum(p.net_total) AS net,
  sum(p.tax_amount) AS tax,
  sum(p.cost) AS cost,
  sum(p.net_total) - sum(p.tax_amount) - sum(p.cost) AS margin
FROM paid_lines p
LEFT JOIN latest_stores s ON s.store_id = p.store_id
GROUP BY p.sales_day, s.region, p.currency
ORDER BY p.sales_day, s.region, p.currency`,
  },
  {
    name: 'takings_by_day_and_method',
    description:
      'End-of-day cash-up per UTC day and store over the last 35 days: payments by method, refunds, count and amount',
    sql: `SELECT dt AS day, store_id, currency, 'payment' AS kind, method, count(*) AS count, sum(amount) AS amount
FROM payments
WHERE dt >= ${since(35)}
GROUP BY dt, store_id, currency, method
UNION ALL
SELECT dt AS day, store_id, currency, 'refund' AS kind, CAST(NULL AS VARCHAR) AS method, count(*) AS count, sum(amount) AS amount
FROM refunds
WHERE dt >= ${since(35)}
GROUP BY dt, store_id, currency
ORDER BY day, store_id, currency, kind, method`,
  },
  {
    name: 'stock_value_by_store',
    description:
      'Stock at the end of the latest compacted day per store: SKUs, units on hand, value at cost, SKUs at or below their reorder point, out of stock',
    sql: `SELECT dt AS day, store_id, currency,
  count(*) AS skus,
  sum(on_hand) AS units,
  sum(cost_value) AS stock_value,
  sum(CASE WHEN at_or_below_reorder_point THEN 1 ELSE 0 END) AS at_or_below_reorder_point,
  sum(CASE WHEN available <= 0 THEN 1 ELSE 0 END) AS out_of_stock
FROM inventory_snapshot
WHERE dt = (SELECT max(dt) FROM inventory_snapshot)
GROUP BY dt, store_id, currency
ORDER BY store_id, currency`,
  },
  {
    name: 'slow_movers',
    description:
      'SKUs with stock on hand at the latest compacted day and no sale in the last 30 days, per store, by value at cost',
    sql: `WITH sold AS (
  SELECT store_id, sku, max(moved_at) AS last_sold_at
  FROM inventory_movements
  WHERE dt >= ${since(30)} AND reason = 'sale'
  GROUP BY store_id, sku
)
SELECT s.store_id, s.sku, s.product_id, s.category, s.on_hand, s.currency, s.cost_value
FROM inventory_snapshot s
LEFT JOIN sold ON sold.store_id = s.store_id AND sold.sku = s.sku
WHERE s.dt = (SELECT max(dt) FROM inventory_snapshot) AND s.on_hand > 0 AND sold.sku IS NULL
ORDER BY s.store_id, s.cost_value DESC, s.sku`,
  },
  {
    name: 'top_sellers',
    description: 'Units sold (stock leaving on sale) per store and SKU over the last 28 days, most first',
    sql: `SELECT store_id, sku, product_id, -sum(on_hand_delta) AS units, max(moved_at) AS last_sold_at
FROM inventory_movements
WHERE dt >= ${since(28)} AND reason = 'sale'
GROUP BY store_id, sku, product_id
ORDER BY store_id, units DESC, sku`,
  },
];
