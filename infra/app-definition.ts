/**
 * The application definition: every function once, with its entry, triggers and table
 * access. The CDK app builds Lambda functions, routes, the authorizer attachment and grants
 * from it (infra/stacks/api-stack.ts); the local runtime wires the same handlers from it
 * (infra/local/). It imports no CDK, so handlers and the local runtime can load it too.
 */
import { createProductRoute, getProductRoute, listProductsRoute, updateProductRoute } from '../lib/catalog/product-routes.js';
import type { RouteContract } from '../lib/http/route.js';
import { healthRoute, openApiRoute } from '../lib/platform/platform-routes.js';
import { createStoreRoute, getStoreRoute, listStoresRoute, updateStoreRoute } from '../lib/stores/store-routes.js';
import type { AppDefinition, FunctionDefinition } from './app-definition-types.js';

export const appDefinition = {
  service: 'storefleet',
  cors: {
    allowOrigins: ['*'],
    allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
    exposeHeaders: ['etag', 'location', 'x-request-id'],
    maxAgeSeconds: 600,
  },
  functions: {
    health: {
      entry: 'functions/platform/health.ts',
      description: 'Liveness check',
      tableAccess: 'none',
      routes: [healthRoute],
    },
    openApi: {
      entry: 'functions/platform/openapi.ts',
      description: 'Serves the OpenAPI document generated from the route contracts',
      tableAccess: 'none',
      routes: [openApiRoute],
    },
    routeNotFound: {
      entry: 'functions/platform/route-not-found.ts',
      description: 'Answers unknown paths with 404 and known paths with a wrong method with 405',
      tableAccess: 'none',
      catchAll: true,
    },
    createStore: {
      entry: 'functions/stores/create-store.ts',
      description: 'Open a store',
      tableAccess: 'read-write',
      routes: [createStoreRoute],
    },
    listStores: {
      entry: 'functions/stores/list-stores.ts',
      description: 'List stores in the caller’s scope',
      tableAccess: 'read',
      routes: [listStoresRoute],
    },
    getStore: {
      entry: 'functions/stores/get-store.ts',
      description: 'Get a store',
      tableAccess: 'read',
      routes: [getStoreRoute],
    },
    updateStore: {
      entry: 'functions/stores/update-store.ts',
      description: 'Change a store',
      tableAccess: 'read-write',
      routes: [updateStoreRoute],
    },
    createProduct: {
      entry: 'functions/products/create-product.ts',
      description: 'Add a product to the catalog',
      tableAccess: 'read-write',
      routes: [createProductRoute],
    },
    listProducts: {
      entry: 'functions/products/list-products.ts',
      description: 'List catalog products',
      tableAccess: 'read',
      routes: [listProductsRoute],
    },
    getProduct: {
      entry: 'functions/products/get-product.ts',
      description: 'Get a product',
      tableAccess: 'read',
      routes: [getProductRoute],
    },
    updateProduct: {
      entry: 'functions/products/update-product.ts',
      description: 'Change a product',
      tableAccess: 'read-write',
      routes: [updateProductRoute],
    },
  },
} as const satisfies AppDefinition;

export type FunctionName = keyof typeof appDefinition.functions;

export const functionEntries = (): [FunctionName, FunctionDefinition][] =>
  Object.entries(appDefinition.functions) as [FunctionName, FunctionDefinition][];

/** Every HTTP route with the function that serves it. */
export const httpRoutes = (): { functionName: FunctionName; route: RouteContract }[] =>
  functionEntries().flatMap(([functionName, fn]) => (fn.routes ?? []).map((route) => ({ functionName, route })));

/** The function serving API Gateway's `$default` route. */
export const catchAllFunction = (): FunctionName => {
  const entry = functionEntries().find(([, fn]) => fn.catchAll);
  if (!entry) throw new Error('The app definition has no catch-all function');
  return entry[0];
};
