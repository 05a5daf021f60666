/**
 * Builds every function of the app definition with the shipped esbuild options (one esbuild
 * call for all entry points) and, beside them, the bare baselines they are compared with: a
 * handler that creates the same SDK clients at module scope with the SDK's default
 * configuration and does one GetCommand, built with the same flags minus the app's own levers
 * (infra/bundling.ts). Used by test/infra/bundle-size.test.ts and the benchmark's bundles section.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { functionEntries } from '../app-definition.js';
import { BASE_BUILD_OPTIONS, entryPath, functionBuildOptions } from '../bundling.js';
import { REPO_ROOT } from './repo-paths.js';

/** SDK packages a bare baseline reproduces when a function bundles them (besides DynamoDB's two). */
const BASELINE_SDK_PACKAGES = [
  '@aws-sdk/client-s3',
  '@aws-sdk/s3-request-presigner',
  '@aws-sdk/client-eventbridge',
  '@aws-sdk/client-sqs',
  '@aws-sdk/client-cognito-identity-provider',
] as const;
type BaselinePackage = (typeof BASELINE_SDK_PACKAGES)[number];

/** How the bare baseline uses each extra package: created (or referenced) at module scope. */
const BASELINE_USE: Record<BaselinePackage, { imports: string; use: string }> = {
  '@aws-sdk/client-s3': { imports: 'S3Client', use: 'new S3Client({})' },
  '@aws-sdk/s3-request-presigner': { imports: 'getSignedUrl', use: 'getSignedUrl' },
  '@aws-sdk/client-eventbridge': { imports: 'EventBridgeClient', use: 'new EventBridgeClient({})' },
  '@aws-sdk/client-sqs': { imports: 'SQSClient', use: 'new SQSClient({})' },
  '@aws-sdk/client-cognito-identity-provider': {
    imports: 'CognitoIdentityProviderClient',
    use: 'new CognitoIdentityProviderClient({})',
  },
};

export interface BuiltBundle {
  /** The function's name in the app definition, or the baseline's name. */
  name: string;
  /** The bundle's path (an ES module; its source map beside it). */
  file: string;
  bytes: number;
}

export interface FunctionBundle extends BuiltBundle {
  /** The SDK packages beyond DynamoDB's that the bundle contains (what its baseline adds). */
  sdkPackages: BaselinePackage[];
  /** Every package the bundle contains code of (what the test checks levers with). */
  packages: string[];
  /** The files of those packages that put bytes in it, as `<package>/<path>` (e.g. `zod/v4/classic/schemas.js`). */
  packageFiles: string[];
  baseline: BuiltBundle;
}

const baselineName = (packages: readonly BaselinePackage[]): string =>
  packages.length === 0
    ? 'bare DynamoDB'
    : `bare DynamoDB + ${packages.map((name) => name.replace(/^@aws-sdk\/(client-)?/, '')).join(' + ')}`;

/** The bare handler's source for these SDK packages. */
export const bareHandlerSource = (packages: readonly BaselinePackage[]): string =>
  [
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
    ...packages.map((name) => `import { ${BASELINE_USE[name].imports} } from '${name}';`),
    'const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    `export const others = [${packages.map((name) => BASELINE_USE[name].use).join(', ')}];`,
    'export const handler = async (event) =>',
    "  (await client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: event.id, sk: 'A' } }))).Item;",
    '',
  ].join('\n');

const outputBytes = (metafile: Metafile, outdir: string): Map<string, { file: string; bytes: number }> => {
  const sizes = new Map<string, { file: string; bytes: number }>();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.mjs')) continue;
    const absolute = path.resolve(REPO_ROOT, file);
    sizes.set(path.basename(file, '.mjs'), {
      file: path.join(outdir, path.basename(absolute)),
      bytes: output.bytes,
    });
  }
  return sizes;
};

const PACKAGE_OF = /^.*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/;
const PACKAGE_FILE = /^.*node_modules\//;

