import type * as z from 'zod/mini';
import {
  BackInStockDetail,
  CustomerCreatedDetail,
  LevelChangedDetail,
  LowStockDetail,
  OrderDetail,
  OrderRefundedDetail,
  OutOfStockDetail,
  ProductDetail,
  PurchaseOrderDetail,
  StockAlertDetail,
  StockHealthDetail,
  StocktakeSubmittedDetail,
  TransferDetail,
} from './event-schemas.js';

/** The one list of domain events: what the translation may emit, the docs and samples show. */
export interface EventDefinition {
  source: `storefleet.${string}`;
  detailType: string;
  description: string;
  schema: z.ZodMiniObject;
  example: Record<string, unknown>;
}

const envelope = (detailType: string, actor = 'user-manager-1') => ({
  version: 1,
  eventId: `4b8f3a2e9c1d4e5f8a7b6c5d4e3f2a1b:${detailType}`,
  occurredAt: '2026-03-02T09:15:00.000Z',
  actor,
});

const quantities = (available: number, onHand = available) => ({
  onHand,
  committed: onHand - available,
  unavailable: 0,
  available,
  incoming: 0,
});
const level = { storeId: 'st_syd01', sku: 'LENS-ACU-300', productId: 'pr_acuvue' };
const rule = { reorderPoint: 5, reorderQuantity: 20, safetyStock: 2, preferredSupplierId: 'su_jnj' };

const product = (status: 'draft' | 'active' | 'archived') => ({
  productId: 'pr_acuvue',
  name: 'Acuvue Oasys',
  category: 'contact-lenses',
  brand: 'Acuvue',
  status,
  variants: [
    { sku: 'LENS-ACU-300', status: 'active', price: 4500, currency: 'AUD', barcode: '9300000000017' },
  ],
});

const order = (status: string, extra: Record<string, unknown> = {}) => ({
  orderId: 'or_01hx3k',
  storeId: 'st_syd01',
  customerId: 'cu_jane',
  channel: 'in_store',
  status,
  currency: 'AUD',
  subtotal: 9000,
  discountTotal: 0,
  taxTotal: 818,
  total: 9000,
  amountPaid: status === 'PENDING_PAYMENT' ? 0 : 9000,
  amountDue: status === 'PENDING_PAYMENT' ? 9000 : 0,
  amountRefunded: 0,
  lines: [{ sku: 'LENS-ACU-300', productId: 'pr_acuvue', quantity: 2, netTotal: 9000 }],
  ...extra,
});

const transfer = (status: string, previousStatus?: string) => ({
  transferId: 'tr_01hx4m',
  fromStoreId: 'st_par02',
  toStoreId: 'st_syd01',
  status,
  ...(previousStatus ? { previousStatus } : {}),
  lines: [{ sku: 'LENS-ACU-300', productId: 'pr_acuvue', quantity: 10 }],
});

const purchaseOrder = (status: string, previousStatus?: string, received = 0) => ({
  purchaseOrderId: 'po_01hx5n',
  storeId: 'st_syd01',
  supplierId: 'su_jnj',
  status,
  ...(previousStatus ? { previousStatus } : {}),
  currency: 'AUD',
  total: 40000,
  lines: [{ sku: 'LENS-ACU-300', productId: 'pr_acuvue', quantity: 20, received, unitCost: 2000 }],
});

const define = (
  domain: string,
  detailType: string,
  schema: z.ZodMiniObject,
  description: string,
  body: Record<string, unknown>,
  actor?: string,
): EventDefinition => ({
  source: `storefleet.${domain}`,
  detailType,
  description,
  schema,
  example: { ...envelope(detailType, actor), ...body },
});

const transferStatus = (detailType: string, status: string, from: string | undefined, description: string) =>
  define('transfers', detailType, TransferDetail, description, transfer(status, from));
const poStatus = (
  detailType: string,
  status: string,
  from: string | undefined,
  description: string,
  received = 0,
) =>
  define('purchasing', detailType, PurchaseOrderDetail, description, purchaseOrder(status, from, received));

