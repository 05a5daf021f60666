import type { DocumentedRoute } from '../lib/platform/openapi-document.js';
import { appDefinition, httpRoutes } from './app-definition.js';
import { tableAccessOf } from './bindings.js';

/** Every HTTP route of the app definition with its function's table access, for the OpenAPI document. */
export const documentedRoutes = (): DocumentedRoute[] =>
  httpRoutes().map(({ functionName, route }) => ({
    route,
    tableAccess: tableAccessOf(appDefinition.functions[functionName]),
  }));
