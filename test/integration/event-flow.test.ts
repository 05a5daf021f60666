import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDefinition } from '../../infra/app-definition.js';
import type { AppDefinition } from '../../infra/app-definition-types.js';
import { startDynamoDbStreamReader } from '../../infra/local/dynamodb-stream-reader.js';
import { invokeFunction } from '../../infra/local/function-invoker.js';
import { type LocalEventBus, readArchive, startLocalEventBus } from '../../infra/local/local-event-bus.js';
import { localEventRules } from '../../infra/local/local-event-runner.js';
import { startLocalStreamRunner } from '../../infra/local/local-stream-runner.js';
import { EVENT_ARCHIVE_PATTERN } from '../../lib/events/event-archive.js';
import { matchesPattern } from '../../lib/events/match-pattern.js';
import { setReorderRule } from '../../lib/inventory/inventory-service.js';
import { listStoreReplenishments } from '../../lib/replenishment/replenishment-service.js';
import { createStore } from '../../lib/stores/store-service.js';
import { admin, storeInput, uniqueSuffix } from '../support/fixtures.js';
import { place } from '../support/order-fixtures.js';
import { newProduct, receiveStock } from '../support/stock-fixtures.js';

/**
 * The real chain on DynamoDB Local: the table's stream → the domain-event publisher (read by the
 * local stream reader, as the event source mapping would) → PutEvents → the in-process bus →
 * the planner's rule → a DRAFT transfer and an `Inventory.StockAlert` → the stock-alert
 * notification. Between the publisher and the bus sits a proxy that fails the LowStock entry of
 * the first four PutEvents calls, so the publisher exhausts its retries and reports that record
 * as a partial batch failure; the reader then redelivers from it.
 */
/** This worker's DynamoDB Local (test/support/integration-table.ts). */
const endpoint = process.env.DYNAMODB_ENDPOINT ?? '';
const tableName = process.env.TABLE_NAME ?? '';
const region = 'ap-southeast-2';
const stateDir = mkdtempSync(join(tmpdir(), 'storefleet-flow-'));
const archiveFile = join(stateDir, 'events.ndjson');
const alerts: string[] = [];
const failedLowStock = new Map<string, number>();
const PUTEVENTS_FAILURES_PER_LOWSTOCK = 4;

let bus: LocalEventBus;
let proxy: Server;
let stream: { stop(): Promise<void>; idle(): Promise<void> };

/** Forwards PutEvents to the bus, answering InternalFailure for a LowStock entry's first attempts. */
const startFaultyProxy = (target: string): Promise<Server> =>
  new Promise((resolve) => {
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        Entries: { DetailType: string; Detail: string }[];
      };
      const failIndexes = new Set<number>();
      body.Entries.forEach((entry, index) => {
        if (entry.DetailType !== 'Inventory.LowStock') return;
        const id = String(JSON.parse(entry.Detail).eventId);
        const failures = failedLowStock.get(id) ?? 0;
        if (failures < PUTEVENTS_FAILURES_PER_LOWSTOCK) {
          failedLowStock.set(id, failures + 1);
          failIndexes.add(index);
        }
      });
      const forwarded = body.Entries.filter((_, index) => !failIndexes.has(index));
      let results: Record<string, unknown>[] = [];
      if (forwarded.length > 0) {
        const answer = await fetch(target, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-amz-json-1.1',
            'x-amz-target': String(request.headers['x-amz-target']),
          },
          body: JSON.stringify({ Entries: forwarded }),
        });
        results = ((await answer.json()) as { Entries: Record<string, unknown>[] }).Entries;
      }
      let next = 0;
      const entries = body.Entries.map((_, index) =>
        failIndexes.has(index)
          ? { ErrorCode: 'InternalFailure', ErrorMessage: 'injected by the test' }
          : results[next++],
      );
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      response.end(JSON.stringify({ FailedEntryCount: failIndexes.size, Entries: entries }));
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });

/** Only the domain-event publisher reads the stream here (the other reader writes to the lake). */
const publisherOnly: AppDefinition = {
  ...appDefinition,
  functions: { publishDomainEvents: appDefinition.functions.publishDomainEvents },
};

beforeAll(async () => {
  bus = await startLocalEventBus({
    busName: 'it-flow',
    archiveFile,
    region,
    retryBaseDelayMs: 20,
    archivePattern: EVENT_ARCHIVE_PATTERN,
    rules: localEventRules({
      invoke: invokeFunction,
      publish: async (_topic, message) => void alerts.push(message),
    }),
  });
  proxy = await startFaultyProxy(bus.endpoint);
  process.env.EVENT_BUS_NAME = 'it-flow';
  process.env.EVENT_BUS_ENDPOINT = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  stream = await startLocalStreamRunner({
    invoke: invokeFunction,
    matchesPattern,
    startReader: startDynamoDbStreamReader,
    endpoint,
    region,
    tableName,
    definition: publisherOnly,
  });
});

