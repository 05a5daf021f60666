import type { LakeColumn, LakeColumnType, LakePartitionKey, LakeTable } from './lake-table-types.js';

/**
 * The curated tables: Parquet, one file per daily partition under `curated/<table>/dt=<day>/`,
 * written by the daily compaction job (lib/lake/compact-day.ts) from that day's changes.
 *
 * Two kinds of table, and the `dt` they carry:
 * - **changed that day** (`orders`, `order_lines`, `transfers`, `purchase_orders`): the state at
 *   the end of `dt` of each record that changed on `dt`; a record changed on several days has a
 *   row in each, so "the latest" is the row of its greatest `dt` (`updated_at` orders them too).
 * - **recorded that day** (`payments`, `refunds`, `inventory_movements`): immutable entries,
 *   each in the partition of the day it was made.
 * - **state at the end of the day** (`inventory_snapshot`, `products`, `stores`, `customers`):
 *   every live record, the previous day's partition plus that day's changes, so `dt = <day>`
 *   answers "as at that day" and `dt = max(dt)` the latest.
 *
 * Money is integer minor units with the `currency` beside it; timestamps are UTC.
 * Customers are pseudonymous: `customer_key` replaces the customer id everywhere, and no name,
 * email, phone, birth date or prescription reaches the lake (lib/lake/pseudonym.ts).
 */

const dt: LakePartitionKey = {
  name: 'dt',
  type: 'date-string',
  description: 'UTC day of the partition (YYYY-MM-DD)',
};

const col = (name: string, type: LakeColumnType, description: string): LakeColumn => ({
  name,
  type,
  description,
});
const money = (name: string, description: string) => col(name, 'bigint', `${description} (minor units)`);
const at = (name: string, description: string) => col(name, 'timestamp', `${description} (UTC)`);

const curated = (name: string, description: string, columns: LakeColumn[]): LakeTable => ({
  name,
  description,
  prefix: `curated/${name}/`,
  format: 'parquet',
  partitionKeys: [dt],
  columns,
});

const currency = col('currency', 'string', 'ISO 4217 code of every amount in the row');
const version = col('version', 'bigint', 'The record’s version at the end of the day');
const updatedAt = at('updated_at', 'Last change of the record on or before the day');

export const ordersTable = curated(
  'orders',
  'Each order that changed on the day, as it stood at the end of it',
  [
    col('order_id', 'string', 'Order id'),
    col('store_id', 'string', 'Store that took the order'),
    col('channel', 'string', 'online, in_store or marketplace'),
    col('customer_key', 'string', 'Pseudonymous customer id (absent for anonymous sales)'),
    col('status', 'string', 'PENDING_PAYMENT, PAID, FULFILLED, COMPLETED or CANCELLED'),
    currency,
    col('line_count', 'int', 'Number of lines'),
    col('units', 'bigint', 'Units ordered'),
    money('subtotal', 'Sum of the lines before promotions'),
    money('discount_total', 'Promotion discounts'),
    money('points_discount', 'Loyalty points redeemed, as money'),
    money('tax_total', 'Tax of the lines (included in total or added to it)'),
    money('tax_refunded', 'Tax returned by refunds so far'),
    money('total', 'What the customer pays'),
    money('amount_paid', 'Paid so far'),
    money('amount_due', 'Still to pay'),
    money('amount_refunded', 'Refunded so far'),
    col('prices_include_tax', 'boolean', 'Whether unit prices include tax'),
    col('coupon_code', 'string', 'Coupon used, if any'),
    col('receipt_number', 'string', 'Receipt number, given when paid'),
    at('created_at', 'When the order was placed'),
    at('paid_at', 'When it was paid in full'),
    at('fulfilled_at', 'When it was fulfilled'),
    at('completed_at', 'When it was completed'),
    at('cancelled_at', 'When it was cancelled'),
    updatedAt,
    version,
  ],
);

export const orderLinesTable = curated(
  'order_lines',
  'The lines of each order that changed on the day, as they stood at the end of it',
  [
    col('order_id', 'string', 'Order id'),
    col('line_number', 'int', 'Position of the line in the order, from 1'),
    col('store_id', 'string', 'Store that took the order'),
    col('channel', 'string', 'online, in_store or marketplace'),
    col('order_status', 'string', 'The order’s status at the end of the day'),
    at('order_created_at', 'When the order was placed'),
    currency,
    col('sku', 'string', 'SKU sold'),
    col('product_id', 'string', 'Product of the SKU'),
    col('category', 'string', 'Product category when sold'),
    col('quantity', 'bigint', 'Units ordered'),
    col('refunded_quantity', 'bigint', 'Units refunded so far'),
    money('unit_price', 'Unit price'),
    money('line_subtotal', 'quantity × unit price'),
    money('discount', 'Promotion discount on the line'),
    money('allocated_discount', 'Share of order-level reductions (points, order-wide promotions)'),
    money('net_total', 'What the customer pays for the line, tax included'),
    money('tax_amount', 'Tax of the line'),
    col('tax_rate', 'int', 'Tax rate in basis points (1000 = 10%)'),
    money('unit_cost', 'Unit cost of the SKU per the catalog at the end of the day (absent if unknown)'),
    money('cost', 'quantity × unit_cost (absent if unknown)'),
    version,
  ],
);

