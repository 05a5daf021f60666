import { describe, expect, it } from 'vitest';
import { httpRoutes } from '../../../infra/app-definition.js';
import { documentedRoutes } from '../../../infra/documented-routes.js';
import { buildOpenApiDocument } from '../../../lib/platform/openapi-document.js';

describe('OpenAPI document', () => {
  const routes = httpRoutes().map(({ route }) => route);
  const document = buildOpenApiDocument(documentedRoutes(), '1.2.3');

  it('is OpenAPI 3.1 and documents every route of the app definition', () => {
    expect(document.openapi).toBe('3.1.0');
    for (const route of routes) {
      const operation = document.paths?.[route.path]?.[route.method.toLowerCase() as 'get'];
      expect(operation?.operationId, `${route.method} ${route.path}`).toBe(route.operationId);
    }
  });

  it('derives request schemas from the same zod schemas that validate requests', () => {
    const create = document.paths?.['/stores']?.post;
    const body = create?.requestBody as { content: Record<string, { schema: unknown }> };
    expect(JSON.stringify(body.content['application/json']?.schema)).toContain('CreateStore');
    expect(JSON.stringify(document.components?.schemas?.CreateStore)).toContain(
      '"additionalProperties":false',
    );
  });

  it('marks public routes as needing no token and documents problem responses', () => {
    expect(document.paths?.['/health']?.get?.security).toEqual([]);
    const patch = document.paths?.['/products/{productId}']?.patch;
    expect(Object.keys(patch?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '412', '428']));
    expect(patch?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'If-Match', in: 'header' })]),
    );
  });
});
