/**
 * The application definition: every function once, with its entry, triggers and table
 * access. The CDK app builds Lambda functions, routes, the authorizer attachment and grants
 * from it (infra/stacks/api-stack.ts); the local runtime wires the same handlers from it
 * (infra/local/). It imports no CDK, so handlers and the local runtime can load it too.
 */
import type { RouteContract } from '../lib/http/route.js';
import type { AppDefinition, FunctionDefinition } from './app-definition-types.js';
import { defineApp } from './define-app.js';
import { catalogFunctions } from './functions/catalog-functions.js';
import { customerFunctions } from './functions/customer-functions.js';
import { inventoryFunctions } from './functions/inventory-functions.js';
import { orderFunctions } from './functions/order-functions.js';
import { platformFunctions } from './functions/platform-functions.js';
import { promotionFunctions } from './functions/promotion-functions.js';
import { purchasingFunctions } from './functions/purchasing-functions.js';
import { replenishmentFunctions } from './functions/replenishment-functions.js';
import { storeFunctions } from './functions/store-functions.js';
import { taxFunctions } from './functions/tax-functions.js';
import { transferFunctions } from './functions/transfer-functions.js';

/**
 * Each domain lists its functions in infra/functions/<domain>-functions.ts and deploys as its own
 * nested stack; function names are unique across domains.
 */
export const appDefinition = defineApp({
  service: 'storefleet',
  cors: {
    allowOrigins: ['*'],
    allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
    exposeHeaders: ['etag', 'location', 'x-request-id', 'idempotent-replayed'],
    maxAgeSeconds: 600,
  },
  domains: {
    platform: platformFunctions,
    stores: storeFunctions,
    catalog: catalogFunctions,
    inventory: inventoryFunctions,
    transfers: transferFunctions,
    customers: customerFunctions,
    promotions: promotionFunctions,
    orders: orderFunctions,
    tax: taxFunctions,
    purchasing: purchasingFunctions,
    replenishment: replenishmentFunctions,
  },
});

export type FunctionName = keyof typeof appDefinition.functions;

export const functionEntries = (): [FunctionName, FunctionDefinition][] =>
  Object.entries(appDefinition.functions) as [FunctionName, FunctionDefinition][];

/** Every HTTP route with the function that serves it. */
export const httpRoutes = (): { functionName: FunctionName; route: RouteContract }[] =>
  functionEntries().flatMap(([functionName, fn]) =>
    (fn.routes ?? []).map((route) => ({ functionName, route })),
  );

/** The function serving API Gateway's `$default` route (of THE app definition by default). */
export const catchAllFunction = (definition: AppDefinition = appDefinition): FunctionName => {
  const entry = Object.entries(definition.functions).find(([, fn]) => fn.catchAll);
  if (!entry) throw new Error('The app definition has no catch-all function for $default');
  return entry[0] as FunctionName;
};

/** Functions that run on a schedule. */
export const scheduledFunctions = (): [
  FunctionName,
  FunctionDefinition & { schedule: NonNullable<FunctionDefinition['schedule']> },
][] =>
  functionEntries().filter(
    (
      entry,
    ): entry is [
      FunctionName,
      FunctionDefinition & { schedule: NonNullable<FunctionDefinition['schedule']> },
    ] => Boolean(entry[1].schedule),
  );