export const paymentsTable = curated('payments', 'Payments recorded on the day', [
  col('payment_id', 'string', 'Payment id'),
  col('order_id', 'string', 'Order paid'),
  col('store_id', 'string', 'Store of the order'),
  currency,
  col('method', 'string', 'cash, card, alipay, wechat_pay or other'),
  money('amount', 'Amount taken'),
  at('created_at', 'When it was taken'),
  col('created_by', 'string', 'Who took it'),
]);

export const refundsTable = curated('refunds', 'Refunds made on the day', [
  col('refund_id', 'string', 'Refund id'),
  col('order_id', 'string', 'Order refunded'),
  col('store_id', 'string', 'Store of the order'),
  currency,
  money('amount', 'Amount refunded, tax included'),
  money('tax', 'Tax in amount'),
  col('units', 'bigint', 'Units refunded'),
  col('restock', 'string', 'available, unavailable or none'),
  col('credit_note_number', 'string', 'Credit note number, if the order had a receipt'),
  col('lines', 'string', 'The refunded lines (JSON: sku, quantity, amount, tax)'),
  at('created_at', 'When it was made'),
  col('created_by', 'string', 'Who made it'),
]);

export const inventoryMovementsTable = curated(
  'inventory_movements',
  'Stock movements recorded on the day (the ledger)',
  [
    col('movement_id', 'string', 'Movement id'),
    col('store_id', 'string', 'Store'),
    col('sku', 'string', 'SKU'),
    col('product_id', 'string', 'Product of the SKU'),
    col('reason', 'string', 'Why stock moved (sale, receipt, damage, commit, …)'),
    col('on_hand_delta', 'bigint', 'Change of units on hand'),
    col('committed_delta', 'bigint', 'Change of units committed'),
    col('unavailable_delta', 'bigint', 'Change of units set aside'),
    col('incoming_delta', 'bigint', 'Change of units incoming'),
    col('reference_type', 'string', 'order, transfer, purchase_order, stocktake, refund or adjustment'),
    col('reference_id', 'string', 'Id of the referenced record'),
    currency,
    money('unit_cost', 'Unit cost of the SKU per the catalog at the end of the day'),
    money('cost_value_delta', 'on_hand_delta × unit_cost'),
    col('actor', 'string', 'Who moved it'),
    at('moved_at', 'When it moved'),
  ],
);

export const inventorySnapshotTable = curated(
  'inventory_snapshot',
  'Every store × SKU stock level at the end of the day, with its value at cost',
  [
    col('store_id', 'string', 'Store'),
    col('sku', 'string', 'SKU'),
    col('product_id', 'string', 'Product of the SKU'),
    col('category', 'string', 'Product category'),
    col('on_hand', 'bigint', 'Units physically in the store'),
    col('committed', 'bigint', 'Units held for orders and outgoing transfers'),
    col('unavailable', 'bigint', 'Units set aside (damaged)'),
    col('available', 'bigint', 'on_hand − committed − unavailable'),
    col('incoming', 'bigint', 'Units on their way'),
    col('reorder_point', 'bigint', 'Reorder point (absent without a reorder rule)'),
    col('at_or_below_reorder_point', 'boolean', 'available ≤ reorder point'),
    currency,
    money('unit_cost', 'Unit cost per the catalog at the end of the day'),
    money('cost_value', 'on_hand × unit_cost'),
    updatedAt,
  ],
);

