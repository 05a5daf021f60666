import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionEntries, httpRoutes } from '../../infra/app-definition.js';
import {
  BASE_BUILD_OPTIONS,
  FUNCTION_ALIASES,
  FUNCTION_BUNDLE_FILE,
  FUNCTION_NODE_OPTIONS,
  functionBuildOptions,
} from '../../infra/bundling.js';
import { bundleInChildProcess, FUNCTION_HANDLER } from '../../infra/constructs/function-code.js';
import { coldImport } from '../../infra/local/bench/cold-import.js';
import { BUNDLE_RATIO_TARGET, functionBundleBudget } from '../../infra/local/bundle-budgets.js';
import {
  buildFunctionBundles,
  bundleDirectory,
  type FunctionBundle,
} from '../../infra/local/bundle-build.js';
import { sdkSchemaKeysPlugin } from '../../infra/sdk-schema-keys.js';

/** What the levers of infra/bundling.ts and lib/observability.ts keep out of every bundle. */
const NEVER_BUNDLED = [
  // The X-Ray SDK and what it drags in (Powertools Tracer is not used).
  'aws-xray-sdk-core',
  'cls-hooked',
  'semver',
  '@aws-lambda-powertools/tracer',
  // The SDK's default credential chain and its nested STS/SSO clients.
  '@aws-sdk/credential-provider-node',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/nested-clients',
  '@smithy/credential-provider-imds',
  // The OpenAPI document is built at build time (infra/local/contract-artifacts.ts).
  'zod-openapi',
];

/** A budget may sit at most this far above the measured ratio: lower it when a bundle shrinks. */
const BUDGET_SLACK = 0.02;

