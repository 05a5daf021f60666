/**
 * Every key of the single table is built here and nowhere else (see docs/data-model.md).
 * Entity keys are `<ENTITY>#<id>`; guard items enforce uniqueness of natural keys
 * (store code, SKU, barcode) inside the same transaction as the entity write.
 */
export interface TableKey {
  pk: string;
  sk: string;
}

export const ENTITY = {
  store: 'Store',
  product: 'Product',
  uniqueGuard: 'UniqueGuard',
  inventoryLevel: 'InventoryLevel',
  inventoryMovement: 'InventoryMovement',
  stocktake: 'Stocktake',
  transfer: 'Transfer',
  transferLink: 'TransferLink',
  customer: 'Customer',
  feedback: 'Feedback',
  pointsEntry: 'PointsEntry',
  promotion: 'Promotion',
  promotionUsage: 'PromotionUsage',
  order: 'Order',
  payment: 'Payment',
  refund: 'Refund',
  idempotencyRecord: 'IdempotencyRecord',
  supplier: 'Supplier',
  purchaseOrder: 'PurchaseOrder',
  taxRate: 'TaxRate',
  /** One per region: the rates in force and scheduled, read by order placement (lib/tax/tax-rate-card.ts). */
  taxRateCard: 'TaxRateCard',
  /** One item: every live promotion, read by order placement (lib/promotions/live-promotions-card.ts). */
  livePromotionsCard: 'LivePromotionsCard',
  documentCounter: 'DocumentCounter',
  replenishmentGuard: 'ReplenishmentGuard',
  replenishment: 'Replenishment',
  /** Issue 9: one append-only entry per change of a business entity (written by the change exporter). */
  auditEntry: 'AuditEntry',
  /** Issue 9: a person who signs in (mirror of the user pool: role, stores, enabled). */
  user: 'User',
  /** Issue 9: one bulk import of a CSV file (status, counts, report). */
  importJob: 'Import',
  /** A supplier's price for one SKU (supplier price-list imports). */
  supplierPrice: 'SupplierPrice',
} as const;

export type EntityType = (typeof ENTITY)[keyof typeof ENTITY];

/** Sort-key value of listings: lower-cased so that ordering is by name, not by case. */
const sortable = (value: string): string => value.toLowerCase();

export const storeKeys = {
  item: (storeId: string): TableKey => ({ pk: `STORE#${storeId}`, sk: 'STORE' }),
  /** gsi1: all stores ordered by code. */
  listing: (code: string, storeId: string) => ({ gsi1pk: 'STORES', gsi1sk: `${code}#${storeId}` }),
  listingPartition: 'STORES',
};

/**
 * A product name as the till types it: accents dropped (NFKD without combining marks),
 * lower-case, `#` and runs of white space as one space, so `Café  Crème` is found by `cafe c`.
 * `#` never reaches the key, so it cannot be mistaken for the separator before the id.
 */
const searchable = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s#]+/gu, ' ')
    .trim();

export const productKeys = {
  item: (productId: string): TableKey => ({ pk: `PRODUCT#${productId}`, sk: 'PRODUCT' }),
  /**
   * gsi1: all products by status then name; gsi2: one category's products by status then name;
   * gsi6: all products by searchable name (prefix search, any status or category).
   */
  listings: (product: { productId: string; status: string; name: string; category: string }) => {
    const sortKey = `${product.status}#${sortable(product.name)}#${product.productId}`;
    return {
      gsi1pk: productKeys.allPartition,
      gsi1sk: sortKey,
      gsi2pk: productKeys.categoryPartition(product.category),
      gsi2sk: sortKey,
      gsi6pk: productKeys.namePartition,
      gsi6sk: `${searchable(product.name)}#${product.productId}`,
    };
  },
  allPartition: 'PRODUCTS',
  categoryPartition: (category: string) => `CATEGORY#${sortable(category)}`,
  statusPrefix: (status: string) => `${status}#`,
  namePartition: 'PRODUCT_NAMES',
  /** The gsi6 sort-key prefix for what was typed; empty when nothing searchable is left. */
  namePrefix: (typed: string) => searchable(typed),
};

export type UniqueKind = 'STORE_CODE' | 'SKU' | 'BARCODE' | 'EMAIL' | 'PHONE' | 'COUPON';

export const guardKeys = {
  item: (kind: UniqueKind, value: string): TableKey => ({ pk: `UNIQUE#${kind}#${value}`, sk: 'UNIQUE' }),
};

