import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { httpRoutes } from '../../../infra/app-definition.js';
import { defineProblem, documentProblem, ServiceUnavailableError } from '../../../lib/errors.js';
import { defineRoute } from '../../../lib/http/route.js';
import { isReservedReason } from '../../../lib/inventory/adjustment-rules.js';
import { ADJUSTMENT_REASONS } from '../../../lib/inventory/stock-change.js';
import { documentedRoutes } from '../../../lib/platform/api-routes.js';
import { buildOpenApiDocument } from '../../../lib/platform/openapi-document.js';
import { openApiStructureSchema } from './openapi-structure.js';

type Json = Record<string, unknown>;
interface Operation extends Json {
  operationId: string;
  tags: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: Json;
  responses: Record<string, Json>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

describe('OpenAPI document', () => {
  const routes = httpRoutes().map(({ route }) => route);
  const document = buildOpenApiDocument(documentedRoutes(), '1.2.3') as unknown as Json & {
    paths: Record<string, Record<string, Operation>>;
    components: Record<string, Record<string, Json>>;
    tags: { name: string }[];
    servers: { url: string }[];
  };
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );
  const routeOf = (operationId: string) => routes.find((route) => route.operationId === operationId);
  const resolved = (response: Json): Json => {
    const ref = response.$ref;
    return typeof ref === 'string'
      ? (document.components.responses?.[ref.split('/').pop() ?? ''] ?? {})
      : response;
  };

  it('is structurally valid OpenAPI 3.1: fields, status keys, media types, unique ids, declared tags', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(openApiStructureSchema);
    expect(validate(document), ajv.errorsText(validate.errors, { separator: '\n' })).toBe(true);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = new Set(document.tags.map(({ name }) => name));
    for (const { operation } of operations) for (const tag of operation.tags) expect(tags).toContain(tag);
  });

  it('has a structure check that refuses broken documents', () => {
    const validate = new Ajv2020({ strict: false }).compile(openApiStructureSchema);
    const broken = (change: (copy: typeof document) => void) => {
      const copy = structuredClone(document);
      change(copy);
      return validate(copy);
    };
    expect(broken(() => {})).toBe(true);
    expect(broken((copy) => Object.assign(copy, { openapi: '3.0.3' }))).toBe(false);
    expect(broken((copy) => delete copy.paths['/stores']?.get?.responses['200']?.description)).toBe(false);
    expect(
      broken((copy) =>
        Object.assign(copy.paths['/stores']?.get?.responses ?? {}, { '2xx': { description: 'x' } }),
      ),
    ).toBe(false);
    expect(
      broken((copy) => {
        for (const parameter of copy.paths['/stores/{storeId}']?.get?.parameters ?? [])
          delete parameter.required;
      }),
    ).toBe(false);
  });

