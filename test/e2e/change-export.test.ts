/**
 * The change export on a running local system: an order placed and paid through the API lands in
 * the local S3's lake (`changes/entity=Order/…`) within seconds, through DynamoDB Local's stream,
 * the local stream reader and the exportChanges handler. Its own runtime with `events: true` (the
 * shared e2e runtime reads no stream), its lake in a temporary folder.
 */
import { randomUUID } from 'node:crypto';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import {
  apiCaller,
  type EventFlowRuntime,
  positionalCalls,
  startEventFlowRuntime,
} from '../support/event-flow-runtime.js';
import { productInput, storeInput } from '../support/fixtures.js';
import { localS3Client, readChangeObjects } from '../support/lake-objects.js';

let flow: EventFlowRuntime | undefined;
let runtime: LocalRuntime;
let admin: string;
let s3: S3Client;

const { call, created } = positionalCalls(
  apiCaller(
    () => runtime.url,
    () => admin,
  ),
);

/** Polls the lake until `ready` holds for the rows of `changes/entity=<entity>/`, or the deadline passes. */
const waitForRows = async (
  entity: string,
  ready: (rows: Record<string, unknown>[]) => boolean,
  deadlineMs = 20_000,
) => {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const rows = (await readChangeObjects(s3, runtime.lake.bucket, `changes/entity=${entity}/`)).flatMap(
      (object) => object.rows,
    );
    if (ready(rows) || Date.now() > until) return rows;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

beforeAll(async () => {
  flow = await startEventFlowRuntime('lake');
  runtime = flow.runtime;
  admin = await runtime.signToken({ role: 'admin' });
  s3 = localS3Client(runtime.lake.endpoint);
});

afterAll(async () => {
  s3?.destroy();
  await flow?.stop();
});

describe('the change-data lake on the local runtime', () => {
  it('shows an order placed and paid through the API in changes/ within seconds', async () => {
    const store = await created<{ storeId: string }>('/stores', storeInput());
    const product = await created<{ variants: { sku: string }[] }>('/products', productInput());
    const sku = product.variants[0]?.sku ?? '';
    await created(`/stores/${store.storeId}/inventory/${sku}/adjustments`, { delta: 5, reason: 'received' });
    const started = Date.now();
    const order = await created<{ orderId: string; total: number }>(
      '/orders',
      { storeId: store.storeId, channel: 'in_store', lines: [{ sku, quantity: 2 }] },
      { 'idempotency-key': `lake-${randomUUID()}` },
    );
    const paid = await call('POST', `/orders/${order.orderId}/payments`, {
      method: 'card',
      amount: order.total,
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);

    const ofOrder = (rows: Record<string, unknown>[]) =>
      rows.filter((row) => row.pk === `ORDER#${order.orderId}`);
    const rows = ofOrder(await waitForRows('Order', (all) => ofOrder(all).length >= 2));
    const seconds = (Date.now() - started) / 1000;
    expect(rows.map((row) => [row.event_name, (row.new_image as { status: string }).status])).toEqual([
      ['INSERT', 'PENDING_PAYMENT'],
      ['MODIFY', 'PAID'],
    ]);
    expect(rows[0]).toMatchObject({ entity_type: 'Order', sk: 'ORDER', old_image: null });
    expect(rows[0]?.new_image).toMatchObject({
      storeId: store.storeId,
      total: order.total,
      channel: 'in_store',
    });
    expect(seconds).toBeLessThan(20);

    const stores = await waitForRows('Store', (all) =>
      all.some((row) => (row.new_image as { storeId?: string })?.storeId === store.storeId),
    );
    expect(stores.some((row) => row.event_name === 'INSERT')).toBe(true);
  });

  it('runs a local S3 with the lake bucket in the shared e2e runtime too', async () => {
    const shared = localS3Client(inject('s3Endpoint'));
    try {
      const listing = await shared.send(
        new ListObjectsV2Command({ Bucket: inject('lakeBucket'), Prefix: 'changes/' }),
      );
      expect(listing.$metadata.httpStatusCode).toBe(200);
      expect(inject('lakeBucket')).toBe('storefleet-local-lake');
    } finally {
      shared.destroy();
    }
  });
});