/**
 * Inventory: one level item per store and SKU in the store's partition, and an immutable
 * movement ledger per store and SKU (sort key = time + ULID, so newest-first is a Query).
 */
export const inventoryKeys = {
  level: (storeId: string, sku: string): TableKey => ({ pk: `STORE#${storeId}`, sk: `INV#${sku}` }),
  storePartition: (storeId: string) => `STORE#${storeId}`,
  levelPrefix: 'INV#',
  /**
   * gsi9 (keys only): one product's levels across stores, by store then SKU. Not on the shared
   * gsi2 (ALL): there every stock change rewrote the level's copy; here only keys are kept,
   * and they never change.
   */
  byProduct: (productId: string, storeId: string, sku: string) => ({
    gsi9pk: inventoryKeys.productPartition(productId),
    gsi9sk: `${storeId}#${sku}`,
  }),
  productPartition: (productId: string) => `INVENTORY#${productId}`,
  movement: (storeId: string, sku: string, at: string, movementId: string): TableKey => ({
    pk: inventoryKeys.movementPartition(storeId, sku),
    sk: `${at}#${movementId}`,
  }),
  movementPartition: (storeId: string, sku: string) => `MOVES#${storeId}#${sku}`,
  /**
   * gsi4 (numeric sort key `reorderGap` = available − reorderPoint, moved atomically with
   * available): present only on levels with a reorder rule, so "below reorder point" is a
   * Query `reorderGap <= 0` on the store's partition, never a filter over every level.
   */
  reorderWatchPartition: (storeId: string) => `STORE#${storeId}#REORDER`,
  /**
   * A stocktake's record (lines applied and in conflict), in the store's partition. Its id is a
   * ULID of the submit time, so sort keys order stocktakes by time and the id alone finds one.
   */
  stocktake: (storeId: string, stocktakeId: string): TableKey => ({
    pk: `STORE#${storeId}`,
    sk: `STOCKTAKE#${stocktakeId}`,
  }),
  stocktakePrefix: 'STOCKTAKE#',
};

/** Time-ordered sort key fragment shared by every "newest first" listing. */
export const timeOrdered = (at: string, id: string) => `${at}#${id}`;

/**
 * Transfers: the transfer item holds its lines; each of the two stores gets a link item in
 * the transfer's partition, indexed by store (gsi1) and by store + status (gsi2), so
 * `GET /stores/{id}/transfers?status=` is one Query whichever side the store is on.
 */
export const transferKeys = {
  item: (transferId: string): TableKey => ({ pk: `TRANSFER#${transferId}`, sk: 'TRANSFER' }),
  link: (transferId: string, storeId: string): TableKey => ({
    pk: `TRANSFER#${transferId}`,
    sk: `LINK#${storeId}`,
  }),
  linkListings: (storeId: string, status: string, createdAt: string, transferId: string) => ({
    gsi1pk: transferKeys.storePartition(storeId),
    gsi1sk: timeOrdered(createdAt, transferId),
    gsi2pk: transferKeys.storeStatusPartition(storeId, status),
    gsi2sk: timeOrdered(createdAt, transferId),
  }),
  storePartition: (storeId: string) => `STORE#${storeId}#TRANSFERS`,
  storeStatusPartition: (storeId: string, status: string) => `STORE#${storeId}#TRANSFERS#${status}`,
};

/** Customers, with their feedback and loyalty points ledger in the same partition. */
export const customerKeys = {
  item: (customerId: string): TableKey => ({ pk: `CUSTOMER#${customerId}`, sk: 'CUSTOMER' }),
  feedback: (customerId: string, at: string, feedbackId: string): TableKey => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `FEEDBACK#${timeOrdered(at, feedbackId)}`,
  }),
  feedbackPrefix: 'FEEDBACK#',
  pointsEntry: (customerId: string, at: string, entryId: string): TableKey => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `POINTS#${timeOrdered(at, entryId)}`,
  }),
  pointsPrefix: 'POINTS#',
  partition: (customerId: string) => `CUSTOMER#${customerId}`,
  /** Normalised values for the unique email and phone guards. */
  emailValue: (email: string) => email.trim().toLowerCase(),
  phoneValue: (phone: string) => phone.replace(/[\s()-]/g, ''),
};