export const transfersTable = curated(
  'transfers',
  'Each transfer that changed on the day, as it stood at the end of it',
  [
    col('transfer_id', 'string', 'Transfer id'),
    col('from_store_id', 'string', 'Store giving the stock'),
    col('to_store_id', 'string', 'Store receiving it'),
    col('status', 'string', 'Transfer status'),
    col('line_count', 'int', 'Number of lines'),
    col('units', 'bigint', 'Units requested'),
    col('units_shipped', 'bigint', 'Units shipped'),
    col('units_received', 'bigint', 'Units received'),
    col('units_short', 'bigint', 'Units shipped but not received'),
    col('lines', 'string', 'The lines (JSON: sku, productId, quantity, shipped, received, shortfall)'),
    at('created_at', 'When it was requested'),
    at('ready_at', 'When stock was committed at the giving store'),
    at('shipped_at', 'When it was shipped'),
    at('received_at', 'When it was received'),
    at('cancelled_at', 'When it was cancelled'),
    updatedAt,
    version,
  ],
);

export const purchaseOrdersTable = curated(
  'purchase_orders',
  'Each purchase order that changed on the day, as it stood at the end of it',
  [
    col('purchase_order_id', 'string', 'Purchase order id'),
    col('supplier_id', 'string', 'Supplier'),
    col('store_id', 'string', 'Store receiving the goods'),
    col('status', 'string', 'Purchase order status'),
    currency,
    money('total', 'Sum of quantity × unit cost'),
    col('line_count', 'int', 'Number of lines'),
    col('units', 'bigint', 'Units ordered'),
    col('units_received', 'bigint', 'Units received so far'),
    col('lines', 'string', 'The lines (JSON: sku, productId, quantity, unitCost, received, lineTotal)'),
    at('created_at', 'When it was drafted'),
    at('ordered_at', 'When it was sent to the supplier'),
    at('expected_at', 'When the goods are expected'),
    at('last_received_at', 'Last receipt of goods'),
    at('closed_at', 'When it was closed'),
    at('cancelled_at', 'When it was cancelled'),
    updatedAt,
    version,
  ],
);

export const productsTable = curated(
  'products',
  'Every product variant (SKU), latest state at the end of the day',
  [
    col('product_id', 'string', 'Product id'),
    col('sku', 'string', 'SKU of the variant'),
    col('name', 'string', 'Product name'),
    col('category', 'string', 'Category'),
    col('brand', 'string', 'Brand'),
    col('status', 'string', 'Product status (draft, active, archived)'),
    col('variant_status', 'string', 'Variant status (active, archived)'),
    col('options', 'string', 'Variant options (JSON object)'),
    currency,
    money('price', 'Selling price'),
    money('cost', 'Unit cost'),
    col('barcode', 'string', 'Barcode, if any'),
    at('created_at', 'When the product was created'),
    updatedAt,
    version,
  ],
);

export const storesTable = curated('stores', 'Every store, latest state at the end of the day', [
  col('store_id', 'string', 'Store id'),
  col('code', 'string', 'Store code'),
  col('name', 'string', 'Store name'),
  col('region', 'string', 'Region'),
  col('city', 'string', 'City'),
  col('country', 'string', 'ISO 3166 country code'),
  col('timezone', 'string', 'IANA time zone'),
  col('status', 'string', 'Store status'),
  col('channels', 'string', 'Sales channels, comma-separated'),
  col('prices_include_tax', 'boolean', 'Whether prices include tax (absent: the country’s default)'),
  at('created_at', 'When the store was created'),
  updatedAt,
  version,
]);

export const customersTable = curated(
  'customers',
  'Every customer, pseudonymous, latest state at the end of the day (no names, contacts or prescriptions)',
  [
    col('customer_key', 'string', 'Pseudonymous customer id (the same in orders)'),
    col(
      'age_band',
      'string',
      'Age in ten-year bands (e.g. 30-39) when the record last changed, if the birth date is known',
    ),
    col('marketing_opt_in', 'boolean', 'Whether the customer accepts marketing'),
    col('contact_channel', 'string', 'Preferred contact channel'),
    col('preferred_store_id', 'string', 'Preferred store'),
    col('region', 'string', 'Region of the preferred store'),
    col('tags', 'string', 'Segment tags, comma-separated'),
    col('points_balance', 'bigint', 'Loyalty points balance'),
    at('created_at', 'When the customer signed up'),
    updatedAt,
    version,
  ],
);

/** Every curated table, in the order the compaction job writes them. */
export const curatedTables: readonly LakeTable[] = [
  ordersTable,
  orderLinesTable,
  paymentsTable,
  refundsTable,
  inventoryMovementsTable,
  inventorySnapshotTable,
  transfersTable,
  purchaseOrdersTable,
  productsTable,
  storesTable,
  customersTable,
];

export type CuratedTableName =
  | 'orders'
  | 'order_lines'
  | 'payments'
  | 'refunds'
  | 'inventory_movements'
  | 'inventory_snapshot'
  | 'transfers'
  | 'purchase_orders'
  | 'products'
  | 'stores'
  | 'customers';
