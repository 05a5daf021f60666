import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import { BadRequestError, problemDocsOf } from '../errors.js';
import type { DocumentedContract, ResponseContract } from '../http/route.js';
import * as z from '../zod.js';
import {
  genericProblems,
  type OperationProblem,
  operationProblems,
  problemSchema,
  takesBody,
  takesIdempotencyKey,
} from './problem-catalog.js';
import { type HeaderName, headerComponents, headerRefs, optionalHeaders } from './response-headers.js';

/** One operation to document: its route contract with its docs, and whether its function uses the table. */
export interface DocumentedRoute {
  route: DocumentedContract;
  usesTable: boolean;
}

const TAG_DESCRIPTIONS: Record<string, string> = {
  Platform: 'Health and this document (no authentication).',
  Stores: 'The stores of the group.',
  Catalog: 'Products and their variants (SKUs).',
  Inventory: 'Stock levels, adjustments, movements, stocktakes and reorder rules per store.',
  Transfers: 'Stock moved between stores.',
  Purchasing: 'Suppliers and purchase orders.',
  Imports: 'Bulk import of products, opening stock and customers from CSV files (columns: docs/import/).',
  Customers: 'Customers, their feedback and loyalty points.',
  Promotions: 'Discounts and coupons.',
  Orders: 'Orders, payments, fulfilment, refunds, receipts and credit notes.',
  Tax: 'Tax rates per region and product category, and how orders carry them.',
  Reports:
    'Finance reports (sales, takings, stock) from rollups kept by the order events; no report reads orders.',
  Audit:
    'Who changed what and when: one append-only entry per change of every business entity, from the table’s stream.',
  Users:
    'People who sign in: role (the user pool group), stores and access. Admin manages everyone, a manager the staff of their stores; a disabled user is refused even with a token issued before.',
};

/** What API Gateway answers itself, before any function runs (authorizer, limits, throttling). */
const GatewayMessageSchema = z.object({ message: z.string() }).clone().register(z.globalRegistry, {
  id: 'GatewayMessage',
  description: 'API Gateway’s own answer, before any function runs (AWS only).',
});

/** Statuses API Gateway may answer itself in AWS, with its own JSON body. */
const GATEWAY_ANSWERS: Record<number, string> = {
  401: 'In AWS the JWT authorizer answers a missing or invalid token itself.',
  413: 'In AWS API Gateway answers a body over its 10 MB limit itself.',
  500: 'In AWS API Gateway answers a function that failed or timed out itself.',
  503: 'In AWS API Gateway answers a throttled function itself.',
};

const problemLine = ({ type, when }: OperationProblem) =>
  `- \`/problems/${type.slug}\`: ${when ?? problemDocsOf(type).description}`;

/** A problem response: its types' schemas (one of, by `type`), their headers, what each means. */
const problemResponse = (status: number, problems: OperationProblem[]): ZodOpenApiResponseObject => {
  const [first, ...rest] = problems.map(({ type }) => problemSchema(type));
  if (!first) throw new Error(`No problem type for status ${status}`);
  const schema = rest.length === 0 ? first : z.discriminatedUnion('type', [first, ...rest]);
  const gateway = GATEWAY_ANSWERS[status];
  return {
    description: [...problems.map(problemLine), ...(gateway ? [`- ${gateway}`] : [])].join('\n'),
    headers: headerRefs(problems.flatMap(({ type }) => type.headers ?? [])),
    content: {
      'application/problem+json': { schema },
      ...(gateway ? { 'application/json': { schema: GatewayMessageSchema } } : {}),
    },
  };
};

/** The problem statuses whose answer is the same for every operation: documented once, referenced. */
const SHARED = {
  431: 'RequestHeaderFieldsTooLarge',
  500: 'InternalError',
  503: 'ServiceUnavailable',
} as const satisfies Record<number, string>;

const sharedResponses = () =>
  Object.fromEntries(
    Object.entries(SHARED).map(([status, name]) => [
      name,
      problemResponse(Number(status), genericProblems(Number(status))),
    ]),
  );

const TOO_MANY_REQUESTS: ZodOpenApiResponseObject = {
  description: 'Over the stage’s request rate (AWS only): API Gateway answers it itself; retry later.',
  content: { 'application/json': { schema: GatewayMessageSchema } },
};

/**
 * API Gateway's `$default` route (a path no route has, or a method the path lacks), as a
 * specification extension: no operation describes it, and the contract test checks such
 * answers against it.
 */
const defaultRouteResponses = () => ({
  '400': { $ref: '#/components/responses/MalformedPath' },
  '401': { $ref: '#/components/responses/DefaultRouteUnauthorized' },
  '404': { $ref: '#/components/responses/RouteNotFound' },
  '405': { $ref: '#/components/responses/MethodNotAllowed' },
  '413': { $ref: '#/components/responses/DefaultRoutePayloadTooLarge' },
  '431': { $ref: '#/components/responses/RequestHeaderFieldsTooLarge' },
  '500': { $ref: '#/components/responses/InternalError' },
});