/**
 * Orders: payments and refunds live in the order's partition. gsi7 lists a store's orders by
 * status and gsi8 all of a store's orders (both project the order summary); gsi9 a customer's
 * orders and gsi10 a customer's orders at one store (keys only). All newest first by creation
 * time, so `from`/`to` are a BETWEEN on the sort key. Orders stay off the shared gsi1/gsi2,
 * which project ALL: there every change of the 1.5 KB order would be copied whole.
 */
export const orderKeys = {
  item: (orderId: string): TableKey => ({ pk: `ORDER#${orderId}`, sk: 'ORDER' }),
  payment: (orderId: string, at: string, paymentId: string): TableKey => ({
    pk: `ORDER#${orderId}`,
    sk: `PAYMENT#${timeOrdered(at, paymentId)}`,
  }),
  refund: (orderId: string, at: string, refundId: string): TableKey => ({
    pk: `ORDER#${orderId}`,
    sk: `REFUND#${timeOrdered(at, refundId)}`,
  }),
  partition: (orderId: string) => `ORDER#${orderId}`,
  listings: (order: {
    orderId: string;
    storeId: string;
    status: string;
    createdAt: string;
    customerId?: string | undefined;
  }) => ({
    gsi7pk: orderKeys.storeStatusPartition(order.storeId, order.status),
    gsi7sk: timeOrdered(order.createdAt, order.orderId),
    gsi8pk: orderKeys.storePartition(order.storeId),
    gsi8sk: timeOrdered(order.createdAt, order.orderId),
    ...(order.customerId
      ? {
          gsi9pk: orderKeys.customerPartition(order.customerId),
          gsi9sk: timeOrdered(order.createdAt, order.orderId),
          gsi10pk: orderKeys.customerStorePartition(order.customerId, order.storeId),
          gsi10sk: timeOrdered(order.createdAt, order.orderId),
        }
      : {}),
  }),
  /** gsi10: one customer's orders at one store, so store-scoped callers page exactly. */
  customerStorePartition: (customerId: string, storeId: string) =>
    `CUSTOMER#${customerId}#STORE#${storeId}#ORDERS`,
  storePartition: (storeId: string) => `STORE#${storeId}#ORDERS`,
  storeStatusPartition: (storeId: string, status: string) => `STORE#${storeId}#ORDERS#${status}`,
  customerPartition: (customerId: string) => `CUSTOMER#${customerId}#ORDERS`,
};

/**
 * Listing keys that orders and levels carried before their listings moved to narrow indexes
 * (orders: gsi1/gsi2 and the retired gsi3/gsi5; levels: gsi2). Every order update and stock
 * change REMOVEs them, so an item written before the move leaves the ALL-projecting indexes on
 * its next change; the backfill (infra/local/backfill-index-keys.ts) does it for the rest.
 */
