import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  declarationFiles,
  impureDeclarations,
  PROBLEM_DOCS_CALL,
  problemDocsFiles,
  wrapPure,
} from '../../../infra/local/pure-declarations.js';
import { REPO_ROOT } from '../../../infra/local/repo-paths.js';

describe('schemas and route contracts declared PURE, so that esbuild drops the unused ones', () => {
  it('holds for every top-level declaration that runs code in lib/', () => {
    const files = declarationFiles();
    expect(files).toContain('lib/orders/order-routes.ts');
    expect(files).toContain('lib/http/common-schemas.ts');
    const offenders = files.flatMap((file) =>
      impureDeclarations(readFileSync(path.join(REPO_ROOT, file), 'utf8')).map(
        ({ name }) => `${file}: ${name}`,
      ),
    );
    expect(offenders, 'run `npx tsx infra/local/pure-declarations.ts --write`').toEqual([]);
  });

  it('holds for every problem type’s docs (documentProblem), wherever its class is declared', () => {
    const files = problemDocsFiles();
    expect(files).toEqual(expect.arrayContaining(['lib/errors.ts', 'lib/orders/order-errors.ts']));
    const offenders = files.flatMap((file) =>
      impureDeclarations(readFileSync(path.join(REPO_ROOT, file), 'utf8'), PROBLEM_DOCS_CALL).map(
        ({ name }) => `${file}: ${name}`,
      ),
    );
    expect(offenders, 'run `npx tsx infra/local/pure-declarations.ts --write`').toEqual([]);
    const unwrapped =
      'const a = new Map();\nexport const bDocs = documentProblem(B, { description: "x" });\n';
    expect(impureDeclarations(unwrapped, PROBLEM_DOCS_CALL).map(({ name }) => name)).toEqual(['bDocs']);
  });

  it('finds calls, spreads and `new` outside functions, and leaves data and functions alone', () => {
    const source = [
      'export const A = z.string().check(z.minLength(1));',
      'const B = { a: 1, b: [2, 3], c: "x(y)" };',
      'export const C = { ...B, d: 1 };',
      "export const D = ['a', 'b'] as const;",
      'export const E = (x: number) => z.number().check(z.gte(x));',
      'const F = /* @__PURE__ */ (() => z.object({}))();',
      'export const G: Record<string, (x: string) => void> = { h: (x) => log(x) };',
      "const H = z.string().check(z.regex(/^[(]{2};$/), z.refine((v) => v !== ';'));",
      'const I = `a (b)`; // a template is data',
      'const J = new Set([1]);',
    ].join('\n');
    // G: calls in a function inside an object count too (wrapping it is harmless, it stays pure).
    expect(impureDeclarations(source).map(({ name }) => name)).toEqual(['A', 'C', 'G', 'H', 'J']);
  });

  it('wraps them in a PURE arrow called at once, objects in parentheses', () => {
    const wrapped = wrapPure('export const A = z.string();\nexport const C = { ...B };\n');
    expect(wrapped).toBe(
      'export const A = /* @__PURE__ */ (() => z.string())();\nexport const C = /* @__PURE__ */ (() => ({ ...B }))();\n',
    );
    expect(impureDeclarations(wrapped)).toEqual([]);
  });
});
