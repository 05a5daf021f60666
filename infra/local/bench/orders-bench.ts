/**
 * Order placement: the `createOrder` function invoked in-process as a warm Lambda (real Middy
 * chain, real token claims) at concurrency C, against a bare `TransactWriteItems` of the same
 * items (the very writes placement builds: idempotency record, order, a level commit per line,
 * the customer check), prebuilt so only the SDK call is timed, at the same C on the same
 * DynamoDB Local. Rounds alternate (ABBA). Also the CPU the Node process spends per order
 * (`process.cpuUsage`, user + system) and one hot SKU against SKUs spread over the store.
 */
import { randomUUID } from 'node:crypto';
import type { BenchFigure, BenchSection } from './bench-figure.js';
import { benchRuntime, httpEvent, verifiedClaims } from './bench-runtime.js';
import { distribution, interleave, runConcurrently } from './interleave.js';

const STORE_ID = 'st_syd_cbd';
const CUSTOMER_ID = 'cu_mia_chen';
/** The demo data's stocked SKUs at every store (infra/local/seed-stock.ts). */
const SKUS = [
  'ACU-OAS-2W-BC84-M100',
  'ACU-OAS-2W-BC84-M125',
  'ACU-MST-1D-M100',
  'ALC-DT1-1D-M100',
  'CV-BIOF-1M-M100',
  'ALC-OFPM-300',
  'BL-BIOT-SOL-300',
  'BLK-CONT-10',
  'FLT-CLOTH-15',
];
export const ORDERS_TARGET_RATIO = 0.8;

interface Phase {
  seconds: number;
  cpuMs: number;
  orders: number;
}

const timed = async (orders: number, concurrency: number, work: (i: number) => Promise<unknown>) => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await runConcurrently(orders, concurrency, work);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds, cpuMs: (used.user + used.system) / 1000, orders };
};

const add = (a: Phase, b: Phase): Phase => ({
  seconds: a.seconds + b.seconds,
  cpuMs: a.cpuMs + b.cpuMs,
  orders: a.orders + b.orders,
});
const ZERO: Phase = { seconds: 0, cpuMs: 0, orders: 0 };
const rate = (phase: Phase) => phase.orders / phase.seconds;

