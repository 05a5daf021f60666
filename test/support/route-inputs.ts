import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { httpRoutes } from '../../infra/app-definition.js';
import { type RouteContract, routeKey } from '../../lib/http/route.js';
import { formatPath } from '../../lib/http/validation.js';
import * as z from '../../lib/zod.js';

/** Every route contract of the app definition, each once. */
export const allRoutes = (): RouteContract[] => {
  const seen = new Map<string, RouteContract>();
  for (const { route } of httpRoutes()) seen.set(routeKey(route), route);
  return [...seen.values()];
};

/** Path parameters that pass every params schema: ids, and a SKU where the route names one. */
export const validParams = (route: RouteContract): Record<string, string> =>
  Object.fromEntries(
    [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => [name, name === 'sku' ? 'SKU-1' : 'id_1']),
  );

/** Queries that pass, for routes whose query has required fields (by operationId). */
const SAMPLE_QUERIES: Readonly<Record<string, Record<string, string>>> = {
  listEntityAudit: { entityType: 'Order', entityId: 'or_1' },
};

/**
 * An event for `route` whose params and query pass, so that what a test varies (the body, its
 * headers) is what gets judged; undefined for the few routes whose query needs values
 * SAMPLE_QUERIES does not give.
 */
export const baseEvent = (route: RouteContract): APIGatewayProxyEventV2 | undefined => {
  const query = SAMPLE_QUERIES[route.operationId];
  if (route.query && !route.query.safeParse(query ?? {}).success) return undefined;
  return {
    headers: { 'content-type': 'application/json' },
    ...(query ? { queryStringParameters: query } : {}),
    pathParameters: validParams(route),
    requestContext: { http: { method: route.method } },
  } as unknown as APIGatewayProxyEventV2;
};

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
};

export interface Leaf {
  path: PropertyKey[];
  kind: 'string' | 'number';
  schema: JsonSchema;
}

/** A record key that matches every propertyNames pattern we use (camelCase names). */
export const RECORD_KEY = 'aKey';

/**
 * Every string and number a body schema accepts, with the path to it (records through
 * `RECORD_KEY`, arrays through index 0), read from its JSON Schema so that any future field is
 * found without being listed here.
 */
export const leavesOf = (schema: z.ZodMiniType): Leaf[] => {
  const document = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const resolve = (node: JsonSchema): JsonSchema =>
    node.$ref ? resolve(document.$defs?.[node.$ref.replace('#/$defs/', '')] ?? {}) : node;
  const leaves: Leaf[] = [];
  const walk = (raw: JsonSchema, path: PropertyKey[]): void => {
    const node = resolve(raw);
    for (const alternative of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) walk(alternative, path);
    const types = Array.isArray(node.type) ? node.type : [node.type];
    if (types.includes('string')) leaves.push({ path, kind: 'string', schema: node });
    if (types.includes('number') || types.includes('integer'))
      leaves.push({ path, kind: 'number', schema: node });
    for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, [...path, key]);
    if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, [...path, RECORD_KEY]);
    if (node.items) walk(node.items, [...path, 0]);
  };
  walk(document, []);
  return leaves;
};

/** `{}` with `value` placed at `path`, creating objects and arrays on the way. */
export const placeAt = (path: readonly PropertyKey[], value: unknown): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const inner = placeAt(rest, value);
  if (typeof head !== 'number') return { [String(head)]: inner };
  return Array.from({ length: head + 1 }, (_, index) => (index === head ? inner : 0));
};

/** Every path a zod error names, including those nested in union alternatives. */
export const issuePaths = (root: string, error: z.core.$ZodError): string[] => {
  const paths: string[] = [];
  const collect = (issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]) => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      paths.push(formatPath(root, path));
      if (issue.code === 'invalid_union') for (const branch of issue.errors) collect(branch, path);
    }
  };
  collect(error.issues, []);
  return paths;
};