const defaultRouteComponents = () => {
  const when = (status: number, text: string) =>
    genericProblems(status).map(({ type }) => ({ type, when: text }));
  return {
    MalformedPath: problemResponse(400, [
      { type: BadRequestError.problem, when: 'The path is not validly percent-encoded.' },
    ]),
    DefaultRouteUnauthorized: problemResponse(
      401,
      when(401, 'An unknown path or method, asked without a valid token.'),
    ),
    RouteNotFound: problemResponse(404, when(404, 'No route has this path.')),
    MethodNotAllowed: problemResponse(405, genericProblems(405)),
    DefaultRoutePayloadTooLarge: problemResponse(413, genericProblems(413)),
  };
};

const successResponse = (
  route: DocumentedContract,
  status: string,
  response: ResponseContract,
): ZodOpenApiResponseObject => {
  // A create that takes an Idempotency-Key answers a retry with 200 and Idempotent-Replayed.
  const replay = status === '200' && route.responses[201] !== undefined && takesIdempotencyKey(route);
  const headers: HeaderName[] = [
    ...(response.headers ?? []),
    ...(replay ? (['idempotent-replayed'] as const) : []),
  ];
  const content = {
    ...(response.schema ? { 'application/json': { schema: response.schema } } : {}),
    ...Object.fromEntries(
      Object.entries(response.otherMediaTypes ?? {}).map(([type, schema]) => [type, { schema }]),
    ),
  };
  return {
    description: response.description,
    headers: { ...headerRefs(headers), ...optionalHeaders(response.optionalHeaders ?? []) },
    ...(Object.keys(content).length > 0 ? { content } : {}),
  };
};

const operationFor = ({ route, usesTable }: DocumentedRoute): ZodOpenApiOperationObject => {
  const responses: Record<string, ZodOpenApiResponseObject | { $ref: string }> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    if (response) responses[status] = successResponse(route, status, response);
  }
  for (const [status, problems] of operationProblems(route, { usesTable })) {
    const shared = SHARED[status as keyof typeof SHARED];
    // The shared answer only where the operation adds nothing to it (a type of its own, a `when`).
    const generic =
      shared !== undefined &&
      problems.map(({ type, when }) => `${type.slug}${when ?? ''}`).join() ===
        genericProblems(status)
          .map(({ type }) => type.slug)
          .join();
    responses[String(status)] = generic
      ? { $ref: `#/components/responses/${shared}` }
      : problemResponse(status, problems);
  }
  responses['429'] = { $ref: '#/components/responses/TooManyRequests' };
  const body = route.body ?? (takesBody(route) ? z.optional(z.strictObject({})) : undefined);
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
              description: 'The ETag you last read, e.g. `"3"`.',
              schema: { type: 'string', pattern: '^"[0-9]+"$' },
            },
          ],
        }
      : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } }
      : body
        ? { requestBody: { required: false, content: { 'application/json': { schema: body } } } }
        : {}),
    responses: responses as ZodOpenApiOperationObject['responses'],
  };
};

/**
 * The OpenAPI 3.1 document, generated from the same route contracts and zod schemas that
 * validate requests, and from the problem types of lib/errors.ts and the domains.
 */
export const buildOpenApiDocument = (routes: readonly DocumentedRoute[], version: string) => {
  const paths: ZodOpenApiPathsObject = {};
  for (const documented of routes) {
    const { route } = documented;
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: operationFor(documented),
    };
  }
  const responses = {
    ...sharedResponses(),
    ...defaultRouteComponents(),
    TooManyRequests: TOO_MANY_REQUESTS,
  };
  const tags = [...new Set(routes.map(({ route }) => route.tag))].map((name) => ({
    name,
    ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}),
  }));
  return {
    ...createDocument({
      openapi: '3.1.0',
      info: {
        title: 'storefleet API',
        version,
        description: [
          'Back end of a group of retail stores. Errors are RFC 9457 problem documents (`application/problem+json`),',
          'one schema per problem `type`; writes use ETag/If-Match. Every response carries `X-Request-Id`.',
          'A path no route has, or a method a path lacks, is answered as `x-default-route` describes.',
        ].join(' '),
      },
      servers: [
        { url: '/', description: 'The API this document was served by.' },
        {
          url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
          description: 'A deployed stage (its URL is the `ApiUrl` output of the API stack).',
          variables: { apiId: { default: 'abcdef1234' }, region: { default: 'ap-southeast-2' } },
        },
        {
          url: 'http://localhost:{port}',
          description: 'The local runtime (`npm start`).',
          variables: { port: { default: '3000' } },
        },
      ],
      tags,
      security: [{ bearer: [] }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        headers: headerComponents() as never,
        responses,
      },
      paths,
    }),
    'x-default-route': {
      description: 'API Gateway’s `$default` route: any path no operation has, or a method its path lacks.',
      responses: defaultRouteResponses(),
    },
  };
};
