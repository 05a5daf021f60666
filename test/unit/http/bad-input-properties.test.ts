/**
 * Bad input across every route contract of the app definition, with fast-check: whatever the
 * route, unsafe numbers, control and bidi characters, malformed JSON, unknown fields where no
 * body is expected, and media types or codings we do not read are refused as a client error
 * naming the field. Routes and fields are discovered, not listed, so a new route or a schema
 * that forgets the shared types fails here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, UnsupportedMediaTypeError, ValidationError } from '../../../lib/errors.js';
import { parseRequestInput } from '../../../lib/http/request-input.js';
import type { RouteContract } from '../../../lib/http/route.js';
import { formatPath } from '../../../lib/http/validation.js';
import {
  allRoutes,
  baseEvent,
  issuePaths,
  type Leaf,
  leavesOf,
  placeAt,
  RECORD_KEY,
} from '../../support/route-inputs.js';

const routes = allRoutes();
const withBody = routes.filter((route) => route.body);
const judged = routes.flatMap((route) => {
  const event = baseEvent(route);
  return event ? [{ route, event }] : [];
});

/** Characters no text field may store (see lib/http/safe-values.ts). */
const forbiddenChar = fc
  .oneof(
    fc.integer({ min: 0x00, max: 0x08 }),
    fc.constantFrom(0x0b, 0x0c, 0x7f, 0x2028, 0x2029),
    fc.integer({ min: 0x0e, max: 0x1f }),
    fc.integer({ min: 0x80, max: 0x9f }),
    fc.integer({ min: 0x202a, max: 0x202e }),
    fc.integer({ min: 0x2066, max: 0x2069 }),
  )
  .map((code) => String.fromCharCode(code));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const badChar = fc.oneof(forbiddenChar, loneSurrogate);

const unsafeNumber = fc.oneof(
  fc.double({ min: Number.MAX_SAFE_INTEGER + 2, noNaN: true }),
  fc.double({ max: -(Number.MAX_SAFE_INTEGER + 2), noNaN: true }),
  fc.double({ min: Number.MIN_VALUE, max: 9e-7, noNaN: true }),
  fc.constantFrom(1e30, -1e30, 2 ** 53, 1e-7, 5e-324),
);

/** JSON text of `value`; an infinity is written as `1e400`, which JSON.parse reads back as one. */
const jsonText = (value: unknown): string =>
  JSON.stringify(value, (_, item) => (item === Infinity ? '+INF' : item === -Infinity ? '-INF' : item))
    .replaceAll('"+INF"', '1e400')
    .replaceAll('"-INF"', '-1e400');

const FORMAT_EXAMPLES: Record<string, string> = {
  email: 'mia@example.com',
  'date-time': '2025-01-01T00:00:00Z',
  date: '2025-01-01',
};

/** A value the leaf would accept, to be spoiled with one bad character in its middle. */
const validText = (leaf: Leaf): fc.Arbitrary<string> | undefined => {
  const { schema } = leaf;
  if (schema.enum || schema.const !== undefined) return undefined; // closed sets: nothing to inject into
  if (schema.format) {
    const example = FORMAT_EXAMPLES[schema.format];
    return example ? fc.constant(example) : undefined;
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  return fc.constantFrom('Abc', 'Mia Chen', '12 George St');
};

const spoiled = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, badChar, fc.nat()).map(([value, bad, at]) => {
    // Inside the text (trimming cannot remove it), or between two copies when it has one character.
    if (value.length < 2) return `${value}${bad}${value}`;
    const index = 1 + (at % (value.length - 1));
    return `${value.slice(0, index)}${bad}${value.slice(index)}`;
  });

const leafCases = withBody.flatMap((route) =>
  leavesOf(route.body as NonNullable<RouteContract['body']>).map((leaf) => ({ route, leaf })),
);

describe('every field of every request body schema', () => {
  it('finds the body schemas and their fields', () => {
    expect(withBody.length).toBeGreaterThan(20);
    expect(leafCases.filter(({ leaf }) => leaf.kind === 'string').length).toBeGreaterThan(60);
  });

  it.each(
    leafCases
      .filter(({ leaf }) => leaf.kind === 'string')
      .map(
        ({ route, leaf }) => [`${route.operationId} ${formatPath('body', leaf.path)}`, route, leaf] as const,
      ),
  )('%s refuses control and bidi characters by its schema alone', (_, route, leaf) => {
    const text = validText(leaf);
    if (!text) return; // enums: only their listed values pass
    const schema = route.body as NonNullable<RouteContract['body']>;
    const target = formatPath('body', leaf.path);
    fc.assert(
      fc.property(spoiled(text), (value) => {
        const result = schema.safeParse(placeAt(leaf.path, value));
        expect(result.success).toBe(false);
        if (!result.success) expect(issuePaths('body', result.error)).toContain(target);
      }),
      { numRuns: 30 },
    );
  });

  it.each(
    leafCases
      .filter(({ leaf }) => leaf.kind === 'number')
      .map(
        ({ route, leaf }) => [`${route.operationId} ${formatPath('body', leaf.path)}`, route, leaf] as const,
      ),
  )('%s refuses numbers the table cannot hold by its schema alone', (_, route, leaf) => {
    const schema = route.body as NonNullable<RouteContract['body']>;
    const target = formatPath('body', leaf.path);
    fc.assert(
      fc.property(unsafeNumber, (value) => {
        const result = schema.safeParse(placeAt(leaf.path, value));
        expect(result.success).toBe(false);
        if (!result.success) expect(issuePaths('body', result.error)).toContain(target);
      }),
      { numRuns: 30 },
    );
  });
});

