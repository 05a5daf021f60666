import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { benchRuntime, httpEvent, stopBenchRuntime, verifiedClaims } from './bench-runtime.js';
import { runConcurrently } from './interleave.js';

const which = process.argv[2] ?? 'orders';
const runtime = await benchRuntime();
const admin = await runtime.signToken({ role: 'admin' });
for (const sku of ['ACU-OAS-2W-BC84-M100', 'ACU-OAS-2W-BC84-M125']) {
  await fetch(`${runtime.url}/stores/st_syd_cbd/inventory/${sku}/adjustments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ delta: 100000, reason: 'received' }),
  });
}
const { loadHandler } = await import('../function-loader.js');
const { appDefinition } = await import('../../app-definition.js');
const { lambdaContext } = await import('../lambda-context.js');
const claims = await verifiedClaims(runtime, 'admin');
const name = which === 'orders' ? 'createOrder' : 'getStore';
const handler = await loadHandler(name);
const call = async () => {
  const requestId = randomUUID();
  const event =
    which === 'orders'
      ? httpEvent({
          method: 'POST',
          path: '/orders',
          routeKey: 'POST /orders',
          headers: { 'idempotency-key': randomUUID() },
          body: {
            storeId: 'st_syd_cbd',
            channel: 'in_store',
            customerId: 'cu_mia_chen',
            lines: [
              { sku: 'ACU-OAS-2W-BC84-M100', quantity: 1 },
              { sku: 'ACU-OAS-2W-BC84-M125', quantity: 1 },
            ],
          },
          claims,
          requestId,
        })
      : httpEvent({
          method: 'GET',
          path: '/stores/st_syd_cbd',
          routeKey: 'GET /stores/{storeId}',
          pathParameters: { storeId: 'st_syd_cbd' },
          claims,
          requestId,
        });
  const r = (await handler(event, lambdaContext(name, appDefinition.functions[name], requestId))) as {
    statusCode: number;
    body?: string;
  };
  if (r.statusCode >= 300) throw new Error(String(r.statusCode) + r.body);
};
const n = Number(process.argv[3] ?? 300);
await runConcurrently(100, 4, call);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const cpu = process.cpuUsage();
const t = performance.now();
await runConcurrently(n, 4, call);
const used = process.cpuUsage(cpu);
console.log(
  name,
  'cpu ms/call',
  ((used.user + used.system) / 1000 / n).toFixed(3),
  'wall ms/call',
  ((performance.now() - t) / n).toFixed(2),
);
const { profile } = await session.post('Profiler.stop');
writeFileSync(`/tmp/${which}.cpuprofile`, JSON.stringify(profile));
await stopBenchRuntime();
