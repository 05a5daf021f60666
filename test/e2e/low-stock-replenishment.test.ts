/**
 * The event flow of a running local system, end to end with real parts: a sale takes a SKU to its
 * reorder point → DynamoDB Local's stream → publishDomainEvents → the local EventBridge bus
 * (archived) → planOnLowStock → a DRAFT transfer from a same-region store with surplus, listed by
 * GET /stores/{storeId}/replenishments. This file runs its own runtime with `events: true`, so the
 * rest of the e2e suite keeps a runtime in which nothing plans by itself.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import {
  apiCaller,
  type EventFlowRuntime,
  positionalCalls,
  startEventFlowRuntime,
} from '../support/event-flow-runtime.js';
import { productInput, storeInput, uniqueSuffix } from '../support/fixtures.js';

let flow: EventFlowRuntime | undefined;
let runtime: LocalRuntime;
let stateDir: string;
let admin: string;

const { call, created } = positionalCalls(
  apiCaller(
    () => runtime.url,
    () => admin,
  ),
);

const sell = (storeId: string, sku: string, quantity: number) =>
  created<{ orderId: string }>(
    '/orders',
    { storeId, channel: 'in_store', lines: [{ sku, quantity }] },
    { 'idempotency-key': `low-stock-${randomUUID()}` },
  );

interface ReplenishmentPage {
  items: { status: string; transfers: { fromStoreId: string; quantity: number; transferId: string }[] }[];
}
const replenishments = async (storeId: string) =>
  (await call<ReplenishmentPage>('GET', `/stores/${storeId}/replenishments`)).body.items;

/** The planner's own writes go round the stream and the bus once more: wait for both twice. */
const settle = async () => {
  await runtime.events?.idle();
  await runtime.events?.idle();
};

