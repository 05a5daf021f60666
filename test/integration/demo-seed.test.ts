import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { appDefinition, type FunctionName, httpRoutes } from '../../infra/app-definition.js';
import { DEMO_PRODUCT_IDS, DEMO_STORE_IDS, SEED_ACTOR, seedDemoData } from '../../infra/local/seed.js';
import {
  DEMO_CUSTOMER_IDS,
  DEMO_FEEDBACK_IDS,
  DEMO_PROMOTION_IDS,
  seedCustomers,
} from '../../infra/local/seed-customers.js';
import { DEMO_PRODUCTS, DEMO_STORES, ean13 } from '../../infra/local/seed-data.js';
import { seedOrders } from '../../infra/local/seed-orders.js';
import { seedStock } from '../../infra/local/seed-stock.js';
import { Barcode, type ListProductsQuery } from '../../lib/catalog/product-schemas.js';
import { getProduct, listProducts } from '../../lib/catalog/product-service.js';
import { findCustomers, getCustomer } from '../../lib/customers/customer-service.js';
import { listFeedback } from '../../lib/customers/feedback-service.js';
import { documentClient, tableName } from '../../lib/db/client.js';
import type { SystemActor } from '../../lib/db/item-meta.js';
import { guardKeys, storeKeys, systemKeys } from '../../lib/db/keys.js';
import type { HttpEvent } from '../../lib/http/http-handler.js';
import { routeKey } from '../../lib/http/route.js';
import { matchRoute } from '../../lib/http/route-matcher.js';
import { listStoreInventory } from '../../lib/inventory/inventory-service.js';
import { getPointsStatement } from '../../lib/loyalty/points-service.js';
import { expireUnpaidOrders } from '../../lib/orders/order-expiry.js';
import { getOrder } from '../../lib/orders/order-queries.js';
import { documentedContractOf } from '../../lib/platform/api-routes.js';
import { priceOrder } from '../../lib/promotions/pricing.js';
import { getPromotion } from '../../lib/promotions/promotion-service.js';
import { getPurchaseOrder } from '../../lib/purchasing/purchase-order-service.js';
import { getStore } from '../../lib/stores/store-service.js';
import { getTransfer } from '../../lib/transfers/transfer-service.js';
import { line } from '../support/customer-fixtures.js';
import { admin } from '../support/fixtures.js';
import { movementSums, quantities } from '../support/stock-fixtures.js';

/*
 * The demo data set (`npm run seed`, and `npm start`'s seed), seeded once for the whole file:
 * seeding costs seconds of DynamoDB Local's time, and four files used to seed it each. The
 * describes run in order: the read-only checks of each part of the seed first, then the expiry
 * run and the sample events, which change the data.
 */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const eventsDir = join(repoRoot, 'events/http');
/** The example import id of events/http/get-import.json. */
const SAMPLE_IMPORT_ID = 'im_01jdemo0import0products0000';

const kebabToCamel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

const sampleEvents = readdirSync(eventsDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({
    file,
    functionName: kebabToCamel(basename(file, '.json')) as FunctionName,
    event: JSON.parse(readFileSync(join(eventsDir, file), 'utf8')) as HttpEvent,
  }));

const seedActor: SystemActor = { userId: 'system:seed' };

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

describe('demo customers and promotions seed', () => {
  it('is part of the demo seed, through the services; running it again writes nothing', async () => {
    expect(await seedCustomers(SEED_ACTOR)).toEqual({
      created: false,
      customers: 4,
      feedback: 3,
      promotions: 3,
    });
    for (const id of DEMO_CUSTOMER_IDS)
      expect(await getCustomer(id)).toMatchObject({ version: 1, updatedBy: 'system:seed' });
    for (const id of DEMO_PROMOTION_IDS) expect((await getPromotion(admin, id)).phase).toBe('running');
  });

  it('has a contact-lens wearer with a prescription, points and open and resolved feedback', async () => {
    const mia = (await findCustomers({ email: 'Mia.Chen@example.com' })).items[0];
    expect(mia).toMatchObject({
      customerId: 'cu_mia_chen',
      pointsBalance: 1250,
      prescription: { baseCurve: 8.4 },
    });
    const statement = await getPointsStatement('cu_mia_chen', { limit: 10 });
    expect(statement.entries.reduce((sum, entry) => sum + entry.delta, 0)).toBe(statement.balance);
    const feedback = await listFeedback('cu_mia_chen', { limit: 10 });
    expect(feedback.items.map((f) => [f.feedbackId, f.status])).toEqual([
      [DEMO_FEEDBACK_IDS[0], 'open'],
      [DEMO_FEEDBACK_IDS[1], 'resolved'],
    ]);
  });

  it('prices with the automatic NSW lens-care promotion and the WELCOME10 coupon', async () => {
    const lines = [
      line({ sku: 'ALC-OFPM-300', category: 'lens-care', unitPrice: 2195 }),
      line({ sku: 'ACU-OAS-2W', category: 'contact-lenses', unitPrice: 5000 }),
    ];
    const context = { storeId: 'st_syd_cbd', channel: 'in_store' as const, now: new Date() };
    const automatic = await priceOrder(lines, context);
    expect(automatic.appliedPromotions).toEqual([
      expect.objectContaining({ promotionId: 'pm_nsw_lens_care', amount: 220 }),
    ]);
    const inVictoria = await priceOrder(lines, { ...context, storeId: 'st_melb_cbd' });
    expect(inVictoria.discountTotal).toBe(0);
    const withCoupon = await priceOrder(lines, { ...context, couponCode: 'welcome10' });
    expect(withCoupon.appliedPromotions).toEqual([
      expect.objectContaining({
        promotionId: 'pm_welcome10',
        couponCode: 'WELCOME10',
        amount: 720,
        limits: { usageLimit: 10_000 },
      }),
    ]);
  });
});

