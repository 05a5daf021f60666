import { healthRoute, openApiRoute } from '../../lib/platform/platform-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

export const platformFunctions = {
  health: {
    entry: 'functions/platform/health.ts',
    description: 'Liveness check',
    bindings: [],
    triggers: [{ kind: 'http', route: healthRoute }],
  },
  openApi: {
    entry: 'functions/platform/openapi.ts',
    description: 'Serves the OpenAPI document generated from the route contracts',
    bindings: [],
    triggers: [{ kind: 'http', route: openApiRoute }],
  },
  routeNotFound: {
    entry: 'functions/platform/route-not-found.ts',
    description: 'Answers unknown paths with 404 and known paths with a wrong method with 405',
    bindings: [],
    triggers: [{ kind: 'http', catchAll: true }],
  },
} as const satisfies Record<string, FunctionDefinition>;