export const benchOrders: BenchSection = async ({ quick }) => {
  const runtime = await benchRuntime();
  // Imported only now: lib/ reads the environment the runtime applied.
  const [{ DynamoDBClient }, { DynamoDBDocumentClient, TransactWriteCommand }] = await Promise.all([
    import('@aws-sdk/client-dynamodb'),
    import('@aws-sdk/lib-dynamodb'),
  ]);
  const { newIdempotencyRecord } = await import('../../../lib/db/idempotency.js');
  const { newOrderId, placementWrites } = await import('../../../lib/orders/order-placement.js');
  const { orderRequestHash } = await import('../../../lib/orders/request-hash.js');
  const { loadHandler } = await import('../function-loader.js');
  const { appDefinition } = await import('../../app-definition.js');
  const { lambdaContext } = await import('../lambda-context.js');
  type Order = import('../../../lib/orders/order-schemas.js').Order;

  const concurrency = 8;
  const perPhase = quick ? 40 : 200;
  const rounds = quick ? 2 : 4;
  const totalOrders = perPhase * rounds * 4 + 400;

  // Enough stock on every SKU for every order of the run, through the API like any receipt.
  const admin = await runtime.signToken({ role: 'admin' });
  for (const sku of SKUS) {
    const response = await fetch(`${runtime.url}/stores/${STORE_ID}/inventory/${sku}/adjustments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ delta: totalOrders * 3, reason: 'received', note: 'benchmark stock' }),
    });
    if (!response.ok) throw new Error(`Stock adjustment answered ${response.status}`);
  }

  const claims = await verifiedClaims(runtime, 'admin');
  const handler = await loadHandler('createOrder');
  const definition = appDefinition.functions.createOrder;
  const linesOf = (i: number, hot: boolean) =>
    hot
      ? [
          { sku: SKUS[0] as string, quantity: 1 },
          { sku: SKUS[1] as string, quantity: 1 },
        ]
      : [
          { sku: SKUS[i % SKUS.length] as string, quantity: 1 },
          { sku: SKUS[(i + 1) % SKUS.length] as string, quantity: 1 },
        ];
  const bodyOf = (i: number, hot: boolean) => ({
    storeId: STORE_ID,
    channel: 'in_store',
    customerId: CUSTOMER_ID,
    lines: linesOf(i, hot),
  });
  const placeViaFunction = (hot: boolean) => async (i: number) => {
    const requestId = randomUUID();
    const event = httpEvent({
      method: 'POST',
      path: '/orders',
      routeKey: 'POST /orders',
      headers: { 'idempotency-key': randomUUID() },
      body: bodyOf(i, hot),
      claims,
      requestId,
    });
    const response = (await handler(event, lambdaContext('createOrder', definition, requestId))) as {
      statusCode: number;
      body?: string;
    };
    if (response.statusCode !== 201)
      throw new Error(`createOrder answered ${response.statusCode}: ${response.body ?? ''}`);
    return response;
  };

  // Warm-up, and the template orders the baseline copies (one per SKU pair).
  const warm = placeViaFunction(false);
  const templates: Order[] = [];
  for (let i = 0; i < SKUS.length; i++) {
    const { body } = (await warm(i)) as { body: string };
    const {
      payments: _p,
      refunds: _r,
      ...order
    } = JSON.parse(body) as Order & {
      payments: unknown;
      refunds: unknown;
    };
    templates.push(order as Order);
  }
  await runConcurrently(quick ? 40 : 200, concurrency, warm);

  const raw = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: runtime.dynamoEndpoint }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const actor = { userId: 'bench', role: 'admin' as const, storeIds: 'all' as const };
  /** The transactions of a bare phase, built before it is timed. */
  const bareTransactions = async (count: number, offset: number) =>
    Promise.all(
      Array.from({ length: count }, async (_, k) => {
        const template = templates[(offset + k) % templates.length] as Order;
        const now = new Date();
        const order: Order = { ...template, orderId: newOrderId(), createdAt: now.toISOString() };
        const record = newIdempotencyRecord(
          STORE_ID,
          randomUUID(),
          orderRequestHash(bodyOf(offset + k, false) as never),
          { orderId: order.orderId },
          now,
        );
        const writes = await placementWrites(order, record, actor, now);
        return new TransactWriteCommand({ TransactItems: writes.map((w) => w.write) });
      }),
    );

  let placed = ZERO;
  let bare = ZERO;
  let offset = 0;
  for (let round = 0; round < rounds; round++) {
    const commands = await bareTransactions(perPhase, offset);
    const phases = [
      async () => {
        placed = add(placed, await timed(perPhase, concurrency, (i) => placeViaFunction(false)(offset + i)));
      },
      async () => {
        bare = add(
          bare,
          await timed(perPhase, concurrency, (i) => raw.send(commands[i] as (typeof commands)[number])),
        );
      },
    ];
    for (const phase of round % 2 === 0 ? phases : phases.reverse()) await phase();
    offset += perPhase;
  }

  // One at a time: what an order waits for (its round trips), not what the machine can do.
  const single = quick ? 10 : 60;
  const singles = await bareTransactions(single, offset);
  const latency = await interleave(single, {
    function: () => placeViaFunction(false)(offset),
    bare: async () => raw.send(singles.pop() as (typeof singles)[number]),
  });
  const latencyOf = { function: distribution(latency.function), bare: distribution(latency.bare) };

  // One hot SKU pair against the spread pairs, function against function.
  let hot = ZERO;
  let spread = ZERO;
  for (let round = 0; round < rounds; round++) {
    const phases = [
      async () => {
        hot = add(hot, await timed(perPhase, concurrency, placeViaFunction(true)));
      },
      async () => {
        spread = add(spread, await timed(perPhase, concurrency, placeViaFunction(false)));
      },
    ];
    for (const phase of round % 2 === 0 ? phases : phases.reverse()) await phase();
  }
  raw.destroy();

  const ratio = rate(placed) / rate(bare);
  const at = `${concurrency} in flight, ${placed.orders} orders each, ${rounds} interleaved rounds`;
  return [
    {
      section: 'orders',
      name: 'POST /orders (2 lines, customer)',
      unit: 'orders/s',
      value: rate(placed),
      baseline: rate(bare),
      baselineName: 'bare TransactWriteItems, same items',
      ratio,
      target: `≥ ${ORDERS_TARGET_RATIO}× bare`,
      pass: ratio >= ORDERS_TARGET_RATIO,
      detail: at,
    },
    {
      section: 'orders',
      name: 'CPU per order (Node process)',
      unit: 'ms',
      value: placed.cpuMs / placed.orders,
      baseline: bare.cpuMs / bare.orders,
      baselineName: 'CPU per bare transaction',
      ratio: placed.cpuMs / placed.orders / (bare.cpuMs / bare.orders),
      detail: 'process.cpuUsage user + system during the phases',
    },
    {
      section: 'orders',
      name: 'POST /orders one at a time, p50',
      unit: 'ms',
      value: latencyOf.function.p50,
      baseline: latencyOf.bare.p50,
      baselineName: 'bare TransactWriteItems, same items',
      ratio: latencyOf.function.p50 / latencyOf.bare.p50,
      detail: `${single} interleaved orders each, 1 in flight; p95 ${latencyOf.function.p95.toFixed(1)} vs ${latencyOf.bare.p95.toFixed(1)} ms`,
    },
    {
      section: 'orders',
      name: 'POST /orders, one hot SKU pair',
      unit: 'orders/s',
      value: rate(hot),
      baseline: rate(spread),
      baselineName: `the same orders spread over ${SKUS.length} SKUs`,
      ratio: rate(hot) / rate(spread),
      detail: `${concurrency} in flight, ${hot.orders} orders each; every order commits stock on the same two levels`,
    },
  ] satisfies BenchFigure[];
};
