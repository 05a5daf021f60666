/**
 * The structure of an OpenAPI 3.1 document as the specification defines it (the parts this API
 * uses, closed where the specification is closed), as JSON Schema for ajv. Written from the
 * specification's object definitions rather than fetched, so the unit tier needs no network.
 */
const ref = { type: 'object', required: ['$ref'], properties: { $ref: { type: 'string', pattern: '^#/' } } };
const extensions = { '^x-': {} };
const orRef = (schema: object) => ({ oneOf: [ref, schema] });
const map = (schema: object, keys = '.*') => ({
  type: 'object',
  propertyNames: { pattern: keys },
  additionalProperties: schema,
});

const schemaObject = { type: ['object', 'boolean'] };

const mediaType = {
  type: 'object',
  properties: { schema: schemaObject, example: {}, examples: { type: 'object' } },
  additionalProperties: false,
  patternProperties: extensions,
};

const header = {
  type: 'object',
  properties: {
    description: { type: 'string' },
    required: { type: 'boolean' },
    deprecated: { type: 'boolean' },
    schema: schemaObject,
  },
  required: ['schema'],
  additionalProperties: false,
  patternProperties: extensions,
};

const response = {
  type: 'object',
  required: ['description'],
  properties: {
    description: { type: 'string' },
    headers: map(orRef(header)),
    content: map(mediaType, '^[a-z]+/[a-z0-9.+*-]+$'),
    links: { type: 'object' },
  },
  additionalProperties: false,
  patternProperties: extensions,
};

const parameter = {
  type: 'object',
  required: ['name', 'in', 'schema'],
  properties: {
    name: { type: 'string', minLength: 1 },
    in: { enum: ['query', 'header', 'path', 'cookie'] },
    description: { type: 'string' },
    required: { type: 'boolean' },
    deprecated: { type: 'boolean' },
    allowEmptyValue: { type: 'boolean' },
    style: { type: 'string' },
    explode: { type: 'boolean' },
    schema: schemaObject,
    example: {},
  },
  // A path parameter is always required (`in: path` ⇒ `required: true`).
  anyOf: [
    { properties: { in: { not: { const: 'path' } } } },
    { required: ['required'], properties: { required: { const: true } } },
  ],
  additionalProperties: false,
  patternProperties: extensions,
};

const operation = {
  type: 'object',
  required: ['responses', 'operationId'],
  properties: {
    operationId: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*$' },
    summary: { type: 'string' },
    description: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    parameters: { type: 'array', items: orRef(parameter) },
    requestBody: orRef({
      type: 'object',
      required: ['content'],
      properties: {
        description: { type: 'string' },
        required: { type: 'boolean' },
        content: map(mediaType, '^[a-z]+/[a-z0-9.+*-]+$'),
      },
      additionalProperties: false,
    }),
    responses: {
      ...map(orRef(response), '^([1-5][0-9]{2}|[1-5]XX|default)$'),
      minProperties: 1,
    },
    security: { type: 'array', items: { type: 'object', additionalProperties: { type: 'array' } } },
    deprecated: { type: 'boolean' },
  },
  additionalProperties: false,
  patternProperties: extensions,
};

const serverVariable = {
  type: 'object',
  required: ['default'],
  properties: { default: { type: 'string' }, enum: { type: 'array' }, description: { type: 'string' } },
  additionalProperties: false,
};

export const openApiStructureSchema = {
  type: 'object',
  required: ['openapi', 'info', 'paths'],
  properties: {
    openapi: { type: 'string', pattern: '^3\\.1\\.\\d+(-.+)?$' },
    info: {
      type: 'object',
      required: ['title', 'version'],
      properties: { title: { type: 'string' }, version: { type: 'string' }, description: { type: 'string' } },
    },
    servers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['url'],
        properties: {
          url: { type: 'string' },
          description: { type: 'string' },
          variables: map(serverVariable),
        },
        additionalProperties: false,
      },
    },
    tags: {
      type: 'array',
      uniqueItems: true,
      items: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, description: { type: 'string' } },
        additionalProperties: false,
      },
    },
    security: { type: 'array' },
    paths: map(
      {
        type: 'object',
        propertyNames: {
          enum: [
            'get',
            'put',
            'post',
            'delete',
            'options',
            'head',
            'patch',
            'trace',
            'parameters',
            'summary',
            'description',
          ],
        },
        additionalProperties: operation,
      },
      '^/',
    ),
    components: {
      type: 'object',
      properties: {
        schemas: map(schemaObject, '^[a-zA-Z0-9._-]+$'),
        responses: map(orRef(response), '^[a-zA-Z0-9._-]+$'),
        headers: map(orRef(header), '^[a-zA-Z0-9._-]+$'),
        securitySchemes: map({ type: 'object', required: ['type'] }, '^[a-zA-Z0-9._-]+$'),
      },
      additionalProperties: false,
      patternProperties: extensions,
    },
  },
  additionalProperties: false,
  patternProperties: extensions,
} as const;
