import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { appDefinition, type FunctionName, httpRoutes } from '../../infra/app-definition.js';
import { DEMO_PRODUCT_IDS, DEMO_STORE_IDS, seedDemoData } from '../../infra/local/seed.js';
import { DEMO_PRODUCTS, DEMO_STORES, ean13 } from '../../infra/local/seed-data.js';
import type { Principal } from '../../lib/auth/principal.js';
import { Barcode, type ListProductsQuery } from '../../lib/catalog/product-schemas.js';
import { getProduct, listProducts } from '../../lib/catalog/product-service.js';
import { documentClient, tableName } from '../../lib/db/client.js';
import { guardKeys, storeKeys, systemKeys } from '../../lib/db/keys.js';
import type { HttpEvent } from '../../lib/http/http-handler.js';
import { routeKey } from '../../lib/http/route.js';
import { matchRoute } from '../../lib/http/route-matcher.js';
import { documentedContractOf } from '../../lib/platform/api-routes.js';
import { getStore } from '../../lib/stores/store-service.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const eventsDir = join(repoRoot, 'events/http');
/** The example import id of events/http/get-import.json. */
const SAMPLE_IMPORT_ID = 'im_01jdemo0import0products0000';
const admin: Principal = { userId: 'it-admin', role: 'admin', storeIds: 'all' };

const kebabToCamel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

const sampleEvents = readdirSync(eventsDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({
    file,
    functionName: kebabToCamel(basename(file, '.json')) as FunctionName,
    event: JSON.parse(readFileSync(join(eventsDir, file), 'utf8')) as HttpEvent,
  }));

