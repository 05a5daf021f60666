import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { appDefinition, type FunctionName } from '../../infra/app-definition.js';
import { seedDemoData } from '../../infra/local/seed.js';
import { seedOrders } from '../../infra/local/seed-orders.js';
import type { SystemActor } from '../../lib/db/item-meta.js';
import type { HttpEvent } from '../../lib/http/http-handler.js';
import { expireUnpaidOrders } from '../../lib/orders/order-expiry.js';
import { getOrder } from '../../lib/orders/order-queries.js';
import { admin } from '../support/fixtures.js';
import { quantities } from '../support/stock-fixtures.js';

const actor: SystemActor = { userId: 'system:seed' };
const repoRoot = new URL('../../', import.meta.url).pathname;
type Handler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
const context = {
  awsRequestId: 'it',
  functionName: 'it',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

/** Each sample event of the order functions, with the status it answers on a freshly seeded table. */
const SAMPLES: [file: string, fn: FunctionName, status: number][] = [
  ['get-order.json', 'getOrder', 200],
  ['get-order-receipt.json', 'getOrderReceipt', 200],
  ['list-store-orders.json', 'listStoreOrders', 200],
  ['list-customer-orders.json', 'listCustomerOrders', 200],
  ['create-order.json', 'createOrder', 201],
  ['record-order-payment.json', 'recordOrderPayment', 201],
  ['fulfil-order.json', 'fulfilOrder', 200],
  ['complete-order.json', 'completeOrder', 200],
  ['cancel-order.json', 'cancelOrder', 200],
  ['refund-order.json', 'refundOrder', 201],
];

describe('demo orders', () => {
  it('seeds orders in every state through the services, once', async () => {
    // The demo seed runs seedOrders after stock and customers; running it again writes nothing.
    await seedDemoData();
    expect(await seedOrders(actor)).toEqual({ created: false, orders: 8 });

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

  it('answers every order sample event against the seeded table', async () => {
    for (const [file, functionName, expected] of SAMPLES) {
      const event = JSON.parse(readFileSync(join(repoRoot, 'events/http', file), 'utf8')) as HttpEvent;
      const { entry } = appDefinition.functions[functionName];
      const { handler } = (await import(join(repoRoot, entry))) as { handler: Handler };
      const response = await handler(event, context);
      expect(response.statusCode, `${file}: ${response.body}`).toBe(expected);
    }
    // The create-order sample is idempotent: sent again it answers the same order with 200.
    const event = JSON.parse(
      readFileSync(join(repoRoot, 'events/http/create-order.json'), 'utf8'),
    ) as HttpEvent;
    const { handler } = (await import(join(repoRoot, 'functions/orders/create-order.ts'))) as {
      handler: Handler;
    };
    expect((await handler(event, context)).statusCode).toBe(200);
  });
});
