/**
 * Checks a real HTTP answer against the OpenAPI document the API serves: the status is
 * declared for the operation (or for `x-default-route` when no route matches), the body
 * matches the schema of that status and media type, and the declared headers are present
 * and match their patterns. The e2e client runs it on every response, so every e2e test is
 * also a contract test. Validators are compiled once per worker, on first use.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { type RouteContract, routeKey } from '../../lib/http/route.js';
import { matchRoute } from '../../lib/http/route-matcher.js';
import { documentedRoutes } from '../../lib/platform/api-routes.js';
import { buildOpenApiDocument } from '../../lib/platform/openapi-document.js';

type Json = Record<string, unknown>;
interface ResponseObject {
  description: string;
  headers?: Record<string, Json>;
  content?: Record<string, { schema: Json }>;
}

export interface ObservedResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  text: string;
}

const routes = documentedRoutes().map(({ route }) => route);
export const openApiDocument = buildOpenApiDocument(documentedRoutes(), '0.0.0-test') as unknown as Json & {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, Json> }>>;
  components: { responses: Record<string, ResponseObject>; headers: Record<string, Json>; schemas: Json };
  'x-default-route': { responses: Record<string, Json> };
};

const DOC_ID = 'https://storefleet.invalid/openapi.json';
// OpenAPI's own keywords inside schemas; formats are checked like the zod schemas check them.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats.default(ajv);
ajv.addVocabulary(['discriminator', 'components', 'example', 'xml', 'externalDocs']);
ajv.addSchema({ components: { schemas: openApiDocument.components.schemas } }, DOC_ID);

/** A schema of the document, with its local references pointed at the document. */
const rebased = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(rebased);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/')
        ? `${DOC_ID}${inner}`
        : rebased(inner),
    ]),
  );
};

const validators = new Map<string, ValidateFunction>();
const validatorFor = (key: string, schema: Json): ValidateFunction => {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(rebased(schema) as Json);
    validators.set(key, validate);
  }
  return validate;
};

const resolve = <T>(value: Json, section: 'responses' | 'headers'): T => {
  const ref = value.$ref;
  if (typeof ref !== 'string') return value as T;
  const name = ref.replace(`#/components/${section}/`, '');
  const target = openApiDocument.components[section][name];
  if (!target) throw new Error(`The document references ${ref}, which it does not define`);
  return target as T;
};

/** The problem `type`s a response declares (from its discriminator mapping or single schema). */
const declaredTypes = (schema: Json): string[] => {
  const mapping = (schema.discriminator as { mapping?: Record<string, string> } | undefined)?.mapping;
  if (mapping) return Object.keys(mapping);
  const ref = typeof schema.$ref === 'string' ? schema.$ref.replace('#/components/schemas/', '') : undefined;
  const target = ref ? (openApiDocument.components.schemas[ref] as Json | undefined) : undefined;
  const type = (target?.properties as Record<string, Json> | undefined)?.type?.const;
  return typeof type === 'string' ? [type] : [];
};

/** The statuses each operation answered in this worker (by operationId), for coverage checks. */
export const observedStatuses = new Map<string, Set<number>>();

const HOW_TO_DECLARE =
  'If the answer is right, declare it in the route contract: list the error class (with its own `static problem`, lib/errors.ts) or status in `errors`, or the header in `responses`.';

/** What is wrong with an answer according to the document; empty when it conforms. */
export const contractViolations = (method: string, url: string, response: ObservedResponse): string[] => {
  const upper = method.toUpperCase();
  // CORS preflights are answered by the gateway itself, outside the API's operations.
  if (upper === 'OPTIONS') return [];
  const path = url.split('?')[0] ?? url;
  let match: ReturnType<typeof matchRoute<RouteContract>>;
  try {
    match = matchRoute(routes, upper === 'HEAD' ? 'GET' : upper, path);
  } catch {
    match = { kind: 'not-found' };
  }
  const operation =
    match.kind === 'matched'
      ? openApiDocument.paths[match.route.path]?.[match.route.method.toLowerCase()]
      : undefined;
  const label =
    match.kind === 'matched'
      ? `${operation?.operationId} (${routeKey(match.route)})`
      : `$default (${upper} ${path})`;
  const declared = operation ? operation.responses : openApiDocument['x-default-route'].responses;
  if (operation) {
    observedStatuses.set(
      operation.operationId,
      (observedStatuses.get(operation.operationId) ?? new Set()).add(response.status),
    );
  }
  const entry = declared[String(response.status)];
  if (!entry) {
    return [
      `${label} answered ${response.status}, which the document does not declare for it (declared: ${Object.keys(declared).join(', ')}). ${HOW_TO_DECLARE}\n${response.text.slice(0, 500)}`,
    ];
  }
  const declaredResponse = resolve<ResponseObject>(entry, 'responses');
  const violations: string[] = [];

  for (const [name, header] of Object.entries(declaredResponse.headers ?? {})) {
    const spec = resolve<{ required?: boolean; schema: Json }>(header, 'headers');
    const value = response.headers[name.toLowerCase()];
    if (value === undefined) {
      if (spec.required) violations.push(`${label} ${response.status} lacks the declared header ${name}.`);
      continue;
    }
    const validate = validatorFor(`header ${name}`, spec.schema);
    if (!validate(value))
      violations.push(
        `${label} ${response.status}: header ${name}: "${value}" ${ajv.errorsText(validate.errors)}.`,
      );
  }

  const content = declaredResponse.content ?? {};
  const mediaType = (response.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (upper === 'HEAD' || response.text === '') {
    if (upper !== 'HEAD' && Object.keys(content).length > 0) {
      violations.push(
        `${label} ${response.status} has an empty body; the document declares ${Object.keys(content).join(', ')}.`,
      );
    }
    return violations;
  }
  const media = content[mediaType];
  if (!media) {
    violations.push(
      `${label} ${response.status} answered ${mediaType || 'no content type'}, not declared (declared: ${Object.keys(content).join(', ') || 'no body'}). ${HOW_TO_DECLARE}`,
    );
    return violations;
  }
  let body: unknown = response.text;
  if (/json$/.test(mediaType)) {
    try {
      body = JSON.parse(response.text);
    } catch {
      return [...violations, `${label} ${response.status}: the ${mediaType} body is not JSON.`];
    }
  }
  const problemType = (body as { type?: unknown } | null)?.type;
  const types = mediaType === 'application/problem+json' ? declaredTypes(media.schema) : [];
  if (types.length > 0 && typeof problemType === 'string' && !types.includes(problemType)) {
    violations.push(
      `${label} answered ${response.status} ${problemType}, which the document does not declare for it (declared for ${response.status}: ${types.join(', ')}). ${HOW_TO_DECLARE}\n${response.text.slice(0, 500)}`,
    );
    return violations;
  }
  const validate = validatorFor(`${label} ${response.status} ${mediaType}`, media.schema);
  if (!validate(body)) {
    violations.push(
      `${label} ${response.status} ${mediaType} body does not match the document: ${ajv.errorsText(validate.errors, { separator: '; ' })}\n${response.text.slice(0, 800)}`,
    );
  }
  return violations;
};