  it('has every $ref resolve and every schema compile as JSON Schema 2020-12 (strict)', () => {
    const pointer = (ref: string) =>
      ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>(
          (node, part) => (node as Json | undefined)?.[part.replaceAll('~1', '/').replaceAll('~0', '~')],
          document,
        );
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) {
        for (const item of node) visit(item);
        return;
      }
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref') expect(pointer(String(value)), String(value)).toBeDefined();
        else visit(value);
      }
    };
    visit(document);
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats.default(ajv);
    ajv.addVocabulary(['discriminator', 'example', 'components']);
    ajv.addSchema({ components: { schemas: document.components.schemas } }, 'doc');
    for (const name of Object.keys(document.components.schemas ?? {})) {
      expect(() => ajv.getSchema(`doc#/components/schemas/${name}`), name).not.toThrow();
    }
  });

  it('documents every route of the app definition with its path parameters', () => {
    for (const route of routes) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation?.operationId, `${route.method} ${route.path}`).toBe(route.operationId);
      for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) {
        expect(operation?.parameters, `${route.operationId} {${name}}`).toEqual(
          expect.arrayContaining([expect.objectContaining({ name, in: 'path', required: true })]),
        );
      }
    }
  });

  it('derives request schemas from the same zod schemas that validate requests', () => {
    const create = document.paths['/stores']?.post;
    const body = create?.requestBody as { content: Record<string, { schema: unknown }> };
    expect(JSON.stringify(body.content['application/json']?.schema)).toContain('CreateStore');
    expect(JSON.stringify(document.components.schemas?.CreateStore)).toContain(
      '"additionalProperties":false',
    );
  });

  it('names servers (relative, a deployed stage, localhost) and describes every tag', () => {
    expect(document.servers.map(({ url }) => url)).toEqual([
      '/',
      'https://{apiId}.execute-api.{region}.amazonaws.com',
      'http://localhost:{port}',
    ]);
    for (const tag of document.tags) {
      const described = (tag as { description?: string }).description;
      expect(
        described,
        `tag ${tag.name}: describe it in TAG_DESCRIPTIONS (lib/platform/openapi-document.ts)`,
      ).toBeTruthy();
    }
  });

  it('declares 401 with WWW-Authenticate on every protected operation, none on public ones', () => {
    expect(document.paths['/health']?.get?.security).toEqual([]);
    for (const { operation } of operations) {
      const route = routeOf(operation.operationId);
      const unauthorized = operation.responses['401'];
      if (route?.access === 'public') {
        expect(unauthorized, operation.operationId).toBeUndefined();
        continue;
      }
      expect(Object.keys((unauthorized?.headers as Json) ?? {}), operation.operationId).toContain(
        'WWW-Authenticate',
      );
    }
  });

  it('declares 413 and 415 on every operation with a body, 503 with Retry-After where the table is used, 431 and 500 everywhere', () => {
    for (const { route, usesTable } of documentedRoutes()) {
      const responses = document.paths[route.path]?.[route.method.toLowerCase()]?.responses ?? {};
      if (route.body)
        expect(Object.keys(responses), route.operationId).toEqual(expect.arrayContaining(['413', '415']));
      const unavailable = responses['503'];
      if (!usesTable) expect(unavailable, route.operationId).toBeUndefined();
      else expect(Object.keys((resolved(unavailable ?? {}).headers as Json) ?? {})).toContain('Retry-After');
      expect(Object.keys(responses), route.operationId).toEqual(
        expect.arrayContaining(['431', '500', '429']),
      );
    }
  });

  it('gives each status the schemas of its problem types, several as oneOf by `type`', () => {
    const ready = document.paths['/transfers/{transferId}/ready']?.post?.responses['409'] as Json;
    const schema = (ready.content as Record<string, { schema: Json }>)['application/problem+json']?.schema;
    const discriminator = schema?.discriminator as { mapping: Json } | undefined;
    expect(Object.keys(discriminator?.mapping ?? {})).toEqual([
      '/problems/invalid-state',
      '/problems/insufficient-stock',
      '/problems/conflict',
    ]);
    expect(String(ready.description)).toContain('`/problems/invalid-state`');
    const stock = document.components.schemas?.InsufficientStockProblem as {
      properties: Json;
      required: string[];
    };
    expect(Object.keys(stock.properties)).toContain('shortages');
    expect(stock.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'requestId', 'shortages']),
    );
    for (const name of [
      'InvalidStateProblem',
      'PaymentExceedsDueProblem',
      'RefundExceedsPaidProblem',
      'InsufficientPointsProblem',
    ]) {
      expect(document.components.schemas, name).toHaveProperty(name);
    }
  });

  it('documents a route’s own type of a shared status (e.g. a 503 subclass) in place of the shared answer', () => {
    class Contended extends ServiceUnavailableError {
      static override readonly problem = defineProblem({
        ...ServiceUnavailableError.problem,
        slug: 'contended',
      });
    }
    documentProblem(Contended, { description: 'Kept losing races.' });
    const route = defineRoute({
      operationId: 'probe',
      method: 'GET',
      path: '/probe',
      summary: 'x',
      tag: 'Platform',
      access: 'stores:read',
      responses: { 200: { description: 'x' } },
      errors: [Contended],
    });
    const probe = buildOpenApiDocument([{ route, usesTable: true }], '1') as unknown as typeof document;
    const unavailable = probe.paths['/probe']?.get?.responses['503'] as Json;
    expect(unavailable.$ref).toBeUndefined();
    expect(String(unavailable.description)).toContain('`/problems/contended`');
    expect(probe.paths['/probe']?.get?.responses['500']).toEqual({
      $ref: '#/components/responses/InternalError',
    });
  });

  it('describes each 409 as what it is on that route, not as one generic duplicate', () => {
    const descriptions = operations
      .map(({ operation }) => operation.responses['409'])
      .filter((response): response is Json => response !== undefined)
      .map((response) => String(response.description));
    expect(descriptions.length).toBeGreaterThan(15);
    expect(new Set(descriptions).size).toBeGreaterThan(10);
    expect(descriptions.join()).not.toContain(
      'Conflicts with existing data (e.g. a duplicate code, SKU or barcode).',
    );
  });

  it('declares the response headers the API sends, with their patterns', () => {
    const headers = document.components.headers ?? {};
    expect(Object.keys(headers)).toEqual(
      expect.arrayContaining([
        'XRequestId',
        'ETag',
        'Location',
        'IdempotentReplayed',
        'WWWAuthenticate',
        'RetryAfter',
        'Allow',
      ]),
    );
    expect(headers.ETag?.schema).toEqual({ type: 'string', pattern: '^"[0-9]+"$' });
    const replay = document.paths['/orders']?.post?.responses['200']?.headers as Json;
    expect(Object.keys(replay)).toEqual(
      expect.arrayContaining(['Idempotent-Replayed', 'ETag', 'X-Request-Id']),
    );
    const patch = document.paths['/products/{productId}']?.patch;
    expect(Object.keys(patch?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '412', '428']));
    expect(patch?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'If-Match', in: 'header' })]),
    );
  });

  it('describes the $default route: 404 for unknown paths, 405 with Allow', () => {
    const fallback = document['x-default-route'] as { responses: Record<string, Json> };
    expect(Object.keys(fallback.responses)).toEqual(expect.arrayContaining(['401', '404', '405']));
    expect(Object.keys((resolved(fallback.responses['405'] ?? {}).headers as Json) ?? {})).toContain('Allow');
  });

  it('offers the adjustment reasons that are accepted, and no others', () => {
    const adjustment = document.components.schemas?.InventoryAdjustment as
      | { properties: { reason: { enum: string[] } } }
      | undefined;
    const reason = adjustment?.properties.reason ?? { enum: [] };
    expect(reason.enum.sort()).toEqual(ADJUSTMENT_REASONS.filter((r) => !isReservedReason(r)).sort());
    expect(reason.enum).not.toContain('transfer_in');
  });
});