/** The package files an output contains code of (inputs that put bytes in it), `<package>/<path>`. */
const packageFilesIn = (metafile: Metafile, outputFile: string): string[] => {
  const output = Object.entries(metafile.outputs).find(([file]) => file.endsWith(`/${outputFile}`))?.[1];
  return Object.entries(output?.inputs ?? {})
    .filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && PACKAGE_OF.test(input))
    .map(([input]) => input.replace(PACKAGE_FILE, ''))
    .sort();
};

/** The packages of those files. */
const packagesOf = (files: readonly string[]): string[] =>
  [...new Set(files.map((file) => file.replace(/^((?:@[^/]+\/)?[^/]+)\/.*$/, '$1')))].sort();

const baselinePackagesOf = (packages: readonly string[]): BaselinePackage[] =>
  BASELINE_SDK_PACKAGES.filter((name) => packages.includes(name));

/** A fresh temporary directory for `buildFunctionBundles` (the caller removes it). */
export const bundleDirectory = (): string => mkdtempSync(path.join(tmpdir(), 'storefleet-bundles-'));

/**
 * Builds every function (or only those `named`) and the baselines they need into `outdir`:
 * `<function>.mjs` and `bare-<n>.mjs`, each with its `.map`, and the baselines' sources under
 * `bare-sources/`.
 */
export const buildFunctionBundles = async (
  outdir: string,
  named?: readonly string[],
): Promise<FunctionBundle[]> => {
  mkdirSync(outdir, { recursive: true });
  const functions = functionEntries().filter(([name]) => !named || named.includes(name));
  const built = await build({
    ...functionBuildOptions(),
    entryPoints: Object.fromEntries(functions.map(([name, fn]) => [name, entryPath(fn.entry)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'error',
  });
  const functionSizes = outputBytes(built.metafile, outdir);
  const filesByFunction = new Map(
    functions.map(([name]) => [name as string, packageFilesIn(built.metafile, `${name}.mjs`)]),
  );
  const packagesByFunction = new Map([...filesByFunction].map(([name, files]) => [name, packagesOf(files)]));
  const baselinePackages = new Map(
    [...packagesByFunction].map(([name, packages]) => [name, baselinePackagesOf(packages)]),
  );

  // One bare baseline per distinct set of SDK packages, written beside the bundles.
  const sets = new Map<string, BaselinePackage[]>();
  for (const packages of baselinePackages.values()) sets.set(baselineName(packages), packages);
  const sources = path.join(outdir, 'bare-sources');
  mkdirSync(sources, { recursive: true });
  const bareEntries: Record<string, string> = {};
  [...sets.values()].forEach((packages, index) => {
    const source = path.join(sources, `bare-${index}.mjs`);
    writeFileSync(source, bareHandlerSource(packages));
    bareEntries[`bare-${index}`] = source;
  });
  const bare = await build({
    ...BASE_BUILD_OPTIONS,
    mainFields: [...BASE_BUILD_OPTIONS.mainFields],
    absWorkingDir: REPO_ROOT,
    nodePaths: [path.join(REPO_ROOT, 'node_modules')],
    entryPoints: bareEntries,
    outdir,
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'error',
  });
  const bareSizes = outputBytes(bare.metafile, outdir);
  const baselines = new Map<string, BuiltBundle>();
  [...sets.keys()].forEach((name, index) => {
    const size = bareSizes.get(`bare-${index}`);
    if (!size) throw new Error(`esbuild wrote no bare-${index}.mjs`);
    baselines.set(name, { name, ...size });
  });

  return functions.map(([name]) => {
    const size = functionSizes.get(name);
    const sdkPackages = baselinePackages.get(name) ?? [];
    const baseline = baselines.get(baselineName(sdkPackages));
    if (!size || !baseline) throw new Error(`esbuild wrote no bundle for ${name}`);
    return {
      name,
      ...size,
      sdkPackages,
      packages: packagesByFunction.get(name) ?? [],
      packageFiles: filesByFunction.get(name) ?? [],
      baseline,
    };
  });
};