/** Runs `parseRequestInput` and returns what it threw, failing on anything but a client error. */
const rejection = (route: RouteContract, event: ReturnType<typeof baseEvent>): AppError => {
  try {
    parseRequestInput(route, event as NonNullable<typeof event>);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBeGreaterThanOrEqual(400);
    expect((error as AppError).status).toBeLessThan(500);
    return error as AppError;
  }
  throw new Error(`${route.operationId} accepted it`);
};

const pathsOf = (error: AppError) => error.errors?.map((issue) => issue.path) ?? [];

const safeKey = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/);
const jsonPath = fc.array(fc.oneof(safeKey, fc.nat({ max: 3 })), { maxLength: 4 });

describe('every route, through the request parser', () => {
  it('can judge almost every route from an empty query', () => {
    expect(judged.length).toBeGreaterThanOrEqual(routes.length - 2);
  });

  it.each(judged.map(({ route, event }) => [route.operationId, route, event] as const))(
    '%s names an unsafe number or string wherever it sits in the body',
    (_, route, event) => {
      fc.assert(
        fc.property(jsonPath, fc.oneof(unsafeNumber, spoiled(fc.constant('Abc'))), (path, bad) => {
          const error = rejection(route, { ...event, body: jsonText(placeAt(path, bad)) });
          expect(error).toBeInstanceOf(ValidationError);
          expect(pathsOf(error)).toEqual([formatPath('body', path)]);
        }),
        { numRuns: 25 },
      );
    },
  );

  it.each(judged.map(({ route, event }) => [route.operationId, route, event] as const))(
    '%s answers malformed JSON with 400 naming body',
    (_, route, event) => {
      const malformed = fc.string({ minLength: 1 }).filter((text) => {
        if (text.trim() === '') return false;
        try {
          JSON.parse(text);
          return false;
        } catch {
          return true;
        }
      });
      fc.assert(
        fc.property(
          fc.oneof(malformed, fc.constantFrom('{', '{"a":1,}', "{'a':1}", '[1,]', 'NaN')),
          (raw) => {
            const error = rejection(route, { ...event, body: raw });
            expect(error).toBeInstanceOf(ValidationError);
            expect(pathsOf(error)).toEqual(['body']);
          },
        ),
        { numRuns: 25 },
      );
    },
  );

  it.each(judged.map(({ route, event }) => [route.operationId, route, event] as const))(
    '%s answers 415 for a media type, charset or coding it does not read',
    (_, route, event) => {
      const mediaType = fc.oneof(
        fc.constantFrom(
          'text/plain',
          'application/xml',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
        ),
        fc.stringMatching(/^[a-z]{1,10}\/[a-z]{1,10}$/).filter((type) => !/json$/.test(type)),
      );
      const charset = fc
        .constantFrom('iso-8859-1', 'utf-16', 'utf-16le', 'windows-1252', 'us-ascii', 'gbk', 'utf8')
        .map((name) => `application/json; charset=${name}`);
      const coding = fc.constantFrom('gzip', 'br', 'deflate', 'compress', 'zstd', 'identity, gzip');
      const headers = fc.oneof(
        fc.oneof(mediaType, charset).map((type) => ({ 'content-type': type })),
        coding.map((value) => ({ 'content-type': 'application/json', 'content-encoding': value })),
      );
      fc.assert(
        fc.property(headers, (bad) => {
          const error = rejection(route, { ...event, body: '{}', headers: bad });
          expect(error).toBeInstanceOf(UnsupportedMediaTypeError);
        }),
        { numRuns: 25 },
      );
    },
  );

  const noBody = judged.filter(({ route }) => !route.body);
  it.each(noBody.map(({ route, event }) => [route.operationId, route, event] as const))(
    '%s takes no body: any field is refused by name',
    (_, route, event) => {
      const value = fc.oneof(fc.integer(), fc.boolean(), fc.stringMatching(/^[a-z ]{0,10}$/));
      fc.assert(
        fc.property(fc.dictionary(safeKey, value, { minKeys: 1, maxKeys: 4 }), (body) => {
          const error = rejection(route, { ...event, body: JSON.stringify(body) });
          expect(pathsOf(error).sort()).toEqual(
            Object.keys(body)
              .map((key) => `body.${key}`)
              .sort(),
          );
        }),
        { numRuns: 20 },
      );
      expect(parseRequestInput(route, { ...event, body: '{}' }).body).toBeUndefined();
    },
  );

  it('reaches records through the key the schemas accept', () => {
    expect(leafCases.some(({ leaf }) => leaf.path.includes(RECORD_KEY))).toBe(true);
  });
});
