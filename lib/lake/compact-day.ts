import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ENTITY } from '../db/keys.js';
import { reportObjects } from '../reports/report-objects.js';
import {
  type ChangeRow,
  type FinalState,
  finalStates,
  getObjectBytes,
  insertedImages,
  listKeys,
  readDayChanges,
} from './compact-changes-read.js';
import { purchaseOrderRow, transferRow } from './compact-document-rows.js';
import {
  type OrderFacts,
  orderLineRows,
  orderRow,
  paymentRow,
  refundRow,
  type SkuFacts,
} from './compact-order-rows.js';
import { customerRow, productRows, storeRow } from './compact-reference-rows.js';
import { applyDay } from './compact-state.js';
import { levelRow, movementRow, priceSnapshotRow } from './compact-stock-rows.js';
import { sortRows, text } from './compact-values.js';
import {
  type CuratedTableName,
  customersTable,
  inventoryMovementsTable,
  inventorySnapshotTable,
  orderLinesTable,
  ordersTable,
  paymentsTable,
  productsTable,
  purchaseOrdersTable,
  refundsTable,
  storesTable,
  transfersTable,
} from './curated-tables.js';
import { assertLakeDay, previousDay } from './lake-days.js';
import type { LakeEntityType } from './lake-entities.js';
import type { LakeTable } from './lake-table-types.js';
import { decodeParquet, encodeParquet, type LakeRow } from './parquet-table.js';
import { customerKey } from './pseudonym.js';
import { stockReportTable } from './stock-report-file.js';

/** Where a curated table's partition lives: one file per table and day. */
export const curatedKey = (table: string, day: string): string =>
  `curated/${table}/dt=${day}/part-00000.parquet`;

export interface CompactDayOptions {
  s3: S3Client;
  bucket: string;
  day: string;
}

export interface CompactedTable {
  table: CuratedTableName;
  key: string;
  rows: number;
  bytes: number;
}

export interface CompactionResult {
  day: string;
  /** Change rows read (after removing duplicates). */
  changes: number;
  tables: CompactedTable[];
}

/** The state tables need the day before; one missing in the middle of the lake would drop its state. */
export class MissingPreviousDayError extends Error {
  constructor(day: string, previous: string) {
    super(`Cannot compact ${day}: ${previous} is not compacted yet (compact it first)`);
    this.name = 'MissingPreviousDayError';
  }
}

const READ_ENTITIES = [
  ENTITY.order,
  ENTITY.payment,
  ENTITY.refund,
  ENTITY.inventoryMovement,
  ENTITY.inventoryLevel,
  ENTITY.transfer,
  ENTITY.purchaseOrder,
  ENTITY.product,
  ENTITY.store,
  ENTITY.customer,
] as const satisfies readonly LakeEntityType[];
type ReadEntity = (typeof READ_ENTITIES)[number];

/** The previous day's partition of a state table, or null when the lake has never had one. */
const readPrevious = async (
  options: CompactDayOptions,
  table: LakeTable,
  previous: string,
): Promise<LakeRow[] | null> => {
  const key = curatedKey(table.name, previous);
  const keys = await listKeys(options.s3, options.bucket, `curated/${table.name}/dt=`);
  if (keys.includes(key)) return decodeParquet(table, await getObjectBytes(options.s3, options.bucket, key));
  if (keys.some((other) => other < key)) throw new MissingPreviousDayError(options.day, previous);
  return null;
};

const present = (states: readonly FinalState[]) =>
  states.flatMap((state) => (state.image ? [state.image] : []));

