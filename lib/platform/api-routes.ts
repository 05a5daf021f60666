import * as auditRoutes from '../audit/audit-routes.js';
import * as productRoutes from '../catalog/product-routes.js';
import * as customerRoutes from '../customers/customer-routes.js';
import * as privacyRoutes from '../customers/privacy-routes.js';
import type { RouteContract } from '../http/route.js';
import * as importRoutes from '../imports/import-routes.js';
import * as inventoryRoutes from '../inventory/inventory-routes.js';
import * as orderRoutes from '../orders/order-routes.js';
import * as promotionRoutes from '../promotions/promotion-routes.js';
import * as purchaseOrderRoutes from '../purchasing/purchase-order-routes.js';
import * as replenishmentRoutes from '../replenishment/replenishment-routes.js';
import * as reportRoutes from '../reports/report-routes.js';
import * as storeRoutes from '../stores/store-routes.js';
import * as supplierRoutes from '../suppliers/supplier-routes.js';
import * as taxRoutes from '../tax/tax-routes.js';
import * as transferRoutes from '../transfers/transfer-routes.js';
import * as userRoutes from '../users/user-routes.js';
import type { DocumentedRoute } from './openapi-document.js';
import * as platformRoutes from './platform-routes.js';

/**
 * Every route contract of the API, collected from the domains' `*-routes.ts` modules: what the
 * `$default` function matches against (404 or 405) and the OpenAPI document describes. An index,
 * not a second declaration: a test checks that it is exactly the set of routes the app
 * definition serves (handlers cannot import infra/ to read them there).
 */
const ROUTE_MODULES: readonly Record<string, unknown>[] = [
  productRoutes,
  customerRoutes,
  privacyRoutes,
  importRoutes,
  inventoryRoutes,
  orderRoutes,
  platformRoutes,
  promotionRoutes,
  purchaseOrderRoutes,
  replenishmentRoutes,
  reportRoutes,
  storeRoutes,
  supplierRoutes,
  taxRoutes,
  transferRoutes,
  auditRoutes,
  userRoutes,
];

const isRouteContract = (value: unknown): value is RouteContract =>
  typeof value === 'object' &&
  value !== null &&
  'operationId' in value &&
  'method' in value &&
  'path' in value &&
  'responses' in value;

export const apiRoutes = (): RouteContract[] =>
  ROUTE_MODULES.flatMap((module) => Object.values(module).filter(isRouteContract));

/**
 * The routes to document. Only the public routes (health, this document) leave the table alone;
 * a test holds that against the app definition's bindings.
 */
export const documentedRoutes = (): DocumentedRoute[] =>
  apiRoutes().map((route) => ({ route, usesTable: route.access !== 'public' }));
