/**
 * Every top-level schema and route contract in lib/, and every problem type's docs
 * (`documentProblem(…)`, lib/errors.ts), is declared `/* @__PURE__ *\/ (() => …)()`,
 * so that esbuild drops those a function's bundle never reaches (docs/performance.md, "Bundles
 * and cold starts"): a `.check(…)`, `.register(…)` or `defineRoute(…)` call at the top level
 * would otherwise keep every schema of a domain in every one of its functions. This finds the
 * declarations that lack it, and wraps them (`npx tsx infra/local/pure-declarations.ts --write`).
 * Written by hand as a small scanner because the repository's TypeScript (the native compiler)
 * has no JavaScript API to parse with; it only needs the extent of a `const`'s initializer.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './repo-paths.js';

const PURE = '/* @__PURE__ */';
const DECLARATION = /^(?:export )?const \w+(?::[^\n=]*(?:=>[^\n=]*)*)? = /gm;
const ARROW = /^(?:async\s+)?(?:<[^>]*>\s*)?(?:\((?:[^()]|\([^()]*\))*\)|\w+)\s*(?::\s*[^=]+?)?\s*=>/s;
/** After one of these, a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = '(,=:[!&|?{};';

/** Where the initializer that starts at `start` ends (its `;`), and whether it calls anything outside a function. */
const scanInitializer = (text: string, start: number): { end: number; runsCode: boolean } => {
  let depth = 0;
  let runsCode = false;
  let previous = '=';
  let i = start;
  const skipQuoted = (quote: string) => {
    i++;
    while (text[i] !== quote) i += text[i] === '\\' ? 2 : 1;
    i++;
    previous = 'a';
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'" || c === '"' || c === '`') {
      skipQuoted(c);
      continue;
    }
    if (text.startsWith('//', i)) {
      i = text.indexOf('\n', i);
      continue;
    }
    if (text.startsWith('/*', i)) {
      i = text.indexOf('*/', i) + 2;
      continue;
    }
    if (c === '/' && BEFORE_REGEX.includes(previous)) {
      let inClass = false;
      i++;
      while (text[i] !== '/' || inClass) {
        if (text[i] === '\\') i++;
        else if (text[i] === '[') inClass = true;
        else if (text[i] === ']') inClass = false;
        i++;
      }
      i++;
      while (/[a-z]/i.test(text[i] ?? '')) i++;
      previous = 'a';
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      if (c === '(' && /[\w$)\]]/.test(previous)) runsCode = true;
      depth++;
    } else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ';' && depth === 0) return { end: i, runsCode };
    if (text.startsWith('...', i) || (text.startsWith('new ', i) && !/[\w$]/.test(text[i - 1] ?? '')))
      runsCode = true;
    if (!/\s/.test(c)) previous = c;
    i++;
  }
  throw new Error(`no end to the declaration at ${start}`);
};

export interface ImpureDeclaration {
  name: string;
  start: number;
  end: number;
}

/**
 * Top-level `const`s whose initializer runs code (a call, `new`, a spread) and is not PURE-wrapped;
 * with `calling`, only those whose initializer contains that text (e.g. `documentProblem(`).
 */
export const impureDeclarations = (text: string, calling?: string): ImpureDeclaration[] => {
  const found: ImpureDeclaration[] = [];
  for (const match of text.matchAll(DECLARATION)) {
    const start = (match.index ?? 0) + match[0].length;
    const { end, runsCode } = scanInitializer(text, start);
    const initializer = text.slice(start, end);
    if (!runsCode || initializer.startsWith(PURE) || initializer.startsWith('function')) continue;
    if (calling && !initializer.includes(calling)) continue;
    if (ARROW.test(initializer)) continue;
    found.push({ name: /const (\w+)/.exec(match[0])?.[1] ?? '?', start, end });
  }
  return found;
};

/** The text with every impure declaration wrapped in a PURE arrow called at once. */
export const wrapPure = (text: string, calling?: string): string =>
  impureDeclarations(text, calling)
    .reverse()
    .reduce((out, { start, end }) => {
      const initializer = out.slice(start, end);
      const body = initializer.startsWith('{') ? `(${initializer})` : initializer;
      return `${out.slice(0, start)}${PURE} (() => ${body})()${out.slice(end)}`;
    }, text);

/** Where schemas and route contracts are declared: `lib/<domain>/*-schemas.ts` and `*-routes.ts`, and two more. */
export const declarationFiles = (): string[] => {
  const lib = path.join(REPO_ROOT, 'lib');
  const files = readdirSync(lib, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(path.join(lib, dir.name))
        .filter((file) => /-(schemas|routes)\.ts$/.test(file))
        .map((file) => `lib/${dir.name}/${file}`),
    );
  return [...files, 'lib/stores/country-codes.ts', 'lib/customers/prescription-schema.ts'].sort();
};

/** Documents a problem type: lib/errors.ts's `documentProblem`, called outside its own module. */
export const PROBLEM_DOCS_CALL = 'documentProblem(';

/** Every module of lib/ that documents a problem type (only those declarations are checked there). */
export const problemDocsFiles = (): string[] => {
  const lib = path.join(REPO_ROOT, 'lib');
  return readdirSync(lib, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => readFileSync(path.join(lib, file), 'utf8').includes(`${PROBLEM_DOCS_CALL}`))
    .map((file) => `lib/${file.split(path.sep).join('/')}`)
    .sort();
};

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.resolve(REPO_ROOT, 'infra/local/pure-declarations.ts')
) {
  const write = process.argv.includes('--write');
  for (const file of declarationFiles()) {
    const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    const impure = impureDeclarations(text);
    if (impure.length === 0) continue;
    process.stdout.write(`${file}: ${impure.map(({ name }) => name).join(', ')}\n`);
    if (write) writeFileSync(path.join(REPO_ROOT, file), wrapPure(text));
  }
  for (const file of problemDocsFiles()) {
    const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    const impure = impureDeclarations(text, PROBLEM_DOCS_CALL);
    if (impure.length === 0) continue;
    process.stdout.write(`${file}: ${impure.map(({ name }) => name).join(', ')}\n`);
    if (write) writeFileSync(path.join(REPO_ROOT, file), wrapPure(text, PROBLEM_DOCS_CALL));
  }
  if (write) process.stdout.write('wrapped; run `npx biome check --write lib` to format\n');
}