const lambdaContext = {
  awsRequestId: 'it-lambda-request',
  functionName: 'storefleet-it',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-2:123456789012:function:storefleet-it',
  memoryLimitInMB: '256',
  logGroupName: '/aws/lambda/storefleet-it',
  logStreamName: 'it',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

type Handler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

describe('demo seed', () => {
  it('creates the data set once; a second run writes nothing', async () => {
    const counts = { stores: DEMO_STORES.length, products: DEMO_PRODUCTS.length };
    expect(counts).toEqual({ stores: 5, products: 20 });
    expect(await seedDemoData()).toEqual({ created: true, ...counts });
    expect(await seedDemoData()).toEqual({ created: false, ...counts });
  });

  it('wrote every store and product through the services, at version 1 by system:seed', async () => {
    expect(DEMO_STORE_IDS).toHaveLength(DEMO_STORES.length);
    expect(DEMO_PRODUCT_IDS).toHaveLength(DEMO_PRODUCTS.length);
    for (const { storeId, body } of DEMO_STORES) {
      const store = await getStore(admin, storeId);
      expect(store).toMatchObject({ ...body, storeId, version: 1, updatedBy: 'system:seed' });
    }
    for (const { productId, body } of DEMO_PRODUCTS) {
      const product = await getProduct(productId);
      expect(product).toMatchObject({ ...body, productId, version: 1, updatedBy: 'system:seed' });
    }
  });

  it('resumes a seed that stopped before writing its completion marker', async () => {
    // Remove a store, its code guard and the marker (written last), as if the seed had died.
    for (const key of [
      storeKeys.item('st_syd_cbd'),
      guardKeys.item('STORE_CODE', 'SYD-01'),
      systemKeys.demoSeedComplete(),
    ]) {
      await documentClient.send(new DeleteCommand({ TableName: tableName(), Key: key }));
    }
    expect(await seedDemoData()).toMatchObject({ created: true });
    expect(await getStore(admin, 'st_syd_cbd')).toMatchObject({ code: 'SYD-01', version: 1 });
    expect(await getProduct('pr_acuvue_oasys_2w')).toMatchObject({ version: 1 });
  });

  it('covers every category and status, with unique SKUs and barcodes', () => {
    const bodies = DEMO_PRODUCTS.map(({ body }) => body);
    expect(new Set(bodies.map((body) => body.category))).toEqual(
      new Set(['contact-lenses', 'lens-care', 'eyeglass-frames', 'sunglasses', 'accessories']),
    );
    expect(new Set(bodies.map((body) => body.status))).toEqual(new Set(['active', 'draft', 'archived']));
    const variants = bodies.flatMap((body) => body.variants);
    const barcodes = variants.flatMap((variant) => (variant.barcode ? [variant.barcode] : []));
    expect(new Set(variants.map((variant) => variant.sku)).size).toBe(variants.length);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    expect(barcodes.every((code) => /^\d{13}$/.test(code) && ean13(code.slice(0, 12)) === code)).toBe(true);
    expect(new Set(DEMO_STORES.map(({ body }) => body.region))).toEqual(new Set(['nsw', 'vic']));
  });

  it('answers the README’s till lookups from the demo data, every barcode a valid GTIN', async () => {
    const barcodes = DEMO_PRODUCTS.flatMap(({ body }) => body.variants.flatMap((v) => v.barcode ?? []));
    expect(barcodes.every((code) => Barcode.safeParse(code).success)).toBe(true);
    const found = async (query: Partial<ListProductsQuery>) =>
      (await listProducts({ limit: 5, ...query })).items.map((p) => [p.productId, p.matchedSku]);
    expect(await found({ barcode: '2910100000023' })).toEqual([
      ['pr_acuvue_oasys_2w', 'ACU-OAS-2W-BC84-M125'],
    ]);
    expect(await found({ sku: 'ALC-OFPM-300' })).toEqual([['pr_opti_free_puremoist', 'ALC-OFPM-300']]);
    expect((await found({ q: 'acuvue oa' })).map(([productId]) => productId)).toEqual(['pr_acuvue_oasys_2w']);
  });
});

describe('sample HTTP events', () => {
  it('has one event per HTTP function, each matching its route', () => {
    const httpFunctions = Object.entries(appDefinition.functions)
      .filter(([, fn]) => fn.triggers.some((trigger) => trigger.kind === 'http'))
      .map(([name]) => name);
    expect(sampleEvents.map((sample) => sample.functionName).sort()).toEqual(httpFunctions.sort());

    const routes = httpRoutes();
    for (const { file, functionName, event } of sampleEvents) {
      const { method, path } = event.requestContext.http;
      expect(event, file).toMatchObject({
        version: '2.0',
        rawPath: path,
        requestContext: { stage: '$default' },
      });
      expect(event.requestContext.routeKey, file).toBe(event.routeKey);
      expect(Object.fromEntries(new URLSearchParams(event.rawQueryString)), file).toEqual(
        event.queryStringParameters ?? {},
      );
      if (event.body !== undefined) {
        expect(event.headers['content-length'], file).toBe(String(Buffer.byteLength(event.body)));
      }
      if (event.routeKey === '$default') {
        expect(functionName, file).toBe('routeNotFound');
        continue;
      }
      const served = routes
        .filter((entry) => entry.functionName === functionName)
        .map((entry) => entry.route);
      expect(served.map(routeKey), file).toContain(event.routeKey);
      const match = matchRoute(served, method, path);
      expect(match.kind, file).toBe('matched');
      if (match.kind === 'matched') {
        expect(routeKey(match.route), file).toBe(event.routeKey);
        expect(event.pathParameters ?? {}, file).toEqual(match.params);
      }
    }
  });

  it('works against the seeded table when handed to its function', async () => {
    // POST /imports presigns an upload to the imports bucket (offline: no request is made).
    process.env.IMPORTS_BUCKET = 'storefleet-imports-it';
    let createdImportId: string | undefined;
    for (const { file, functionName, event } of sampleEvents) {
      const { entry } = appDefinition.functions[functionName];
      const { handler } = (await import(pathToFileURL(join(repoRoot, entry)).href)) as { handler: Handler };
      // Import ids are the server's: get-import.json is tried on the one create-import.json made.
      const sent =
        functionName === 'getImport' && createdImportId
          ? JSON.parse(JSON.stringify(event).replaceAll(SAMPLE_IMPORT_ID, createdImportId))
          : structuredClone(event);
      const response = await handler(sent, lambdaContext);
      if (functionName === 'createImport')
        createdImportId = (JSON.parse(response.body ?? '{}') as { importId?: string }).importId;
      const route = httpRoutes().find((entry) => routeKey(entry.route) === event.routeKey)?.route;
      // The contract's documented success status (201 for creates, 200 for transitions).
      const expected = route ? (documentedContractOf(route).responses[201] ? 201 : 200) : 405;
      expect(response.statusCode, `${file}: ${response.body}`).toBe(expected);
    }
  });
});
