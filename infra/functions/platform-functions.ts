import { healthRoute, openApiRoute } from '../../lib/platform/platform-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

export const platformFunctions = {
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
} as const satisfies Record<string, FunctionDefinition>;
