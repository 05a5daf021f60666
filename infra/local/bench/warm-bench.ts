/**
 * Warm overhead of the HTTP chain: the `getStore` function invoked in-process as a warm Lambda
 * (its real Middy chain, the claims of a real token, a fresh Lambda context per call) against a
 * raw `GetCommand` of the same item on a bare document client with the SDK's defaults,
 * interleaved call by call after a warm-up. Reports p50 and p95 of each and of the per-call
 * difference (what the chain, authorization and validation add to the one read).
 */
import { randomUUID } from 'node:crypto';
import type { BenchFigure, BenchSection } from './bench-figure.js';
import { benchRuntime, httpEvent, verifiedClaims } from './bench-runtime.js';
import { distribution, interleave, paired } from './interleave.js';

const STORE_ID = 'st_syd_cbd';
export const WARM_TARGET = { p50: 0.3, p95: 1 };

export const benchWarm: BenchSection = async ({ quick }) => {
  const runtime = await benchRuntime();
  // Imported only now: lib/ reads the environment the runtime applied.
  const [{ DynamoDBClient }, { DynamoDBDocumentClient, GetCommand }, { storeKeys }, { loadHandler }] =
    await Promise.all([
      import('@aws-sdk/client-dynamodb'),
      import('@aws-sdk/lib-dynamodb'),
      import('../../../lib/db/keys.js'),
      import('../function-loader.js'),
    ]);
  const { appDefinition } = await import('../../app-definition.js');
  const { lambdaContext } = await import('../lambda-context.js');
  const claims = await verifiedClaims(runtime, 'admin');
  const handler = await loadHandler('getStore');
  const definition = appDefinition.functions.getStore;
  const raw = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: runtime.dynamoEndpoint }));
  const rawGet = new GetCommand({
    TableName: runtime.tableName,
    Key: storeKeys.item(STORE_ID),
    ConsistentRead: true,
  });

  const viaFunction = async () => {
    const requestId = randomUUID();
    const event = httpEvent({
      method: 'GET',
      path: `/stores/${STORE_ID}`,
      routeKey: 'GET /stores/{storeId}',
      pathParameters: { storeId: STORE_ID },
      claims,
      requestId,
    });
    const response = (await handler(event, lambdaContext('getStore', definition, requestId))) as {
      statusCode: number;
    };
    if (response.statusCode !== 200) throw new Error(`getStore answered ${response.statusCode}`);
  };
  const viaRaw = async () => {
    const { Item } = await raw.send(rawGet);
    if (!Item) throw new Error(`No store ${STORE_ID}`);
  };

  const warmUp = quick ? 50 : 400;
  await interleave(warmUp, { function: viaFunction, raw: viaRaw });
  const rounds = quick ? 200 : 3000;
  const times = await interleave(rounds, { function: viaFunction, raw: viaRaw });
  raw.destroy();
  const fn = distribution(times.function);
  const bare = distribution(times.raw);
  const overhead = distribution(paired(times.function, times.raw));
  const detail = (d: { samples: number }) => `${d.samples} interleaved calls after ${warmUp} warm-up`;
  const figures: BenchFigure[] = [
    {
      section: 'warm',
      name: 'GET /stores/{id} p50',
      unit: 'ms',
      value: fn.p50,
      baseline: bare.p50,
      baselineName: 'raw GetCommand',
      ratio: fn.p50 / bare.p50,
      detail: detail(fn),
    },
    {
      section: 'warm',
      name: 'GET /stores/{id} p95',
      unit: 'ms',
      value: fn.p95,
      baseline: bare.p95,
      baselineName: 'raw GetCommand',
      ratio: fn.p95 / bare.p95,
      detail: detail(fn),
    },
    {
      section: 'warm',
      name: 'overhead p50 (per-call difference)',
      unit: 'ms',
      value: overhead.p50,
      target: `≤ ${WARM_TARGET.p50} ms over raw`,
      pass: overhead.p50 <= WARM_TARGET.p50,
      detail: `function p50 ${fn.p50.toFixed(3)} − raw p50 ${bare.p50.toFixed(3)} = ${(fn.p50 - bare.p50).toFixed(3)} ms`,
    },
    {
      section: 'warm',
      name: 'overhead p95 (per-call difference)',
      unit: 'ms',
      value: overhead.p95,
      target: `≤ ${WARM_TARGET.p95} ms over raw`,
      pass: overhead.p95 <= WARM_TARGET.p95,
      detail: `function p95 ${fn.p95.toFixed(3)} − raw p95 ${bare.p95.toFixed(3)} = ${(fn.p95 - bare.p95).toFixed(3)} ms`,
    },
  ];
  return figures;
};
