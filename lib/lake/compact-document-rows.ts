import type { ItemImage } from './compact-changes-read.js';
import { canonicalJson, integer, listAt, sumOf, text } from './compact-values.js';
import type { LakeRow } from './parquet-table.js';

/** Row mappers of the stock documents (lib/lake/curated-tables.ts): transfers, purchase_orders. */

export const transferRow = (transfer: ItemImage): LakeRow => {
  const lines = listAt(transfer, 'lines');
  return {
    transfer_id: text(transfer, 'transferId'),
    from_store_id: text(transfer, 'fromStoreId'),
    to_store_id: text(transfer, 'toStoreId'),
    status: text(transfer, 'status'),
    line_count: lines.length,
    units: sumOf(lines, 'quantity'),
    units_shipped: sumOf(lines, 'shipped'),
    units_received: sumOf(lines, 'received'),
    units_short: sumOf(lines, 'shortfall'),
    lines: canonicalJson(lines),
    created_at: text(transfer, 'createdAt'),
    ready_at: text(transfer, 'readyAt'),
    shipped_at: text(transfer, 'shippedAt'),
    received_at: text(transfer, 'receivedAt'),
    cancelled_at: text(transfer, 'cancelledAt'),
    updated_at: text(transfer, 'updatedAt'),
    version: integer(transfer, 'version'),
  };
};

export const purchaseOrderRow = (order: ItemImage): LakeRow => {
  const lines = listAt(order, 'lines');
  return {
    purchase_order_id: text(order, 'purchaseOrderId'),
    supplier_id: text(order, 'supplierId'),
    store_id: text(order, 'storeId'),
    status: text(order, 'status'),
    currency: text(order, 'currency'),
    total: integer(order, 'total'),
    line_count: lines.length,
    units: sumOf(lines, 'quantity'),
    units_received: sumOf(lines, 'received'),
    lines: canonicalJson(lines),
    created_at: text(order, 'createdAt'),
    ordered_at: text(order, 'orderedAt'),
    expected_at: text(order, 'expectedAt'),
    last_received_at: text(order, 'lastReceivedAt'),
    closed_at: text(order, 'closedAt'),
    cancelled_at: text(order, 'cancelledAt'),
    updated_at: text(order, 'updatedAt'),
    version: integer(order, 'version'),
  };
};
