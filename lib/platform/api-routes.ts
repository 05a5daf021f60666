import * as auditRoutes from '../audit/audit-routes.js';
import * as productRoutes from '../catalog/product-routes.js';
import * as customerRoutes from '../customers/customer-routes.js';
import * as privacyRoutes from '../customers/privacy-routes.js';
import type { DocumentedContract, RouteContract, RouteDocs } from '../http/route.js';
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
  'path' in value;

const isRouteDocs = (value: unknown): value is RouteDocs =>
  typeof value === 'object' &&
  value !== null &&
  'route' in value &&
  'responses' in value &&
  'errors' in value;

/**
 * A module's exports in export-name order, as a native ES module namespace lists them, so that
 * every loader (Node, vitest's transform) gives the same order: a 405's `Allow` follows it.
 */
const exportsOf = (module: Record<string, unknown>): unknown[] =>
  Object.keys(module)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => module[name]);

export const apiRoutes = (): RouteContract[] =>
  ROUTE_MODULES.flatMap((module) => exportsOf(module).filter(isRouteContract));

/** Every route with its docs (`documentRoute`, declared beside it); a route without docs is a mistake. */
export const documentedContracts = (): DocumentedContract[] => {
  const docs = new Map<RouteContract, RouteDocs>();
  for (const value of ROUTE_MODULES.flatMap((module) => exportsOf(module).filter(isRouteDocs))) {
    if (docs.has(value.route)) throw new Error(`${value.route.operationId} is documented twice`);
    docs.set(value.route, value);
  }
  return apiRoutes().map((route) => {
    const found = docs.get(route);
    if (!found) throw new Error(`${route.operationId} has no documentRoute(…) beside it`);
    return { ...route, responses: found.responses, errors: found.errors };
  });
};

/**
 * The routes to document. Only the public routes (health, this document) leave the table alone;
 * a test holds that against the app definition's bindings.
 */
export const documentedRoutes = (): DocumentedRoute[] =>
  documentedContracts().map((route) => ({ route, usesTable: route.access !== 'public' }));

/** `route` with its docs (tools and tests that need its documented answers). */
export const documentedContractOf = (route: RouteContract): DocumentedContract => {
  const found = documentedContracts().find((candidate) => candidate.operationId === route.operationId);
  if (!found) throw new Error(`${route.operationId} is not a route of the API`);
  return found;
};
