import { defineRoute, documentRoute } from '../http/route.js';
import { HealthSchema, OpenApiDocumentSchema } from './platform-schemas.js';

export const healthRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getHealth',
    method: 'GET',
    path: '/health',
    summary: 'Liveness check (no authentication)',
    tag: 'Platform',
    access: 'public',
  }))();

export const healthDocs = /* @__PURE__ */ (() =>
  documentRoute(healthRoute, {
    responses: { 200: { description: 'The API is up.', schema: HealthSchema } },
    errors: [],
  }))();

export const openApiRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getOpenApiDocument',
    method: 'GET',
    path: '/openapi.json',
    summary: 'This API’s OpenAPI 3.1 document (no authentication)',
    tag: 'Platform',
    access: 'public',
  }))();

export const openApiDocs = /* @__PURE__ */ (() =>
  documentRoute(openApiRoute, {
    responses: {
      200: {
        description: 'The OpenAPI document.',
        schema: OpenApiDocumentSchema,
        headers: ['cache-control'],
      },
    },
    errors: [],
  }))();