export const LEGACY_LISTING_KEYS = {
  order: ['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'gsi5pk', 'gsi5sk'],
  inventoryLevel: ['gsi2pk', 'gsi2sk'],
} as const;

/**
 * Idempotency records (lib/db/idempotency.ts), scoped so keys of different callers never
 * collide: an order's scope is its store id, a points adjustment's `POINTS#<customerId>`, a
 * payment's or refund's `ORDER#<orderId>#PAY|REFUND`.
 */
export const idempotencyKeys = {
  record: (scope: string, key: string): TableKey => ({
    pk: `IDEMPOTENCY#${scope}#${key}`,
    sk: 'IDEMPOTENCY',
  }),
  pointsScope: (customerId: string) => `POINTS#${customerId}`,
  /** A payment or refund of one order: keys are scoped to the order and the action. */
  orderActionScope: (orderId: string, action: 'pay' | 'refund') => `ORDER#${orderId}#${action.toUpperCase()}`,
};

/** Promotions, with per-customer usage counters in the promotion's partition. */
export const promotionKeys = {
  item: (promotionId: string): TableKey => ({ pk: `PROMOTION#${promotionId}`, sk: 'PROMOTION' }),
  usage: (promotionId: string, customerId: string): TableKey => ({
    pk: `PROMOTION#${promotionId}`,
    sk: `USAGE#${customerId}`,
  }),
  /** gsi1: promotions by status, ordered by end time, so "active and not yet ended" is one Query. */
  listing: (status: string, endsAt: string, promotionId: string) => ({
    gsi1pk: promotionKeys.statusPartition(status),
    gsi1sk: timeOrdered(endsAt, promotionId),
  }),
  statusPartition: (status: string) => `PROMOTIONS#${status}`,
  /** The one item listing every live promotion (active, not ended), rewritten with each change. */
  liveCard: (): TableKey => ({ pk: 'PROMOTIONS#LIVE', sk: 'CARD' }),
};

export const supplierKeys = {
  item: (supplierId: string): TableKey => ({ pk: `SUPPLIER#${supplierId}`, sk: 'SUPPLIER' }),
  listing: (name: string, supplierId: string) => ({
    gsi1pk: 'SUPPLIERS',
    gsi1sk: `${sortable(name)}#${supplierId}`,
  }),
  listingPartition: 'SUPPLIERS',
};

/** Purchase orders: gsi1 lists a store's POs, gsi2 a store's POs in one status. */
export const purchaseOrderKeys = {
  item: (purchaseOrderId: string): TableKey => ({ pk: `PO#${purchaseOrderId}`, sk: 'PO' }),
  listings: (po: { purchaseOrderId: string; storeId: string; status: string; createdAt: string }) => ({
    gsi1pk: `STORE#${po.storeId}#POS`,
    gsi1sk: timeOrdered(po.createdAt, po.purchaseOrderId),
    gsi2pk: `STORE#${po.storeId}#POS#${po.status}`,
    gsi2sk: timeOrdered(po.createdAt, po.purchaseOrderId),
  }),
  storePartition: (storeId: string) => `STORE#${storeId}#POS`,
  storeStatusPartition: (storeId: string, status: string) => `STORE#${storeId}#POS#${status}`,
};

/**
 * Tax rates: one item per region × category × effective instant, in the partition of its
 * region and category, sorted by when it takes effect, so the rate in force at an instant is a
 * Query `sk <= FROM#<instant>`, newest first, limit 1. The primary key is the natural key, so a
 * second rate for the same instant fails its `attribute_not_exists`. gsi1 finds a rate by id;
 * gsi2 lists every rate by region, category and effective instant.
 */
export const taxRateKeys = {
  item: (region: string, category: string, effectiveFrom: string): TableKey => ({
    pk: taxRateKeys.partition(region, category),
    sk: `${taxRateKeys.effectivePrefix}${effectiveFrom}`,
  }),
  partition: (region: string, category: string) => `TAXRATE#${region}#${category}`,
  effectivePrefix: 'FROM#',
  listings: (rate: { taxRateId: string; region: string; category: string; effectiveFrom: string }) => ({
    gsi1pk: taxRateKeys.idPartition(rate.taxRateId),
    gsi1sk: 'TAXRATE',
    gsi2pk: taxRateKeys.listingPartition,
    gsi2sk: `${rate.region}#${rate.category}#${rate.effectiveFrom}#${rate.taxRateId}`,
  }),
  idPartition: (taxRateId: string) => `TAXRATE#${taxRateId}`,
  listingPartition: 'TAXRATES',
  listingPrefix: (region?: string, category?: string) =>
    region === undefined ? '' : category === undefined ? `${region}#` : `${region}#${category}#`,
  /** The region's rate card (every rate in force or scheduled), rewritten with each new rate. */
  card: (region: string): TableKey => ({ pk: `TAXCARD#${region}`, sk: 'CARD' }),
};

/**
 * Gap-free document numbers per store (receipts, credit notes): one counter item each, its
 * `last` ADDed by one in the same transaction as the document, so a number is used exactly
 * when the document is written.
 */
export const documentCounterKeys = {
  item: (storeId: string, kind: 'RECEIPT' | 'CREDIT_NOTE'): TableKey => ({
    pk: `STORE#${storeId}`,
    sk: `COUNTER#${kind}`,
  }),
};

/**
 * Replenishment (lib/replenishment/): a guard per store and SKU, present while a replenishment
 * is open, written with `attribute_not_exists` in the same transaction as its transfers and
 * purchase order, so at most one is ever open; and a record per replenishment in the store's
 * partition, kept after it closes. Its id derives from the event that planned it, so a
 * redelivered event collides with its own record. gsi1 lists a store's replenishments: open
 * ones (`OPEN#<createdAt>`) sort after closed ones (`CLOSED#<closedAt>`), so one descending
 * Query gives the open first, newest first, then the most recently closed.
 */
export const replenishmentKeys = {
  guard: (storeId: string, sku: string): TableKey => ({ pk: `REPLENISHMENT#${storeId}#${sku}`, sk: 'GUARD' }),
  record: (storeId: string, replenishmentId: string): TableKey => ({
    pk: `STORE#${storeId}`,
    sk: `REPLENISHMENT#${replenishmentId}`,
  }),
  listing: (storeId: string, state: 'OPEN' | 'CLOSED', at: string, replenishmentId: string) => ({
    gsi1pk: replenishmentKeys.storePartition(storeId),
    gsi1sk: `${state}#${timeOrdered(at, replenishmentId)}`,
  }),
  storePartition: (storeId: string) => `STORE#${storeId}#REPLENISHMENTS`,
};

/** Bookkeeping of the system itself, e.g. the marker that the demo data set is complete. */
export const systemKeys = {
  demoSeedComplete: (): TableKey => ({ pk: 'SYSTEM#SEED', sk: 'DEMO' }),
};

// --- Reports (lib/reports/) ---------------------------------------------------------------

/** Entity types of the reports' rollup bookkeeping (not business entities: never exported). */
export const REPORT_ENTITY = {
  rollup: 'ReportRollup',
  appliedEvent: 'ReportAppliedEvent',
  saleMemo: 'ReportSaleMemo',
} as const;

/**
 * Rollups kept by the reports consumer from order events, so a report reads days × stores
 * items however many orders there were. Sort keys start with the dimension then the UTC day
 * (`YYYY-MM-DD`), so one Query per store gives one dimension over a range of days.
 * - sales: `<dimension>#<day>#<value>#<currency>` (dimension `total`, `channel`, `category`);
 * - takings: `<day>#<currency>#<PAYMENT|REFUND>#<method>`;
 * - SKU sales: `<day>#<sku>` (days of cover, top sellers, slow movers), and the SKU's last sale;
 * - the applied-event marker, written in the same transaction as the counters it moved, so a
 *   redelivered event fails its `attribute_not_exists` and counts nothing twice;
 * - the sale memo: what a sale counted (unit costs, categories), for its refunds to reverse.
 */
export const reportKeys = {
  appliedEvent: (eventId: string, part: string): TableKey => ({
    pk: `REPORTS#EVENT#${eventId}`,
    sk: `APPLIED#${part}`,
  }),
  saleMemo: (orderId: string): TableKey => ({ pk: `REPORTS#ORDER#${orderId}`, sk: 'SALE' }),
  salesPartition: (storeId: string) => `REPORTS#STORE#${storeId}#SALES`,
  sales: (storeId: string, dimension: string, day: string, value: string, currency: string): TableKey => ({
    pk: reportKeys.salesPartition(storeId),
    sk: `${dimension}#${day}#${value}#${currency}`,
  }),
  /** Inclusive bounds of one dimension's days `from`..`to` (`~` sorts above every value). */
  salesRange: (dimension: string, from: string, to: string): [string, string] => [
    `${dimension}#${from}#`,
    `${dimension}#${to}#~`,
  ],
  takingsPartition: (storeId: string) => `REPORTS#STORE#${storeId}#TAKINGS`,
  takings: (
    storeId: string,
    day: string,
    currency: string,
    kind: 'PAYMENT' | 'REFUND',
    method: string,
  ): TableKey => ({ pk: reportKeys.takingsPartition(storeId), sk: `${day}#${currency}#${kind}#${method}` }),
  takingsDayPrefix: (day: string) => `${day}#`,
  skuSalesPartition: (storeId: string) => `REPORTS#STORE#${storeId}#SKU_SALES`,
  skuSales: (storeId: string, day: string, sku: string): TableKey => ({
    pk: reportKeys.skuSalesPartition(storeId),
    sk: `${day}#${sku}`,
  }),
  skuSalesRange: (from: string, to: string): [string, string] => [`${from}#`, `${to}#~`],
  skuLastSoldPartition: (storeId: string) => `REPORTS#STORE#${storeId}#SKU_LAST_SOLD`,
  skuLastSold: (storeId: string, sku: string): TableKey => ({
    pk: reportKeys.skuLastSoldPartition(storeId),
    sk: sku,
  }),
};

// --- Audit history (lib/audit/) -------------------------------------------------------------

/** DynamoDB sequence numbers are 21–40 digits; padded to 40 they sort in stream order. */
const SEQUENCE_DIGITS = 40;

/**
 * Audit entries (issue 9), written only by the change exporter, whose grant allows PutItem on
 * `AUDIT#…` partitions alone. One entry per change in the audited entity's partition, and a
 * copy in the partition of each store the entity belongs to (a transfer has two, a user several),
 * so both listings are a Query on the table. Sort keys are the change's time, then the stream
 * record's sequence number (records of one item arrive in order on one shard, so an entity's
 * changes within a second still sort right) and event id: newest first is a descending Query,
 * `from`/`to` a BETWEEN, and a redelivered record names the same item (written with
 * `attribute_not_exists`, so it is never written twice).
 */
export const auditKeys = {
  /** The prefix every audit partition starts with (the writer's IAM LeadingKeys condition). */
  partitionPrefix: 'AUDIT#' as const,
  entityPartition: (entityType: string, entityId: string) => `AUDIT#ENTITY#${entityType}#${entityId}`,
  storePartition: (storeId: string) => `AUDIT#STORE#${storeId}`,
  sortKey: (at: string, sequenceNumber: string, eventId: string) =>
    `${at}#${sequenceNumber.padStart(SEQUENCE_DIGITS, '0')}#${eventId}`,
  /** Inclusive sort-key bounds of the changes from `from` to `to` (ISO instants; `~` sorts above). */
  timeRange: (from: string, to: string): [string, string] => [`${from}`, `${to}~`],
};

// --- Users (lib/users/) -------------------------------------------------------------------

/**
 * The table's mirror of a user of the user pool (role, stores, enabled, who changed it), so the
 * change exporter audits every change and the request path can check revocation with one
 * GetItem. gsi1: every user, newest first; gsi2: the staff of one store, newest first (what a
 * manager lists and manages). Both sort keys are `<createdAt>#<username>`, unique across stores.
 */
export const userKeys = {
  item: (username: string): TableKey => ({ pk: `USER#${username}`, sk: 'USER' }),
  listingPartition: 'USERS',
  storePartition: (storeId: string) => `USERSTORE#${storeId}`,
  listings: (user: { username: string; createdAt: string; role: string; storeIds: readonly string[] }) => {
    const sortKey = `${user.createdAt}#${user.username}`;
    const store = user.role === 'staff' ? user.storeIds[0] : undefined;
    return {
      gsi1pk: userKeys.listingPartition,
      gsi1sk: sortKey,
      ...(store ? { gsi2pk: userKeys.storePartition(store), gsi2sk: sortKey } : {}),
    };
  },
};

// --- Bulk import (lib/imports/) -----------------------------------------------------------

/**
 * One import job per uploaded file (`POST /imports`: status, counts, report), and a marker
 * per store and SKU whose opening stock an import set, written in the same transaction as the
 * movement, so a re-run of the same stock file never books the stock twice.
 */
export const importKeys = {
  job: (importId: string): TableKey => ({ pk: `IMPORT#${importId}`, sk: 'IMPORT' }),
  openingStock: (storeId: string, sku: string): TableKey => ({
    pk: `IMPORT#OPENING#${storeId}#${sku}`,
    sk: 'OPENING',
  }),
};

/**
 * A supplier's price list (bulk import of supplier price lists): one item per supplier and
 * SKU in the supplier's partition, so a supplier's list is one Query and one price a GetItem.
 * A business entity: the lake keeps its changes and the audit records them.
 */
export const supplierPriceKeys = {
  item: (supplierId: string, sku: string): TableKey => ({ pk: `SUPPLIER#${supplierId}`, sk: `PRICE#${sku}` }),
  partition: (supplierId: string) => `SUPPLIER#${supplierId}`,
  prefix: 'PRICE#',
};

/**
 * A hot level split into shards (lib/inventory/sharded-level.ts; designed and simulated, not yet
 * used by a route): each shard is its own partition, because DynamoDB's throughput limit is per
 * partition and a single item is never split, and so is each shard's movement ledger (its
 * time-ordered sort key always writes the end of its partition, which a split cannot spread).
 * Shards carry no index keys, so a take writes no index.
 */
export const levelShardKeys = {
  shard: (storeId: string, sku: string, shard: number): TableKey => ({
    pk: `LEVELSHARD#${storeId}#${sku}#${shard}`,
    sk: 'SHARD',
  }),
  movement: (storeId: string, sku: string, shard: number, at: string, movementId: string): TableKey => ({
    pk: `MOVES#${storeId}#${sku}#${shard}`,
    sk: `${at}#${movementId}`,
  }),
};