/** The curated rows of one day from its changes and the previous day's state tables (pure). */
export const curatedRowsOfDay = (
  day: string,
  changes: Readonly<Record<ReadEntity, readonly ChangeRow[]>>,
  previous: Readonly<Record<'products' | 'stores' | 'customers' | 'inventory_snapshot', readonly LakeRow[]>>,
): Record<CuratedTableName, LakeRow[]> => {
  const products = applyDay(
    previous.products,
    finalStates(changes.Product),
    (row) => String(row.product_id),
    (image) => text(image, 'productId'),
    productRows,
  );
  const skus = new Map<string, SkuFacts>();
  for (const row of products) {
    if (typeof row.sku !== 'string') continue;
    skus.set(row.sku, {
      cost: typeof row.cost === 'number' ? row.cost : null,
      currency: typeof row.currency === 'string' ? row.currency : null,
      category: typeof row.category === 'string' ? row.category : null,
    });
  }
  const skuFacts = (sku: string) => skus.get(sku);

  const stores = applyDay(
    previous.stores,
    finalStates(changes.Store),
    (row) => String(row.store_id),
    (image) => text(image, 'storeId'),
    (image) => [storeRow(image)],
  );
  const regions = new Map(
    stores.map((row) => [String(row.store_id), typeof row.region === 'string' ? row.region : null]),
  );
  const regionOf = (storeId: string) => regions.get(storeId) ?? null;

  // Carried-over customers are re-regioned too, in case their preferred store moved region.
  const customers = applyDay(
    previous.customers,
    finalStates(changes.Customer),
    (row) => String(row.customer_key),
    (image) => {
      const customerId = text(image, 'customerId');
      return customerId === null ? null : customerKey(customerId);
    },
    (image) => [customerRow(image, day, regionOf)],
  ).map((row) => ({
    ...row,
    region: typeof row.preferred_store_id === 'string' ? regionOf(row.preferred_store_id) : null,
  }));

  const orderStates = finalStates(changes.Order);
  const orders = present(orderStates);
  const orderFacts = new Map<string, OrderFacts>();
  for (const state of orderStates) {
    const orderId = text(state.identity, 'orderId');
    if (orderId !== null)
      orderFacts.set(orderId, {
        storeId: text(state.identity, 'storeId'),
        currency: text(state.identity, 'currency'),
      });
  }
  const orderOf = (orderId: string) => orderFacts.get(orderId);

  const snapshot = applyDay(
    previous.inventory_snapshot,
    finalStates(changes.InventoryLevel),
    (row) => `${String(row.store_id)}\u0000${String(row.sku)}`,
    (image) => {
      const storeId = text(image, 'storeId');
      const sku = text(image, 'sku');
      return storeId === null || sku === null ? null : `${storeId}\u0000${sku}`;
    },
    (image) => [levelRow(image)],
  ).map((row) => priceSnapshotRow(row, skuFacts));

  return {
    orders: sortRows(orders.map(orderRow), ['created_at', 'order_id']),
    order_lines: sortRows(
      orders.flatMap((order) => orderLineRows(order, skuFacts)),
      ['order_created_at', 'order_id', 'line_number'],
    ),
    payments: sortRows(
      insertedImages(changes.Payment).map((payment) => paymentRow(payment, orderOf)),
      ['created_at', 'payment_id'],
    ),
    refunds: sortRows(
      insertedImages(changes.Refund).map((refund) => refundRow(refund, orderOf)),
      ['created_at', 'refund_id'],
    ),
    inventory_movements: sortRows(
      insertedImages(changes.InventoryMovement).map((movement) => movementRow(movement, skuFacts)),
      ['moved_at', 'movement_id'],
    ),
    inventory_snapshot: sortRows(snapshot, ['store_id', 'sku']),
    transfers: sortRows(present(finalStates(changes.Transfer)).map(transferRow), [
      'created_at',
      'transfer_id',
    ]),
    purchase_orders: sortRows(present(finalStates(changes.PurchaseOrder)).map(purchaseOrderRow), [
      'created_at',
      'purchase_order_id',
    ]),
    products: sortRows(products, ['product_id', 'sku']),
    stores: sortRows(stores, ['store_id']),
    customers: sortRows(customers, ['customer_key']),
  };
};

const TABLES: Readonly<Record<CuratedTableName, LakeTable>> = {
  orders: ordersTable,
  order_lines: orderLinesTable,
  payments: paymentsTable,
  refunds: refundsTable,
  inventory_movements: inventoryMovementsTable,
  inventory_snapshot: inventorySnapshotTable,
  transfers: transfersTable,
  purchase_orders: purchaseOrdersTable,
  products: productsTable,
  stores: storesTable,
  customers: customersTable,
};

/**
 * Compacts one UTC day's changes into every curated table (a file per table, empty tables
 * included, so each day's partition exists). Re-runnable: the files depend only on the day's
 * changes and the previous day's state tables, so a re-run writes the same bytes over them.
 */
export const compactDay = async (options: CompactDayOptions): Promise<CompactionResult> => {
  const day = assertLakeDay(options.day);
  const previous = previousDay(day);
  const read = await Promise.all(
    READ_ENTITIES.map(
      async (entity) => [entity, await readDayChanges(options.s3, options.bucket, entity, day)] as const,
    ),
  );
  const changes = Object.fromEntries(read) as Record<ReadEntity, ChangeRow[]>;
  const [products, stores, customers, snapshot] = await Promise.all(
    [productsTable, storesTable, customersTable, inventorySnapshotTable].map((table) =>
      readPrevious(options, table, previous),
    ),
  );
  const rows = curatedRowsOfDay(day, changes, {
    products: products ?? [],
    stores: stores ?? [],
    customers: customers ?? [],
    inventory_snapshot: snapshot ?? [],
  });
  const tables: CompactedTable[] = [];
  for (const [name, table] of Object.entries(TABLES) as [CuratedTableName, LakeTable][]) {
    const body = encodeParquet(table, rows[name]);
    const key = curatedKey(name, day);
    await options.s3.send(
      new PutObjectCommand({
        Bucket: options.bucket,
        Key: key,
        Body: body,
        ContentType: 'application/vnd.apache.parquet',
      }),
    );
    tables.push({ table: name, key, rows: rows[name].length, bytes: body.byteLength });
  }
  // The day's stock report file (CSV, Parquet, manifest last) from the state just built.
  for (const object of reportObjects(stockReportTable(rows.inventory_snapshot), day))
    await options.s3.send(
      new PutObjectCommand({
        Bucket: options.bucket,
        Key: object.key,
        Body: object.body,
        ContentType: object.contentType,
      }),
    );
  return { day, changes: read.reduce((sum, [, entityRows]) => sum + entityRows.length, 0), tables };
};
