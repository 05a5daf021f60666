import { describe, expect, it } from 'vitest';
import { appDefinition, httpRoutes } from '../../../infra/app-definition.js';
import { tableAccessOf } from '../../../infra/bindings.js';
import { apiRoutes, documentedContracts, documentedRoutes } from '../../../lib/platform/api-routes.js';

/** lib/'s route index stands in for the app definition where handlers need every route. */
describe('the API route index', () => {
  it('is exactly the set of routes the app definition serves, each once', () => {
    const served = httpRoutes().map(({ route }) => route);
    const indexed = apiRoutes();
    expect(new Set(indexed).size).toBe(indexed.length);
    expect(new Set(indexed)).toEqual(new Set(served));
    expect(indexed).toHaveLength(served.length);
  });

  it('documents table use as the serving function’s binding says', () => {
    const bindingOf = new Map(
      httpRoutes().map(({ functionName, route }) => [
        route.operationId,
        tableAccessOf(appDefinition.functions[functionName]) !== 'none',
      ]),
    );
    for (const { route, usesTable } of documentedRoutes())
      expect(usesTable, route.operationId).toBe(bindingOf.get(route.operationId));
  });

  it('gives every route its docs (documentRoute beside it), each with at least one answer', () => {
    const documented = documentedContracts();
    expect(documented.map(({ operationId }) => operationId)).toEqual(
      apiRoutes().map(({ operationId }) => operationId),
    );
    for (const route of documented)
      expect(Object.keys(route.responses), route.operationId).not.toHaveLength(0);
  });
});
