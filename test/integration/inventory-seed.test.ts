import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { appDefinition } from '../../infra/app-definition.js';
import { inventoryFunctions } from '../../infra/functions/inventory-functions.js';
import { purchasingFunctions } from '../../infra/functions/purchasing-functions.js';
import { transferFunctions } from '../../infra/functions/transfer-functions.js';
import { SEED_ACTOR, seedDemoData } from '../../infra/local/seed.js';
import { DEMO_STORE_IDS } from '../../infra/local/seed-data.js';
import { seedStock } from '../../infra/local/seed-stock.js';
import type { HttpEvent } from '../../lib/http/http-handler.js';
import { listStoreInventory } from '../../lib/inventory/inventory-service.js';
import { documentedContractOf } from '../../lib/platform/api-routes.js';
import { getPurchaseOrder } from '../../lib/purchasing/purchase-order-service.js';
import { getTransfer } from '../../lib/transfers/transfer-service.js';
import { admin } from '../support/fixtures.js';
import { movementSums, quantities } from '../support/stock-fixtures.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

const lambdaContext = {
  awsRequestId: 'it-lambda-request',
  functionName: 'storefleet-it',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

type Handler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const stockFunctions = { ...inventoryFunctions, ...transferFunctions, ...purchasingFunctions };

describe('demo stock seed', () => {
  it('seeds once on top of the demo data; a second run writes nothing', async () => {
    await seedDemoData();
    await seedStock(SEED_ACTOR); // a no-op if seedDemoData already ran it
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

  it('answers every stock sample event with its success status when handed to its function', async () => {
    for (const [name, fn] of Object.entries(stockFunctions)) {
      expect(appDefinition.functions[name as keyof typeof appDefinition.functions]).toBe(fn);
      const file = join(repoRoot, 'events/http', `${kebab(name)}.json`);
      const event = JSON.parse(readFileSync(file, 'utf8')) as HttpEvent;
      const [{ route }] = fn.triggers;
      expect(event.routeKey, file).toBe(`${route.method} ${route.path}`);
      const { handler } = (await import(pathToFileURL(join(repoRoot, fn.entry)).href)) as {
        handler: Handler;
      };
      const response = await handler(structuredClone(event), lambdaContext);
      const expected = Number(Object.keys(documentedContractOf(route).responses)[0]);
      expect(response.statusCode, `${file}: ${response.body}`).toBe(expected);
    }
  });
});
