/**
 * The application definition: every function once, with its entry, triggers and bindings. The
 * CDK app builds Lambda functions, routes, schedules, stream and event triggers, environment and
 * grants from it (infra/stacks/); the local runtime wires the same handlers from it
 * (infra/local/). It imports no CDK, so the local runtime can load it too; handlers never do.
 */
import type { RouteContract } from '../lib/http/route.js';
import type {
  AppDefinition,
  FunctionDefinition,
  TriggerKind,
  TriggerOfKind,
} from './app-definition-types.js';
import { dataLakeBucket, importsBucket } from './buckets.js';
import { defineApp } from './define-app.js';
import { auditFunctions } from './functions/audit-functions.js';
import { catalogFunctions } from './functions/catalog-functions.js';
import { customerFunctions } from './functions/customer-functions.js';
import { eventFunctions } from './functions/event-functions.js';
import { importFunctions } from './functions/import-functions.js';
import { inventoryFunctions } from './functions/inventory-functions.js';
import { lakeFunctions } from './functions/lake-functions.js';
import { lakeJobFunctions } from './functions/lake-job-functions.js';
import { orderFunctions } from './functions/order-functions.js';
import { platformFunctions } from './functions/platform-functions.js';
import { promotionFunctions } from './functions/promotion-functions.js';
import { purchasingFunctions } from './functions/purchasing-functions.js';
import { replenishmentFunctions } from './functions/replenishment-functions.js';
import { reportFunctions } from './functions/report-functions.js';
import { storeFunctions } from './functions/store-functions.js';
import { taxFunctions } from './functions/tax-functions.js';
import { transferFunctions } from './functions/transfer-functions.js';
import { userFunctions } from './functions/user-functions.js';
import { stockAlertsTopic } from './topics.js';

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
    reports: reportFunctions,
    events: eventFunctions,
    lake: lakeFunctions,
    'lake-jobs': lakeJobFunctions,
    audit: auditFunctions,
    users: userFunctions,
    imports: importFunctions,
  },
  topics: { stockAlerts: stockAlertsTopic },
  buckets: { dataLake: dataLakeBucket, imports: importsBucket },
});

export type FunctionName = keyof typeof appDefinition.functions;

export const functionEntries = (): [FunctionName, FunctionDefinition][] =>
  Object.entries(appDefinition.functions) as [FunctionName, FunctionDefinition][];

/** One trigger of a function, with the function it invokes. */
export interface FunctionTrigger<Kind extends TriggerKind, Name extends string = string> {
  functionName: Name;
  fn: FunctionDefinition;
  trigger: TriggerOfKind<Kind>;
}

/**
 * Every trigger of one kind with its function, in definition order: the one way the stacks and
 * the local runners find what invokes what. A function with two schedules appears twice.
 */
export function functionsWithTrigger<Kind extends TriggerKind>(
  kind: Kind,
): FunctionTrigger<Kind, FunctionName>[];
export function functionsWithTrigger<Kind extends TriggerKind>(
  kind: Kind,
  definition: AppDefinition,
): FunctionTrigger<Kind>[];
export function functionsWithTrigger<Kind extends TriggerKind>(
  kind: Kind,
  definition: AppDefinition = appDefinition,
): FunctionTrigger<Kind>[] {
  return Object.entries(definition.functions).flatMap(([functionName, fn]) =>
    fn.triggers
      .filter((trigger): trigger is TriggerOfKind<Kind> => trigger.kind === kind)
      .map((trigger) => ({ functionName, fn, trigger })),
  );
}

/** Every HTTP route with the function that serves it. */
export const httpRoutes = (
  definition: AppDefinition = appDefinition,
): { functionName: FunctionName; route: RouteContract }[] =>
  functionsWithTrigger('http', definition).flatMap(({ functionName, trigger }) =>
    'route' in trigger ? [{ functionName: functionName as FunctionName, route: trigger.route }] : [],
  );

/** The function serving API Gateway's `$default` route (of THE app definition by default). */
export const catchAllFunction = (definition: AppDefinition = appDefinition): FunctionName => {
  const entry = functionsWithTrigger('http', definition).find(({ trigger }) => 'catchAll' in trigger);
  if (!entry) throw new Error('The app definition has no catch-all function for $default');
  return entry.functionName as FunctionName;
};
