import type { FunctionName } from '../../../app-definition.js';

/**
 * The documented request mix of a trading day of a 20-store group, as activities: a POS sale,
 * a web order, a browsing visit, an hour of a store's staff tablet, an hour of head office. Each
 * activity happens a number of times per hour (group-wide) and sends its requests in order,
 * seconds apart, as the real client would, so that a request that follows another of the same
 * activity within seconds is modelled as such (that is what per-domain packaging can reuse).
 * The figures are this design's assumptions, stated once here and printed in
 * docs/performance.md; change them and the simulation and the doc follow.
 */
export interface ActivityStep {
  fn: FunctionName;
  /** Expected requests of this step per activity (0.3 = in three activities out of ten). */
  count: number;
  /** Seconds after the activity's start. */
  afterSeconds: number;
}

export interface Activity {
  name: string;
  description: string;
  /** Activities per hour across the group, hour 0–23 (local time). */
  perHour: readonly number[];
  steps: readonly ActivityStep[];
}

export const STORES = 20;

/** Trading hours 08:00–21:00 with lunch and after-work peaks (fraction of the peak hour). */
const STORE_SHAPE = [
  0, 0, 0, 0, 0, 0, 0, 0.05, 0.4, 0.6, 0.8, 0.9, 1, 0.9, 0.7, 0.6, 0.7, 0.9, 1, 0.8, 0.5, 0.2, 0, 0,
] as const;
/** The web shop never closes; evenings are its peak. */
const WEB_SHAPE = [
  0.15, 0.08, 0.05, 0.04, 0.04, 0.06, 0.15, 0.3, 0.4, 0.5, 0.55, 0.6, 0.7, 0.65, 0.6, 0.6, 0.65, 0.75, 0.9, 1,
  1, 0.85, 0.6, 0.3,
] as const;
/** Head office works 09:00–17:00. */
const OFFICE_SHAPE = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0.6, 1, 1, 1, 0.8, 0, 0, 0, 0, 0, 0, 0] as const;

const scaled = (shape: readonly number[], peak: number): number[] => shape.map((f) => f * peak);

/** POS sales at the peak hour, per store: one a minute. */
export const POS_SALES_PER_STORE_PEAK_HOUR = 60;
/** Web orders at the peak hour, group-wide. */
export const WEB_ORDERS_PEAK_HOUR = 120;
/** Browsing visits per web order (a 2.5 % conversion rate). */
export const VISITS_PER_WEB_ORDER = 40;

