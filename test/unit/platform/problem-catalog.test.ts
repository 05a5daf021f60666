import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AppError,
  ConflictError,
  DeclaredError,
  type ProblemType,
  problemDocsOf,
} from '../../../lib/errors.js';
import { defineRoute } from '../../../lib/http/route.js';
import { InsufficientStockError } from '../../../lib/inventory/stock-change.js';
import { documentedRoutes } from '../../../lib/platform/api-routes.js';
import { operationProblems, problemTypeOf, STATUS_PROBLEMS } from '../../../lib/platform/problem-catalog.js';

const LIB = new URL('../../../lib/', import.meta.url).pathname;
const libFiles = (readdirSync(LIB, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts'));

/** Every AppError subclass exported from lib/, found by loading each module. */
const errorClasses = async (): Promise<(typeof AppError & { name: string })[]> => {
  const found = new Set<typeof AppError & { name: string }>();
  for (const file of libFiles) {
    const module: Record<string, unknown> = await import(join(LIB, file));
    for (const value of Object.values(module)) {
      if (typeof value === 'function' && value.prototype instanceof AppError && value !== DeclaredError) {
        found.add(value as never);
      }
    }
  }
  return [...found];
};

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('problem type catalog', () => {
  it('has each error class take its problem type from a declaration of its own or share its parent’s slug', async () => {
    const classes = await errorClasses();
    expect(classes.length).toBeGreaterThan(20);
    const slugs = new Map<string, string>();
    for (const cls of classes) {
      const type = cls.problem;
      expect(type, `${cls.name} has no problem type`).toBeDefined();
      if (!Object.hasOwn(cls, 'problem')) continue; // shares its parent's type, e.g. InvalidOrderStateError
      const other = slugs.get(type.slug);
      expect(other, `${cls.name} and ${other} both declare ${type.slug}`).toBeUndefined();
      slugs.set(type.slug, cls.name);
      expect(problemDocsOf(type).description.length, `${cls.name}: say when it is answered`).toBeGreaterThan(
        10,
      );
    }
  });

  it('takes status, slug and title from the declaration, and lets extensions reach the document', () => {
    const error = new InsufficientStockError([{ storeId: 'st_a', sku: 'A-1', requested: 2, available: 1 }]);
    expect(error).toMatchObject({ status: 409, slug: 'insufficient-stock', title: 'Not enough stock' });
    expect(error.extensions).toEqual({
      shortages: [{ storeId: 'st_a', sku: 'A-1', requested: 2, available: 1 }],
    });
    expect(new ConflictError()).toMatchObject({ status: 409, slug: 'conflict' });
    // Subclasses written before the catalog (fields, no declaration) still answer as they say.
    class FieldStyle extends ConflictError {
      override readonly slug = 'field-style';
    }
    expect(new FieldStyle()).toMatchObject({ status: 409, slug: 'field-style', title: 'Conflict' });
  });

  it('sets no slug or title as a field: a problem type is declared once, as `static problem`', () => {
    for (const file of libFiles) {
      const source = readFileSync(join(LIB, file), 'utf8');
      expect(
        source,
        `${file}: declare the type as \`static override readonly problem = defineProblem({…})\``,
      ).not.toMatch(/override readonly (slug|title)\b/);
    }
  });

  it('refuses a class that inherits its parent’s declaration or an internal type in a route’s errors', () => {
    class Undeclared extends ConflictError {}
    expect(() => problemTypeOf(Undeclared)).toThrow(/Undeclared declares no problem type of its own/);
    class Internal extends ConflictError {
      static override readonly problem: ProblemType = {
        slug: 'internal-signal',
        status: 409,
        title: 'x',
        internal: true,
      };
    }
    expect(() => problemTypeOf(Internal)).toThrow(/internal/);
  });

  it('derives the answers a contract implies: 401/403, 400, 412/428, 413/415, 422, 431, 500, 503', () => {
    const route = defineRoute({
      operationId: 'x',
      method: 'PATCH',
      path: '/x/{id}',
      summary: 'x',
      tag: 'X',
      access: 'stores:update',
      requiresIfMatch: true,
      responses: { 200: { description: 'x' } },
      errors: [404, InsufficientStockError, { status: 409, when: 'Another x has this code.' }],
    });
    const problems = operationProblems(route, { usesTable: true });
    expect([...problems.keys()]).toEqual([400, 401, 403, 404, 409, 412, 413, 415, 428, 431, 500, 503]);
    expect(problems.get(409)?.map(({ type, when }) => [type.slug, when])).toEqual([
      ['insufficient-stock', undefined],
      ['conflict', 'Another x has this code.'],
    ]);
    const health = operationProblems(
      { ...route, access: 'public', method: 'GET', requiresIfMatch: false, path: '/h', errors: [] },
      { usesTable: false },
    );
    expect([...health.keys()]).toEqual([431, 500]);
  });

  it('is listed in the README “Errors” section, every answered type', () => {
    const answered = new Set<string>();
    for (const { route, usesTable } of documentedRoutes()) {
      for (const problems of operationProblems(route, { usesTable }).values()) {
        for (const { type } of problems) answered.add(type.slug);
      }
    }
    for (const sources of Object.values(STATUS_PROBLEMS))
      for (const source of sources) answered.add(source.problem.slug);
    const errorsSection = readme.slice(readme.indexOf('### Errors'), readme.indexOf('## Roles and tokens'));
    for (const slug of answered) expect(errorsSection, slug).toContain(`\`/problems/${slug}\``);
  });
});
