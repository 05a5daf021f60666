/**
 * How every Lambda function is bundled: one definition, used by CDK (`NodejsFunction` in
 * infra/constructs/app-function.ts runs the esbuild CLI with it) and by the bundle-size test and
 * the benchmark (the esbuild API with the same options), so what is measured is what ships.
 * Each choice and its measured effect: docs/performance.md, "Bundles and cold starts".
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

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
 * What only the app's functions get, not the bare baselines (which keep the SDK's default
 * configuration): the SDK's default credential chain replaced by the Lambda environment's
 * credentials (lib/runtime/lambda-credentials.ts). Paths are relative to the repository root,
 * esbuild's working directory in CDK's local bundling and in `functionBuildOptions`.
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

/** The esbuild API options of the app's functions (the test and the benchmark build with these). */
export const functionBuildOptions = (): BuildOptions => ({
  ...BASE_BUILD_OPTIONS,
  mainFields: [...BASE_BUILD_OPTIONS.mainFields],
  alias: { ...FUNCTION_ALIASES },
  absWorkingDir: REPO_ROOT,
});

/** The same options for CDK's NodejsFunction (its esbuild CLI runs in the project root). */
export const functionBundling = (): BundlingOptions => ({
  forceDockerBundling: false,
  minify: BASE_BUILD_OPTIONS.minify,
  sourceMap: BASE_BUILD_OPTIONS.sourcemap,
  sourcesContent: BASE_BUILD_OPTIONS.sourcesContent,
  format: OutputFormat.ESM,
  target: BASE_BUILD_OPTIONS.target,
  mainFields: [...BASE_BUILD_OPTIONS.mainFields],
  banner: BUNDLE_BANNER,
  // Bundle SDK v3 too: tree-shaken to the clients we use, pinned by our lock file instead of
  // whatever SDK version the runtime ships, and no import-time cost for unused modules.
  externalModules: [],
  esbuildArgs: { '--alias': Object.entries(FUNCTION_ALIASES).map(([from, to]) => `${from}=${to}`) },
});

/** Where a function's entry is, for the esbuild API (absolute, so any working directory works). */
export const entryPath = (entry: string): string => path.join(REPO_ROOT, entry);
