import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { literalSchemaKeys, SDK_SCHEMA_FILE, sdkSchemaKeysPlugin } from '../../../infra/sdk-schema-keys.js';

const SDK_ROOT = path.resolve('node_modules/@aws-sdk');

/** Every installed client's generated schema modules. */
const schemaModules = readdirSync(SDK_ROOT)
  .filter((name) => name.startsWith('client-'))
  .flatMap((client) => {
    const dir = path.join(SDK_ROOT, client, 'dist-es', 'schemas');
    try {
      return readdirSync(dir)
        .filter((file) => /^schemas_\d+\.js$/.test(file))
        .map((file) => path.join(dir, file));
    } catch {
      return [];
    }
  });

const outdir = mkdtempSync(path.join(tmpdir(), 'sdk-schema-keys-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** The module bundled on its own (every export kept), then imported. */
const loadBundled = async (
  file: string,
  name: string,
  plugins: Plugin[],
): Promise<Record<string, unknown>> => {
  const outfile = path.join(outdir, `${name}.mjs`);
  await build({
    entryPoints: [file],
    bundle: true,
    platform: 'node',
    format: 'esm',
    mainFields: ['module', 'main'],
    outfile,
    plugins,
    logLevel: 'error',
  });
  return (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
};

/**
 * Structural equality of two schema graphs: arrays and objects by their keys in order and
 * their values; functions (the schemas' thunks, `() => GetObjectOutput$`) by what they return.
 * Pairs already being compared are assumed equal, so cycles end.
 */
const sameSchema = (left: unknown, right: unknown, seen = new Map<object, Set<object>>()): boolean => {
  if (typeof left !== typeof right) return false;
  if (left === null || (typeof left !== 'object' && typeof left !== 'function'))
    return Object.is(left, right);
  const a = left as object;
  const b = right as object;
  const pairs = seen.get(a) ?? new Set<object>();
  if (pairs.has(b)) return true;
  seen.set(a, pairs.add(b));
  if (typeof a === 'function') {
    const fa = a as (...args: unknown[]) => unknown;
    const fb = b as (...args: unknown[]) => unknown;
    // Error classes and other constructors are the same code in both bundles: compare by name.
    if (fa.length > 0 || /^class\b/.test(Function.prototype.toString.call(fa))) return fa.name === fb.name;
    return sameSchema(fa(), fb(), seen);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join('\u0000') !== keysB.join('\u0000')) return false;
  return keysA.every((key) =>
    sameSchema((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], seen),
  );
};

describe('literal keys in the SDK schemas (infra/sdk-schema-keys.ts)', () => {
  it('rewrites a computed key bound to a string constant and leaves every other key alone', () => {
    const source = [
      'const _e = "error";',
      'const _hE = "httpError";',
      'const n0 = "com.amazonaws.s3";',
      'export var Denied$ = [-3, n0, "Denied", { [_e]: "client", [_hE]: 403, [other]: 1 }, [], []];',
    ].join('\n');
    expect(literalSchemaKeys(source)).toBe(
      [
        'const _e = "error";',
        'const _hE = "httpError";',
        'const n0 = "com.amazonaws.s3";',
        'export var Denied$ = [-3, n0, "Denied", { "error": "client", "httpError": 403, [other]: 1 }, [], []];',
      ].join('\n'),
    );
  });

  it('matches the schema modules of every installed client', () => {
    expect(schemaModules.length).toBeGreaterThan(0);
    for (const file of schemaModules) expect(file).toMatch(SDK_SCHEMA_FILE);
  });

  it('still has work to do: some installed client writes computed keys (remove the plugin when none does)', () => {
    const rewritten = schemaModules.filter((file) => {
      const source = readFileSync(file, 'utf8');
      return literalSchemaKeys(source) !== source;
    });
    expect(rewritten.length).toBeGreaterThan(0);
  });

  it('tells a changed schema from the original (the comparison below is not vacuous)', async () => {
    const s3 = schemaModules.find((file) => file.includes(`${path.sep}client-s3${path.sep}`));
    if (!s3) throw new Error('client-s3 is a dependency; its schemas must be installed');
    const wrongKey: Plugin = {
      name: 'wrong-key',
      setup(build) {
        build.onLoad({ filter: SDK_SCHEMA_FILE }, ({ path: file }) => ({
          contents: readFileSync(file, 'utf8').replace(/\[_hE\]:/g, '"httpErr":'),
          loader: 'js',
        }));
      },
    };
    const original = await loadBundled(s3, 's3-control-original', []);
    const changed = await loadBundled(s3, 's3-control-changed', [wrongKey]);
    expect(sameSchema(original.NoSuchKey$, changed.NoSuchKey$)).toBe(false);
    expect(sameSchema(original.GetObject$, original.GetObject$)).toBe(true);
  });

  it.each(schemaModules.map((file) => [path.relative(SDK_ROOT, file), file]))(
    'loads %s with the same schemas as the original, and no computed key bound to a constant left',
    async (name, file) => {
      const id = name.replace(/[^\w]+/g, '-');
      const original = await loadBundled(file, `${id}-original`, []);
      const rewritten = await loadBundled(file, `${id}-literal`, [sdkSchemaKeysPlugin]);
      expect(Object.keys(rewritten).sort()).toEqual(Object.keys(original).sort());
      const different = Object.keys(original).filter((key) => !sameSchema(original[key], rewritten[key]));
      expect(different).toEqual([]);
      expect(readFileSync(path.join(outdir, `${id}-literal.mjs`), 'utf8')).not.toMatch(/\[_\w+\]:/);
    },
  );
});