afterAll(async () => {
  await stream?.stop();
  await bus?.stop();
  await new Promise((resolve) => proxy?.close(resolve));
  rmSync(stateDir, { recursive: true, force: true });
});

const settle = async () => {
  // The reader and the bus each wait for the other's work: loop until both are quiet.
  for (let round = 0; round < 3; round++) {
    await stream.idle();
    await bus.idle();
  }
};

const eventually = async (check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('timed out');
};

describe('stream → publisher → bus → planner on DynamoDB Local', () => {
  it('plans one DRAFT transfer for a crossing whose record failed its batch, loses nothing and alerts once', async () => {
    const region = `r-${uniqueSuffix().toLowerCase()}`.slice(0, 20);
    const low = (await createStore(admin, storeInput({ region }))).storeId;
    const donor = (await createStore(admin, storeInput({ region }))).storeId;
    const { productId, skus } = await newProduct(1);
    const sku = skus[0] as string;
    await receiveStock(low, sku, productId, 8);
    await receiveStock(donor, sku, productId, 40);
    await setReorderRule(admin, donor, sku, { reorderPoint: 5, reorderQuantity: 10 });
    await setReorderRule(admin, low, sku, { reorderPoint: 5, reorderQuantity: 10 });

    // 8 → 5 available: the crossing. Then two more sales below the point: no new crossing.
    await place(admin, low, [{ sku, quantity: 3 }]);
    await place(admin, low, [{ sku, quantity: 1 }]);
    await place(admin, low, [{ sku, quantity: 1 }]);

    await eventually(async () => alerts.some((text) => text.includes(sku)));
    await settle();

    const page = await listStoreReplenishments(admin, low, { limit: 10 });
    expect(page.items).toHaveLength(1);
    const [replenishment] = page.items;
    expect(replenishment).toMatchObject({ status: 'OPEN', sku, policy: 'transfer_then_purchase' });
    // Up to point + quantity (15) from what was available when it planned (5, or less after the later sales).
    const quantity = replenishment?.plannedFrom.quantity ?? 0;
    expect(quantity).toBe(15 - (replenishment?.plannedFrom.available ?? 0));
    expect(replenishment?.transfers).toEqual([
      expect.objectContaining({ fromStoreId: donor, quantity, status: 'DRAFT' }),
    ]);

    const archived = readArchive(archiveFile).filter(
      (event) => (event.detail as { storeId?: string }).storeId === low,
    );
    const lowStock = archived.filter((event) => event['detail-type'] === 'Inventory.LowStock');
    // The crossing's entry failed four attempts in the first delivery, then went once.
    expect(lowStock).toHaveLength(1);
    expect([...failedLowStock.values()]).toContain(PUTEVENTS_FAILURES_PER_LOWSTOCK);

    // Nothing lost: each order's placement and each stock change of the low store is on the bus.
    const ids = (type: string) =>
      new Set(
        archived
          .filter((event) => event['detail-type'] === type)
          .map((event) => (event.detail as { eventId: string }).eventId),
      );
    expect(ids('Order.Placed').size).toBe(3);
    expect(ids('Inventory.LevelChanged').size).toBeGreaterThanOrEqual(4);
    // Redelivered records publish the same ids with the same detail: a duplicate is exact.
    const byId = new Map<string, string>();
    for (const event of archived) {
      const detail = JSON.stringify(event.detail);
      const id = (event.detail as { eventId: string }).eventId;
      expect(byId.get(id) ?? detail).toBe(detail);
      byId.set(id, detail);
    }

    // One message, naming the store, SKU, numbers and the transfer planned.
    const mine = alerts.filter((text) => text.includes(sku));
    expect(mine).toHaveLength(1);
    const transferId = replenishment?.transfers[0]?.transferId as string;
    expect(mine[0]).toBe(
      `Inventory.LowStock at store ${low}: SKU ${sku} (product ${productId}) has 5 available, reorder point 5, reorder quantity 10. Replenishment: planned replenishment ${replenishment?.replenishmentId}: transfer ${transferId} of ${quantity} from ${donor} (DRAFT).`,
    );

    // Replaying the archive (a redelivery of every event) plans nothing new and alerts nothing new.
    const replayed = await bus.replay(new Date(Date.now() - 10 * 60_000));
    expect(replayed).toBeGreaterThan(0);
    await settle();
    expect((await listStoreReplenishments(admin, low, { limit: 10 })).items).toHaveLength(1);
    expect(alerts.filter((text) => text.includes(sku))).toHaveLength(1);
  });
});
