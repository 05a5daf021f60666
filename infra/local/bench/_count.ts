import { randomUUID } from 'node:crypto';
import { benchRuntime, httpEvent, verifiedClaims, stopBenchRuntime } from './bench-runtime.js';
const runtime = await benchRuntime();
const { DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
const counts = new Map<string, number>();
const original = DynamoDBDocumentClient.prototype.send;
DynamoDBDocumentClient.prototype.send = function (this: unknown, command: { constructor: { name: string } }, ...rest: unknown[]) {
  counts.set(command.constructor.name, (counts.get(command.constructor.name) ?? 0) + 1);
  return (original as (...a: unknown[]) => unknown).call(this, command, ...rest);
} as never;
const { loadHandler } = await import('../function-loader.js');
const { appDefinition } = await import('../../app-definition.js');
const { lambdaContext } = await import('../lambda-context.js');
const claims = await verifiedClaims(runtime, 'admin');
const handler = await loadHandler('createOrder');
const call = async () => {
  const requestId = randomUUID();
  const event = httpEvent({ method: 'POST', path: '/orders', routeKey: 'POST /orders', headers: { 'idempotency-key': randomUUID() }, body: { storeId: 'st_syd_cbd', channel: 'in_store', customerId: 'cu_mia_chen', lines: [{ sku: 'ACU-OAS-2W-BC84-M125', quantity: 1 }, { sku: 'ALC-OFPM-300', quantity: 1 }] }, claims, requestId });
  const r = (await handler(event, lambdaContext('createOrder', appDefinition.functions.createOrder, requestId))) as { statusCode: number; body?: string };
  if (r.statusCode >= 300) throw new Error(String(r.statusCode) + r.body);
};
for (let i = 0; i < 3; i++) { counts.clear(); await call(); console.log(`order ${i}:`, Object.fromEntries(counts)); }
await stopBenchRuntime();