interface ArchivedEvent {
  'detail-type': string;
  detail: { storeId?: string; sku?: string; outcome?: string; alert?: string };
}
const archived = async (): Promise<ArchivedEvent[]> =>
  (await readFile(join(stateDir, 'events.ndjson'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ArchivedEvent);

beforeAll(async () => {
  flow = await startEventFlowRuntime('events');
  ({ runtime, stateDir } = flow);
  admin = await runtime.signToken({ role: 'admin' });
});

afterAll(async () => {
  await flow?.stop();
});

describe('a sale that crosses the reorder point', () => {
  it('raises Inventory.LowStock and plans one DRAFT transfer from a same-region store with surplus', async () => {
    const region = `ev-${uniqueSuffix().toLowerCase()}`;
    const low = await created<{ storeId: string }>('/stores', storeInput({ region }));
    const donor = await created<{ storeId: string }>('/stores', storeInput({ region }));
    const product = await created<{ variants: { sku: string }[] }>('/products', productInput());
    const sku = product.variants[0]?.sku ?? '';
    const receive = (storeId: string, delta: number) =>
      created(`/stores/${storeId}/inventory/${sku}/adjustments`, { delta, reason: 'received' });
    await receive(low.storeId, 10);
    await receive(donor.storeId, 60);
    const rule = await call('PUT', `/stores/${low.storeId}/inventory/${sku}/reorder-rule`, {
      reorderPoint: 5,
      reorderQuantity: 10,
    });
    expect(rule.status).toBe(200);

    await sell(low.storeId, sku, 6); // available 10 → 4: at or below 5
    await settle();

    const planned = await replenishments(low.storeId);
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ status: 'OPEN' });
    // Enough to reach point + quantity (5 + 10) from available 4: 11 units, all from the donor.
    expect(planned[0]?.transfers).toEqual([
      expect.objectContaining({ fromStoreId: donor.storeId, quantity: 11 }),
    ]);
    const transfer = await call<{ status: string; toStoreId: string }>(
      'GET',
      `/transfers/${planned[0]?.transfers[0]?.transferId}`,
    );
    expect(transfer.body).toMatchObject({ status: 'DRAFT', toStoreId: low.storeId });

    const lowStock = (await archived()).filter(
      (event) =>
        event['detail-type'] === 'Inventory.LowStock' &&
        event.detail.storeId === low.storeId &&
        event.detail.sku === sku,
    );
    expect(lowStock).toHaveLength(1);

    // Further sales below the point raise no new crossing and plan nothing more.
    await sell(low.storeId, sku, 1);
    await settle();
    expect(await replenishments(low.storeId)).toHaveLength(1);

    // Redelivery: replay the archive onto the bus, as `npm run events -- --replay --since` does.
    const replay = await fetch(`${runtime.events?.busEndpoint}/local/replay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ since: new Date(Date.now() - 10 * 60_000).toISOString() }),
    });
    expect(((await replay.json()) as { replayed: number }).replayed).toBeGreaterThan(0);
    await settle();
    expect(await replenishments(low.storeId)).toHaveLength(1);
    // The alert went once, and the archive holds no copy of it to replay.
    const alerts = (await archived()).filter(
      (event) => event['detail-type'] === 'Inventory.StockAlert' && event.detail.sku === sku,
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.detail).toMatchObject({ outcome: 'planned', alert: 'Inventory.LowStock' });
  });
});

describe('bursts', () => {
  it('plans exactly one replenishment for 50 concurrent sales through the point and 50 more crossing events', async () => {
    const region = `ev-${uniqueSuffix().toLowerCase()}`;
    const low = await created<{ storeId: string }>('/stores', storeInput({ region }));
    const donor = await created<{ storeId: string }>('/stores', storeInput({ region }));
    const product = await created<{ productId: string; variants: { sku: string }[] }>(
      '/products',
      productInput(),
    );
    const sku = product.variants[0]?.sku ?? '';
    await created(`/stores/${low.storeId}/inventory/${sku}/adjustments`, { delta: 70, reason: 'received' });
    await created(`/stores/${donor.storeId}/inventory/${sku}/adjustments`, {
      delta: 200,
      reason: 'received',
    });
    await call('PUT', `/stores/${low.storeId}/inventory/${sku}/reorder-rule`, {
      reorderPoint: 40,
      reorderQuantity: 10,
    });

    // 50 tills at once, one unit each: 70 → 20, through the point of 40 once.
    await Promise.all(Array.from({ length: 50 }, () => sell(low.storeId, sku, 1)));
    await settle();
    expect(await replenishments(low.storeId)).toHaveLength(1);

    // 50 distinct crossing events for the same store and SKU at once (as if 50 crossings raced):
    // five PutEvents calls of ten (its limit), all in flight together.
    const crossing = (i: number) => ({
      EventBusName: 'storefleet-local',
      Source: 'storefleet.inventory',
      DetailType: 'Inventory.LowStock',
      Detail: JSON.stringify({
        eventId: `burst-${uniqueSuffix()}-${i}`,
        storeId: low.storeId,
        sku,
        productId: product.productId,
        available: 20,
        reorderPoint: 40,
        reorderQuantity: 10,
      }),
    });
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, call) =>
        fetch(runtime.events?.busEndpoint ?? '', {
          method: 'POST',
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSEvents.PutEvents' },
          body: JSON.stringify({ Entries: Array.from({ length: 10 }, (_, i) => crossing(call * 10 + i)) }),
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    await settle();
    const planned = await replenishments(low.storeId);
    expect(planned).toHaveLength(1);
    // From what was available when it planned (20 or a little more, mid-burst), up to 40 + 10.
    expect(planned[0]?.transfers[0]?.fromStoreId).toBe(donor.storeId);
    const alerts = (await archived()).filter(
      (event) => event['detail-type'] === 'Inventory.StockAlert' && event.detail.sku === sku,
    );
    expect(alerts.filter((event) => event.detail.outcome === 'planned')).toHaveLength(1);
    expect(alerts.filter((event) => event.detail.outcome === 'already-open')).toHaveLength(50);
  });
});
