import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import { ProblemSchema } from '../http/common-schemas.js';
import type { RouteContract } from '../http/route.js';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` names each field at fault.',
  401: 'Missing, invalid or expired bearer token.',
  403: 'The caller’s role may not do this.',
  404: 'Not found, or outside the caller’s stores.',
  409: 'Conflicts with existing data (e.g. a duplicate code, SKU or barcode).',
  412: 'If-Match no longer matches the current version.',
  415: 'The body is not application/json.',
  422: 'Well-formed but unusable (e.g. an Idempotency-Key reused with another body).',
  428: 'If-Match is required.',
};

const problemResponse = (status: number) => ({
  description: ERROR_DESCRIPTIONS[status] ?? 'Error.',
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const HEADER_DOCS = {
  etag: {
    description: 'Current version of the resource; send it back as If-Match.',
    schema: { type: 'string' },
  },
  location: { description: 'URL of the new resource.', schema: { type: 'string' } },
} as const;

const operationFor = (route: RouteContract): ZodOpenApiOperationObject => {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    if (!response) continue;
    responses[status] = {
      description: response.description,
      ...(response.headers
        ? { headers: Object.fromEntries(response.headers.map((name) => [name, HEADER_DOCS[name]])) }
        : {}),
      ...(response.schema ? { content: { 'application/json': { schema: response.schema } } } : {}),
    };
  }
  for (const status of [...route.errors, 500]) responses[String(status)] = problemResponse(status);
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === 'public'
      ? { security: [] }
      : { security: [{ bearer: [] }], description: `Requires the \`${route.access}\` permission.` }),
    ...(route.params || route.query || route.headers
      ? {
          requestParams: {
            ...(route.params ? { path: route.params as never } : {}),
            ...(route.query ? { query: route.query as never } : {}),
            ...(route.headers ? { header: route.headers as never } : {}),
          },
        }
      : {}),
    ...(route.requiresIfMatch
      ? {
          parameters: [
            {
              name: 'If-Match',
              in: 'header',
              required: true,
              description: 'The ETag you last read.',
              schema: { type: 'string' },
            },
          ],
        }
      : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } }
      : {}),
    responses,
  };
};

/** The OpenAPI 3.1 document, generated from the same route contracts and zod schemas that validate requests. */
export const buildOpenApiDocument = (routes: readonly RouteContract[], version: string) => {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationFor(route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'storefleet API',
      version,
      description:
        'Back end of a group of retail stores. Errors are RFC 9457 problem documents; writes use ETag/If-Match.',
    },
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
  });
};
