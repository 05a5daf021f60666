import type { DocumentedRoute } from '../lib/platform/openapi-document.js';
import { appDefinition, httpRoutes } from './app-definition.js';

/** Every HTTP route of the app definition with its function's table access, for the OpenAPI document. */
export const documentedRoutes = (): DocumentedRoute[] =>
  httpRoutes().map(({ functionName, route }) => ({
    route,
    tableAccess: appDefinition.functions[functionName].tableAccess,
  }));