export const activities: readonly Activity[] = [
  {
    name: 'pos-sale',
    description: 'A till sale: customer lookup, order, payment, hand-over, receipt',
    perHour: scaled(STORE_SHAPE, STORES * POS_SALES_PER_STORE_PEAK_HOUR),
    steps: [
      { fn: 'findCustomers', count: 0.4, afterSeconds: 0 },
      { fn: 'getProduct', count: 0.3, afterSeconds: 5 },
      { fn: 'createOrder', count: 1, afterSeconds: 20 },
      { fn: 'recordOrderPayment', count: 1.1, afterSeconds: 40 },
      { fn: 'fulfilOrder', count: 1, afterSeconds: 45 },
      { fn: 'completeOrder', count: 1, afterSeconds: 46 },
      { fn: 'getOrderReceipt', count: 0.3, afterSeconds: 47 },
    ],
  },
  {
    name: 'pos-return',
    description: 'A return at the till (one sale in fifty)',
    perHour: scaled(STORE_SHAPE, (STORES * POS_SALES_PER_STORE_PEAK_HOUR) / 50),
    steps: [
      { fn: 'getOrder', count: 1, afterSeconds: 0 },
      { fn: 'refundOrder', count: 1, afterSeconds: 30 },
    ],
  },
  {
    name: 'web-order',
    description: 'A web shop checkout: sign-in, order, payment, order page, history',
    perHour: scaled(WEB_SHAPE, WEB_ORDERS_PEAK_HOUR),
    steps: [
      { fn: 'getCustomer', count: 1, afterSeconds: 0 },
      { fn: 'createCustomer', count: 0.1, afterSeconds: 5 },
      { fn: 'createOrder', count: 1, afterSeconds: 60 },
      { fn: 'recordOrderPayment', count: 1, afterSeconds: 90 },
      { fn: 'getOrder', count: 2, afterSeconds: 95 },
      { fn: 'listCustomerOrders', count: 0.5, afterSeconds: 120 },
      { fn: 'getCustomerPoints', count: 0.3, afterSeconds: 130 },
    ],
  },
  {
    name: 'web-visit',
    description: 'A browsing visit: listings, product pages, stock at a store, promotions',
    perHour: scaled(WEB_SHAPE, WEB_ORDERS_PEAK_HOUR * VISITS_PER_WEB_ORDER),
    steps: [
      { fn: 'listProducts', count: 2, afterSeconds: 0 },
      { fn: 'listPromotions', count: 0.3, afterSeconds: 10 },
      { fn: 'getProduct', count: 3, afterSeconds: 30 },
      { fn: 'getInventoryLevel', count: 1, afterSeconds: 60 },
      { fn: 'listProductInventory', count: 0.3, afterSeconds: 70 },
      { fn: 'listStores', count: 0.2, afterSeconds: 80 },
    ],
  },
  {
    name: 'staff-hour',
    description: 'An hour of one store’s staff tablet: stock, web orders to pack, transfers, receiving',
    perHour: scaled(STORE_SHAPE, STORES),
    steps: [
      { fn: 'getStore', count: 1, afterSeconds: 0 },
      { fn: 'listStoreInventory', count: 4, afterSeconds: 60 },
      { fn: 'getInventoryLevel', count: 6, afterSeconds: 300 },
      { fn: 'listInventoryMovements', count: 1, afterSeconds: 400 },
      { fn: 'adjustInventory', count: 2, afterSeconds: 600 },
      { fn: 'listStoreOrders', count: 3, afterSeconds: 900 },
      { fn: 'getOrder', count: 2, afterSeconds: 960 },
      // Web orders are packed and handed over by the store that holds the stock.
      { fn: 'fulfilOrder', count: WEB_ORDERS_PEAK_HOUR / STORES, afterSeconds: 1200 },
      { fn: 'completeOrder', count: WEB_ORDERS_PEAK_HOUR / STORES, afterSeconds: 1800 },
      { fn: 'cancelOrder', count: 0.3, afterSeconds: 1900 },
      { fn: 'listStoreTransfers', count: 0.5, afterSeconds: 2000 },
      { fn: 'getTransfer', count: 0.3, afterSeconds: 2010 },
      { fn: 'createTransfer', count: 0.1, afterSeconds: 2020 },
      { fn: 'readyTransfer', count: 0.1, afterSeconds: 2100 },
      { fn: 'shipTransfer', count: 0.1, afterSeconds: 2200 },
      { fn: 'receiveTransfer', count: 0.1, afterSeconds: 2300 },
      { fn: 'listStorePurchaseOrders', count: 0.3, afterSeconds: 2400 },
      { fn: 'getPurchaseOrder', count: 0.2, afterSeconds: 2410 },
      { fn: 'receivePurchaseOrder', count: 0.1, afterSeconds: 2500 },
      { fn: 'listStoreReplenishments', count: 0.3, afterSeconds: 2600 },
      { fn: 'listStocktakes', count: 0.1, afterSeconds: 2700 },
      { fn: 'submitStocktake', count: 0.05, afterSeconds: 2800 },
      { fn: 'getStocktake', count: 0.05, afterSeconds: 2810 },
      { fn: 'setReorderRule', count: 0.05, afterSeconds: 2900 },
      { fn: 'createFeedback', count: 0.1, afterSeconds: 3000 },
      { fn: 'listFeedback', count: 0.1, afterSeconds: 3010 },
      { fn: 'resolveFeedback', count: 0.05, afterSeconds: 3020 },
      { fn: 'adjustCustomerPoints', count: 0.05, afterSeconds: 3100 },
      { fn: 'listStoreAudit', count: 0.05, afterSeconds: 3200 },
      { fn: 'updateCustomer', count: 0.2, afterSeconds: 3300 },
    ],
  },
  {
    name: 'office-hour',
    description: 'An hour of head office: reports, catalogue and prices, purchasing, users',
    perHour: scaled(OFFICE_SHAPE, 3),
    steps: [
      { fn: 'getSalesReport', count: 2, afterSeconds: 0 },
      { fn: 'getTakingsReport', count: 1, afterSeconds: 60 },
      { fn: 'getStockReport', count: 1, afterSeconds: 120 },
      { fn: 'listOrders', count: 2, afterSeconds: 180 },
      { fn: 'listStores', count: 1, afterSeconds: 240 },
      { fn: 'listProducts', count: 2, afterSeconds: 300 },
      { fn: 'updateProduct', count: 1, afterSeconds: 400 },
      { fn: 'createProduct', count: 0.3, afterSeconds: 500 },
      { fn: 'getPromotion', count: 0.2, afterSeconds: 600 },
      { fn: 'createPromotion', count: 0.1, afterSeconds: 610 },
      { fn: 'updatePromotion', count: 0.1, afterSeconds: 620 },
      { fn: 'listSuppliers', count: 0.3, afterSeconds: 700 },
      { fn: 'getSupplier', count: 0.1, afterSeconds: 710 },
      { fn: 'createPurchaseOrder', count: 0.3, afterSeconds: 800 },
      { fn: 'orderPurchaseOrder', count: 0.3, afterSeconds: 900 },
      { fn: 'closePurchaseOrder', count: 0.1, afterSeconds: 1000 },
      { fn: 'listTaxRates', count: 0.1, afterSeconds: 1100 },
      { fn: 'listUsers', count: 0.2, afterSeconds: 1200 },
      { fn: 'getUser', count: 0.2, afterSeconds: 1210 },
      { fn: 'updateUser', count: 0.05, afterSeconds: 1220 },
      { fn: 'listEntityAudit', count: 0.2, afterSeconds: 1300 },
      { fn: 'createImport', count: 0.03, afterSeconds: 1400 },
      { fn: 'getImport', count: 0.06, afterSeconds: 1460 },
      { fn: 'exportCustomer', count: 0.01, afterSeconds: 1500 },
    ],
  },
  {
    name: 'health-probe',
    description: 'The uptime monitor: GET /health once a minute',
    perHour: Array.from({ length: 24 }, () => 60),
    steps: [{ fn: 'health', count: 1, afterSeconds: 0 }],
  },
];