export const EVENT_CATALOG: readonly EventDefinition[] = [
  define('catalog', 'Product.Created', ProductDetail, 'A product was created.', {
    ...product('active'),
    changedFields: [],
    productVersion: 1,
  }),
  define(
    'catalog',
    'Product.Updated',
    ProductDetail,
    'A product changed (name, variants, prices, status other than archiving…); `changedFields` says which.',
    { ...product('active'), changedFields: ['variants'], productVersion: 3 },
  ),
  define('catalog', 'Product.Archived', ProductDetail, 'A product’s status became `archived`.', {
    ...product('archived'),
    previousStatus: 'active',
    changedFields: ['status'],
    productVersion: 4,
  }),
  define(
    'inventory',
    'Inventory.LevelChanged',
    LevelChangedDetail,
    'A store’s quantities of a SKU changed (sale, receipt, transfer, adjustment, stocktake…).',
    {
      ...level,
      before: quantities(7),
      after: quantities(5, 7),
      delta: { onHand: 0, committed: 2, unavailable: 0, available: -2, incoming: 0 },
      reorderRule: rule,
    },
  ),
  define(
    'inventory',
    'Inventory.LowStock',
    LowStockDetail,
    'Available crossed from above the reorder point to at or below it (or a rule now puts it there): once per crossing, not again while it stays low.',
    { ...level, ...quantities(5, 7), before: quantities(7), ...rule, cause: 'stock' },
  ),
  define('inventory', 'Inventory.OutOfStock', OutOfStockDetail, 'Available went from above zero to zero.', {
    ...level,
    ...quantities(0, 2),
    before: quantities(2),
    reorderRule: rule,
  }),
  define(
    'inventory',
    'Inventory.BackInStock',
    BackInStockDetail,
    'Available went from zero to above zero (including a SKU’s first stock at a store).',
    { ...level, ...quantities(20), before: quantities(0), reorderRule: rule },
  ),
  define(
    'inventory',
    'Inventory.StockHealth',
    StockHealthDetail,
    'The daily sweep’s summary of a store’s stock: levels at or below their reorder point, out of stock, and what it planned.',
    {
      storeId: 'st_syd01',
      sweptOn: '2026-03-02',
      belowReorderPoint: 4,
      outOfStock: 1,
      plannedNow: 1,
      alreadyOpen: 2,
      notPlanned: 1,
      failed: 0,
    },
    'system:sweep-replenishments',
  ),
  define(
    'replenishment',
    'Inventory.StockAlert',
    StockAlertDetail,
    'The planner’s answer to an `Inventory.LowStock` or `Inventory.OutOfStock` crossing: what it planned, or why nothing. The stock-alert topic is notified from it.',
    {
      alert: 'Inventory.LowStock',
      crossingEventId: '4b8f3a2e9c1d4e5f8a7b6c5d4e3f2a1b:Inventory.LowStock',
      ...level,
      available: 5,
      reorderPoint: 5,
      reorderQuantity: 20,
      outcome: 'planned',
      replenishmentId: 'rp_0f3c9a7d2e4b6a8c1d3e5f7a9b',
      transfers: [{ transferId: 'tr_01hx4m', fromStoreId: 'st_par02', quantity: 12 }],
      purchaseOrder: { purchaseOrderId: 'po_01hx5n', supplierId: 'su_jnj', quantity: 8 },
      plan: 'replenishment rp_0f3c9a7d2e4b6a8c1d3e5f7a9b: transfer tr_01hx4m of 12 from st_par02 (DRAFT), purchase order po_01hx5n of 8 from su_jnj (DRAFT)',
    },
    'system:replenishment',
  ),
  define('orders', 'Order.Placed', OrderDetail, 'An order was placed (usually PENDING_PAYMENT).', {
    ...order('PENDING_PAYMENT'),
  }),
  define('orders', 'Order.Paid', OrderDetail, 'An order was paid in full (status PAID).', {
    ...order('PAID', { previousStatus: 'PENDING_PAYMENT', receiptNumber: 'SYD-01-000123' }),
  }),
  define('orders', 'Order.Fulfilled', OrderDetail, 'An order was fulfilled (picked up or shipped).', {
    ...order('FULFILLED', { previousStatus: 'PAID', receiptNumber: 'SYD-01-000123' }),
  }),
  define('orders', 'Order.Completed', OrderDetail, 'An order was completed.', {
    ...order('COMPLETED', { previousStatus: 'FULFILLED', receiptNumber: 'SYD-01-000123' }),
  }),
  define(
    'orders',
    'Order.Cancelled',
    OrderDetail,
    'An order was cancelled by a person (money paid is refunded: an `Order.Refunded` follows).',
    {
      ...order('CANCELLED', {
        previousStatus: 'PAID',
        amountRefunded: 9000,
        cancelReason: 'customer changed mind',
      }),
    },
  ),
  define(
    'orders',
    'Order.Expired',
    OrderDetail,
    'An unpaid order was cancelled by the expiry job because its time to pay ran out.',
    { ...order('CANCELLED', { previousStatus: 'PENDING_PAYMENT', amountDue: 0, cancelReason: 'expired' }) },
    'system:expire-unpaid-orders',
  ),
  define(
    'orders',
    'Order.Refunded',
    OrderRefundedDetail,
    'Money was refunded on an order (a refund, or the cancellation of a paid order); `refundAmount` is this refund.',
    {
      ...order('COMPLETED', { receiptNumber: 'SYD-01-000123', amountRefunded: 4500 }),
      refundAmount: 4500,
      taxRefunded: 409,
    },
  ),
  transferStatus('Transfer.Created', 'DRAFT', undefined, 'A transfer between two stores was drafted.'),
  transferStatus(
    'Transfer.Ready',
    'READY_TO_SHIP',
    'DRAFT',
    'A transfer is ready to ship (stock committed at the origin).',
  ),
  transferStatus(
    'Transfer.Shipped',
    'IN_TRANSIT',
    'READY_TO_SHIP',
    'A transfer left the origin (in transit).',
  ),
  transferStatus(
    'Transfer.Received',
    'RECEIVED',
    'IN_TRANSIT',
    'A transfer was received at the destination.',
  ),
  transferStatus('Transfer.Cancelled', 'CANCELLED', 'DRAFT', 'A transfer was cancelled.'),
  poStatus('PurchaseOrder.Created', 'DRAFT', undefined, 'A purchase order was drafted.'),
  poStatus(
    'PurchaseOrder.Ordered',
    'ORDERED',
    'DRAFT',
    'A purchase order was sent to the supplier (stock incoming).',
  ),
  poStatus(
    'PurchaseOrder.PartiallyReceived',
    'PARTIALLY_RECEIVED',
    'ORDERED',
    'Part of a purchase order was received (once per receipt while lines are outstanding).',
    8,
  ),
  poStatus(
    'PurchaseOrder.Received',
    'RECEIVED',
    'PARTIALLY_RECEIVED',
    'Every line of a purchase order was received.',
    20,
  ),
  poStatus(
    'PurchaseOrder.Closed',
    'CLOSED',
    'PARTIALLY_RECEIVED',
    'A purchase order was closed (the rest will not come).',
    8,
  ),
  poStatus('PurchaseOrder.Cancelled', 'CANCELLED', 'ORDERED', 'A purchase order was cancelled.'),
  define('customers', 'Customer.Created', CustomerCreatedDetail, 'A customer was registered.', {
    customerId: 'cu_jane',
    marketingOptIn: true,
    tags: ['vip'],
  }),
  define(
    'inventory',
    'Stocktake.Submitted',
    StocktakeSubmittedDetail,
    'A stocktake (count) was submitted at a store.',
    {
      stocktakeId: '01HX6P0Q2R3S4T5V6W7X8Y9Z0A',
      storeId: 'st_syd01',
      at: '2026-03-02T09:15:00.000Z',
      applied: [{ sku: 'LENS-ACU-300', expected: 7, counted: 6, variance: -1 }],
      conflicts: [],
      totalVariance: -1,
    },
  ),
];

const byDetailType = new Map(EVENT_CATALOG.map((definition) => [definition.detailType, definition]));

/** The definition of a detail-type; throws for one not in the catalog (a programming error). */
export const eventDefinition = (detailType: string): EventDefinition => {
  const definition = byDetailType.get(detailType);
  if (!definition) throw new Error(`No domain event ${detailType} in the catalog`);
  return definition;
};
