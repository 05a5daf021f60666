/**
 * How every Lambda function is bundled: one definition of esbuild's options, used by CDK (the
 * function's asset, infra/constructs/function-code.ts, is written by `bundleFunction`) and by the
 * bundle-size test and the benchmark, so what is measured is what ships.
 * Each choice and its measured effect: docs/performance.md, "Bundles and cold starts".
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { sdkSchemaKeysPlugin } from './sdk-schema-keys.js';

/** The repository's root: esbuild's working directory and CDK's asset source. */
export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Some CommonJS dependencies call require(), which ES modules lack. */
export const BUNDLE_BANNER =
  "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

/** esbuild's target; the runtime (Node.js 24) runs it, and Node 22 syntax is all the code uses. */
export const BUNDLE_TARGET = 'node22';

/**
 * The flags every bundle shares, the bare baselines' included: minified ESM for Node with the
 * banner, and a linked source map without embedded sources (stack traces need only the
 * mappings; the map ships beside the bundle for offline decoding, see FUNCTION_NODE_OPTIONS).
 */
export const BASE_BUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: BUNDLE_TARGET,
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  banner: { js: BUNDLE_BANNER },
} as const satisfies BuildOptions;

/**
 * What only the app's functions get, not the bare baselines (which keep the SDK as it ships):
 * the SDK's default credential chain replaced by the Lambda environment's credentials
 * (lib/runtime/lambda-credentials.ts), and the SDK's schemas written so that esbuild can
 * tree-shake them (infra/sdk-schema-keys.ts). Alias paths are relative to the repository root,
 * esbuild's working directory (`absWorkingDir` in `functionBuildOptions`).
 */
export const FUNCTION_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': './lib/runtime/lambda-credentials.ts',
};

/**
 * Node's options on Lambda: none. `--enable-source-maps` makes Node parse the map at the first
 * stack trace and costs cold import on every start (measured in docs/performance.md); stack
 * traces in the logs are decoded offline with the map that ships in the asset beside the bundle.
 */
export const FUNCTION_NODE_OPTIONS: string | undefined = undefined;

/** The esbuild options of the app's functions. */
export const functionBuildOptions = (): BuildOptions => ({
  ...BASE_BUILD_OPTIONS,
  mainFields: [...BASE_BUILD_OPTIONS.mainFields],
  alias: { ...FUNCTION_ALIASES },
  plugins: [sdkSchemaKeysPlugin],
  absWorkingDir: REPO_ROOT,
});

/** Where a function's entry is, for the esbuild API (absolute, so any working directory works). */
export const entryPath = (entry: string): string => path.join(REPO_ROOT, entry);

/** The bundle's module in a function's asset: Lambda's handler `index.handler` is its `handler` export. */
export const FUNCTION_BUNDLE_FILE = 'index.mjs';

/** Writes one function's bundle (`index.mjs` and its map) into `outdir`: the asset CDK deploys. */
export const bundleFunction = async (entry: string, outdir: string): Promise<void> => {
  await build({
    ...functionBuildOptions(),
    entryPoints: { [path.basename(FUNCTION_BUNDLE_FILE, '.mjs')]: entryPath(entry) },
    outdir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
};