describe('demo stock seed', () => {
  it('seeds once on top of the demo data; a second run writes nothing', async () => {
    expect(await seedStock(SEED_ACTOR)).toEqual({
      created: false,
      levels: 60,
      reorderRules: 5,
      suppliers: 3,
      purchaseOrders: 4,
      transfers: 4,
      stocktakes: 1,
    });
  });

  it('stocks every demo store, flags some levels below their point, and leaves a PO ordered and a transfer ready', async () => {
    for (const storeId of DEMO_STORE_IDS) {
      const page = await listStoreInventory(admin, storeId, { limit: 100 });
      expect(page.items.length, storeId).toBe(12);
      expect(page.items.every((level) => level.onHand > 0)).toBe(true);
    }
    const below = await listStoreInventory(admin, 'st_syd_cbd', { belowReorderPoint: 'true', limit: 10 });
    expect(below.items.map((level) => level.sku).sort()).toEqual(['BLK-CONT-10', 'RB-RX5154-2000-51']);
    expect((await getPurchaseOrder(admin, 'po_demo_ordered')).status).toBe('ORDERED');
    expect((await getPurchaseOrder(admin, 'po_demo_partial')).status).toBe('PARTIALLY_RECEIVED');
    expect((await getTransfer(admin, 'tr_demo_ready')).status).toBe('READY_TO_SHIP');
    expect((await getTransfer(admin, 'tr_demo_in_transit')).status).toBe('IN_TRANSIT');
    expect(await quantities('st_web', 'ACU-OAS-2W-BC84-M100')).toMatchObject({ onHand: 48, committed: 6 });
    expect(await quantities('st_syd_cbd', 'ACU-OAS-2W-BC84-M100')).toMatchObject({
      onHand: 24,
      incoming: 24,
    });
    expect(await movementSums('st_geelong', 'CV-BIOF-1M-M100')).toMatchObject({ onHand: 12, incoming: 4 });
  });
});

describe('demo orders', () => {
  it('seeds orders in every state through the services, once', async () => {
    // The demo seed runs seedOrders after stock and customers; running it again writes nothing.
    expect(await seedOrders(seedActor)).toEqual({ created: false, orders: 8 });

    const status = async (orderId: string) => (await getOrder(admin, orderId)).status;
    expect(await status('or_demo_syd_pending')).toBe('PENDING_PAYMENT');
    expect(await status('or_demo_syd_paid')).toBe('PAID');
    expect(await status('or_demo_web_fulfilled')).toBe('FULFILLED');
    expect(await status('or_demo_melb_completed')).toBe('COMPLETED');
    expect(await getOrder(admin, 'or_demo_syd_refunded')).toMatchObject({
      status: 'COMPLETED',
      refunds: [{ restock: 'unavailable' }],
    });
    expect(await status('or_demo_par_cancelled')).toBe('CANCELLED');
    expect(await getOrder(admin, 'or_demo_syd_pending')).toMatchObject({ customerId: 'cu_mia_chen' });
    expect(await quantities('st_syd_cbd', 'RB-2140-901-50')).toMatchObject({ onHand: 6, unavailable: 1 });

    // The abandoned order is already past its time to pay: the next expiry run cancels it.
    expect(await status('or_demo_geelong_abandoned')).toBe('PENDING_PAYMENT');
    expect(await expireUnpaidOrders()).toMatchObject({ expired: 1 });
    expect(await status('or_demo_geelong_abandoned')).toBe('CANCELLED');
    expect(await status('or_demo_syd_pending')).toBe('PENDING_PAYMENT');
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
    // The create-order sample is idempotent: sent again, it answers the order it made with 200.
    const createOrder = sampleEvents.find((sample) => sample.functionName === 'createOrder');
    if (!createOrder) throw new Error('no create-order sample');
    const { handler } = (await import(
      pathToFileURL(join(repoRoot, appDefinition.functions.createOrder.entry)).href
    )) as {
      handler: Handler;
    };
    expect((await handler(structuredClone(createOrder.event), lambdaContext)).statusCode).toBe(200);
  });
});
