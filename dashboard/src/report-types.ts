/**
 * The answers of the reports API and the few other routes the dashboard reads, as the route
 * contracts define them (lib/reports/*-schemas.ts, lib/replenishment/replenishment-schemas.ts).
 * Declared here rather than imported: the page is bundled for the browser and must not pull zod
 * and lib/ in; the e2e test proves the two agree by rendering the live API's answers.
 */
export interface Figures {
  currency: string;
  orders: number;
  units: number;
  /** Money fields are integer minor units of `currency`. */
  gross: number;
  discounts: number;
  net: number;
  refunds: number;
  cost: number;
  margin: number;
  averageBasket: number;
}

export const SALES_GROUPINGS = ['day', 'store', 'region', 'category', 'channel'] as const;
export type SalesGroupBy = (typeof SALES_GROUPINGS)[number];

export interface SalesReport {
  from: string;
  to: string;
  groupBy: SalesGroupBy;
  /** One entry per currency. */
  totals: Figures[];
  /** Keyed by group value and currency; days with nothing are omitted. */
  groups: (Figures & { key: string })[];
}

export interface MethodTotal {
  method: string;
  amount: number;
  count: number;
}

export interface StoreTakings {
  storeId: string;
  currency: string;
  payments: MethodTotal[];
  refunds: MethodTotal[];
  net: number;
  count: number;
}

export interface TakingsReport {
  date: string;
  stores: StoreTakings[];
}

export interface StockReport {
  storeId: string;
  currency: string;
  stockValue: number;
  units: number;
  skus: number;
  atOrBelowReorderPoint: { sku: string; productId: string; available: number; reorderPoint: number }[];
  outOfStock: { sku: string; productId: string }[];
  daysOfCover: { sku: string; available: number; soldLast28Days: number; daysOfCover: number | null }[];
  slowMovers: { sku: string; productId: string; available: number; lastSoldAt?: string }[];
  topSellers: { sku: string; productId: string; units: number; net: number }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Store {
  storeId: string;
  code: string;
  name: string;
  region: string;
}

export interface Replenishment {
  replenishmentId: string;
  storeId: string;
  sku: string;
  productId: string;
  status: 'OPEN' | 'CLOSED';
  plannedFrom: { available: number; reorderPoint: number; reorderQuantity: number; quantity: number };
  transfers: { transferId: string; fromStoreId: string; quantity: number; status?: string }[];
  purchaseOrder?: { purchaseOrderId: string; supplierId: string; quantity: number; status?: string };
  unplanned: number;
  createdAt: string;
}