// Bytes are deterministic for a given lock file, so these are fair assertions (no timing here).
describe('function bundles (one esbuild build of every function, with the shipped options)', () => {
  const outdir = bundleDirectory();
  let bundles: FunctionBundle[];
  beforeAll(async () => {
    bundles = await buildFunctionBundles(outdir);
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('builds every function of the app definition', () => {
    expect(bundles.map((bundle) => bundle.name).sort()).toEqual(
      functionEntries()
        .map(([name]) => name)
        .sort(),
    );
  });

  it("keeps every bundle within its budget of its bare baseline's bytes", () => {
    const over = bundles
      .filter((bundle) => bundle.bytes > bundle.baseline.bytes * functionBundleBudget(bundle.name))
      .map(
        (bundle) =>
          `${bundle.name}: ${(bundle.bytes / 1024).toFixed(1)} KiB = ${(bundle.bytes / bundle.baseline.bytes).toFixed(3)}× ${bundle.baseline.name} (budget ${functionBundleBudget(bundle.name)}×)`,
      );
    expect(over).toEqual([]);
  });

  it('has no budget above the target that the bundle no longer needs', () => {
    const slack = bundles
      .filter((bundle) => functionBundleBudget(bundle.name) > BUNDLE_RATIO_TARGET)
      .filter(
        (bundle) => functionBundleBudget(bundle.name) - bundle.bytes / bundle.baseline.bytes > BUDGET_SLACK,
      )
      .map(
        (bundle) =>
          `${bundle.name}: ${(bundle.bytes / bundle.baseline.bytes).toFixed(3)}× against a budget of ${functionBundleBudget(bundle.name)}× (lower it in infra/local/bundle-budgets.ts)`,
      );
    expect(slack).toEqual([]);
  });

  it('compares each function with a bare handler of the same SDK clients', () => {
    const createOrder = bundles.find((bundle) => bundle.name === 'createOrder');
    const exportChanges = bundles.find((bundle) => bundle.name === 'exportChanges');
    expect(createOrder?.baseline.name).toBe('bare DynamoDB');
    expect(exportChanges?.baseline.name).toBe('bare DynamoDB + s3');
    for (const bundle of bundles)
      for (const sdk of bundle.sdkPackages)
        expect(bundle.baseline.name).toContain(sdk.replace(/^@aws-sdk\/(client-)?/, ''));
  });

  it('bundles neither the X-Ray SDK nor the default credential chain', () => {
    const offenders = bundles.flatMap((bundle) =>
      bundle.packages.filter((name) => NEVER_BUNDLED.includes(name)).map((name) => `${bundle.name}: ${name}`),
    );
    expect(offenders).toEqual([]);
  });

  it('validates with zod/mini: no bundle holds classic zod (lib/zod.ts)', () => {
    const classic = (bundle: FunctionBundle) =>
      bundle.packageFiles.filter((file) => file.startsWith('zod/v4/classic/'));
    const offenders = bundles
      .filter((bundle) => classic(bundle).length > 0)
      .map((bundle) => `${bundle.name}: ${classic(bundle).join(', ')}`);
    expect(offenders).toEqual([]);
    // Every function bundles zod (its schemas), and its English messages with it.
    const getStore = bundles.find((bundle) => bundle.name === 'getStore');
    expect(getStore?.packageFiles).toContain('zod/v4/mini/schemas.js');
    expect(getStore?.packageFiles).toContain('zod/v4/locales/en.js');
  });

  it('bundles Powertools Metrics only in chains that publish (lib/logger.ts apart from lib/metrics.ts)', () => {
    const kinds = new Map<string, string[]>(
      functionEntries().map(([name, fn]) => [name, fn.triggers.map(({ kind }) => kind)]),
    );
    // Event and upload consumers only log; HTTP, scheduled and stream chains publish.
    const loggingOnly = bundles.filter((bundle) =>
      (kinds.get(bundle.name) ?? []).every((kind) => kind === 'event' || kind === 'objectCreated'),
    );
    expect(loggingOnly.map((bundle) => bundle.name)).toEqual(
      expect.arrayContaining(['planOnLowStock', 'countOrderEvent', 'runUploadedImport']),
    );
    const metricsIn = (bundle: FunctionBundle) => bundle.packages.includes('@aws-lambda-powertools/metrics');
    expect(loggingOnly.filter(metricsIn).map((bundle) => bundle.name)).toEqual([]);
    const publishing = ['getStore', 'sweepReplenishments', 'publishDomainEvents', 'exportChanges'];
    expect(bundles.filter((bundle) => publishing.includes(bundle.name)).filter(metricsIn)).toHaveLength(4);
  });

  it('bundles no route contract but its own in an HTTP function (schemas and routes are PURE)', async () => {
    const { readFile } = await import('node:fs/promises');
    const routes = httpRoutes();
    const routeOf = new Map(routes.map(({ functionName, route }) => [functionName as string, route]));
    const offenders: string[] = [];
    let checked = 0;
    for (const bundle of bundles) {
      const own = routeOf.get(bundle.name);
      // routeNotFound too: it matches against a method/path table, not the contracts.
      if (!own && bundle.name !== 'routeNotFound') continue;
      const text = await readFile(bundle.file, 'utf8');
      const others = routes.filter(({ route }) => route !== own && text.includes(`"${route.operationId}"`));
      if (others.length > 0)
        offenders.push(`${bundle.name}: ${others.map(({ route }) => route.operationId).join(', ')}`);
      if (own && !text.includes(`"${own.operationId}"`))
        offenders.push(`${bundle.name}: lacks its own route`);
      checked++;
    }
    expect(offenders).toEqual([]);
    expect(checked).toBe(routes.length + 1);
  });

  it('bundles no problem type’s docs: they are for the document only (documentProblem, lib/errors.ts)', async () => {
    const { readFile } = await import('node:fs/promises');
    const { validationErrorDocs } = await import('../../lib/errors.js');
    const { insufficientStockErrorDocs } = await import('../../lib/inventory/stock-change.js');
    const descriptions = [validationErrorDocs.description, insufficientStockErrorDocs.description];
    const offenders: string[] = [];
    for (const bundle of bundles) {
      const text = await readFile(bundle.file, 'utf8');
      if (descriptions.some((description) => text.includes(description))) offenders.push(bundle.name);
    }
    expect(offenders).toEqual([]);
    // The titles are answered (problem+json), so they stay.
    const createOrder = bundles.find((bundle) => bundle.name === 'createOrder');
    if (!createOrder) throw new Error('no createOrder bundle');
    expect(await readFile(createOrder.file, 'utf8')).toContain('Not enough stock');
  });

  it('keeps the default credential chain in the bare baseline (the SDK as it comes)', async () => {
    const { readFile } = await import('node:fs/promises');
    const createOrder = bundles.find((bundle) => bundle.name === 'createOrder');
    if (!createOrder) throw new Error('no createOrder bundle');
    // The chain's SSO and web-identity providers name their environment variables.
    const bare = await readFile(createOrder.baseline.file, 'utf8');
    const ours = await readFile(createOrder.file, 'utf8');
    expect(bare).toContain('AWS_WEB_IDENTITY_TOKEN_FILE');
    expect(ours).not.toContain('AWS_WEB_IDENTITY_TOKEN_FILE');
  });

  it('produces bundles that load: each exports its handler in a fresh node process', async () => {
    for (const name of [
      'getStore',
      'createOrder',
      'publishDomainEvents',
      'createUser',
      'runUploadedImport',
    ]) {
      const bundle = bundles.find((candidate) => candidate.name === name);
      if (!bundle) throw new Error(`no ${name} bundle`);
      const timings = await coldImport(bundle.file);
      expect(timings.importMs).toBeGreaterThan(0);
    }
  });
});

describe('one bundling definition for CDK and the measurements', () => {
  const assetDir = bundleDirectory();
  afterAll(() => rmSync(assetDir, { recursive: true, force: true }));

  it("writes the deployed asset (CDK's local bundling) byte for byte as the measured build", async () => {
    const [name, definition] = functionEntries().find(([candidate]) => candidate === 'getStore') ?? [];
    if (!name || !definition) throw new Error('getStore is an app function');
    const measured = bundleDirectory();
    try {
      const [bundle] = await buildFunctionBundles(measured, [name]);
      if (!bundle) throw new Error('no getStore bundle');
      // What functionCode's local bundling runs, in the child process CDK waits for.
      bundleInChildProcess(definition.entry, assetDir);
      const withoutMapName = (source: string) => source.replace(/sourceMappingURL=\S+\s*$/, '');
      expect(FUNCTION_HANDLER).toBe('index.handler');
      expect(withoutMapName(readFileSync(path.join(assetDir, FUNCTION_BUNDLE_FILE), 'utf8'))).toBe(
        withoutMapName(readFileSync(bundle.file, 'utf8')),
      );
      expect(existsSync(path.join(assetDir, `${FUNCTION_BUNDLE_FILE}.map`))).toBe(true);
    } finally {
      rmSync(measured, { recursive: true, force: true });
    }
  });

  it('builds functions with the levers and the baselines without them', () => {
    const api = functionBuildOptions();
    expect(api.alias).toEqual(FUNCTION_ALIASES);
    expect(api.plugins).toEqual([sdkSchemaKeysPlugin]);
    expect({ ...api, alias: undefined, plugins: undefined, absWorkingDir: undefined }).toEqual({
      ...BASE_BUILD_OPTIONS,
      mainFields: [...BASE_BUILD_OPTIONS.mainFields],
      alias: undefined,
      plugins: undefined,
      absWorkingDir: undefined,
    });
  });

  it('runs functions without --enable-source-maps', () => {
    expect(FUNCTION_NODE_OPTIONS).toBeUndefined();
  });
});