/**
 * Functions invoked by what a request did, not by a client: the bus rules (an order paid or
 * cancelled counts in the reports; a low-stock event plans a replenishment; a received
 * transfer or purchase order releases it) and the import run on an uploaded file.
 */
export interface Reaction {
  after: FunctionName;
  fn: FunctionName;
  /** Share of the `after` invocations that cause one. */
  probability: number;
  afterSeconds: number;
}

export const reactions: readonly Reaction[] = [
  { after: 'recordOrderPayment', fn: 'countOrderEvent', probability: 0.9, afterSeconds: 2 },
  { after: 'cancelOrder', fn: 'countOrderEvent', probability: 1, afterSeconds: 2 },
  { after: 'refundOrder', fn: 'countOrderEvent', probability: 1, afterSeconds: 2 },
  // A sale takes a level below its reorder point now and then (one order in fifty).
  { after: 'createOrder', fn: 'planOnLowStock', probability: 0.02, afterSeconds: 3 },
  { after: 'receiveTransfer', fn: 'releaseOnCompletion', probability: 1, afterSeconds: 2 },
  { after: 'receivePurchaseOrder', fn: 'releaseOnCompletion', probability: 1, afterSeconds: 2 },
  { after: 'createImport', fn: 'runUploadedImport', probability: 1, afterSeconds: 30 },
];
