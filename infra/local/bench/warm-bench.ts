/**
 * Warm overhead of the HTTP chain: the `getStore` function invoked in-process as a warm Lambda
 * (its real Middy chain, the claims of a real token, a fresh Lambda context per call) against a
 * raw `GetCommand` of the same item on a bare document client with the SDK's defaults,
 * interleaved call by call after a warm-up. The overhead is the difference of the percentiles
 * (function p50 − raw p50, p95 − p95): what the chain, authorization and validation add to the
 * one read. The per-call differences are shown too, but their tails mix both sides' outliers.
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

  // The event and the Lambda context of each call are made before it is timed, as the Lambda
  // runtime makes them before it calls the handler.
  const invocation = () => {
    const requestId = randomUUID();
    const event = httpEvent({
      method: 'GET',
      path: `/stores/${STORE_ID}`,
      routeKey: 'GET /stores/{storeId}',
      pathParameters: { storeId: STORE_ID },
      claims,
      requestId,
    });
    // Made up to a few thousand calls ahead: a deadline far enough away that none expires waiting.
    return { event, context: lambdaContext('getStore', { ...definition, timeoutSeconds: 3600 }, requestId) };
  };
  let pending: ReturnType<typeof invocation>[] = [];
  const prepare = (calls: number) => {
    pending = Array.from({ length: calls }, invocation);
  };
  const viaFunction = async () => {
    const next = pending.pop() ?? invocation();
    const response = (await handler(next.event, next.context)) as { statusCode: number };
    if (response.statusCode !== 200) throw new Error(`getStore answered ${response.statusCode}`);
  };
  const viaRaw = async () => {
    const { Item } = await raw.send(rawGet);
    if (!Item) throw new Error(`No store ${STORE_ID}`);
  };

  // CPU of this process per call (user + system): steadier than wall time on a busy machine.
  const cpuMs = { function: 0, raw: 0 };
  const withCpu = (name: keyof typeof cpuMs, call: () => Promise<void>) => async () => {
    const before = process.cpuUsage();
    await call();
    const used = process.cpuUsage(before);
    cpuMs[name] += (used.user + used.system) / 1000;
  };
  const samplers = { function: withCpu('function', viaFunction), raw: withCpu('raw', viaRaw) };
  const warmUp = quick ? 50 : 400;
  const rounds = quick ? 200 : 3000;
  prepare(warmUp);
  await interleave(warmUp, samplers);
  cpuMs.function = 0;
  cpuMs.raw = 0;
  prepare(rounds);
  const times = await interleave(rounds, samplers);
  raw.destroy();
  const fn = distribution(times.function);
  const bare = distribution(times.raw);
  const pairs = distribution(paired(times.function, times.raw));
  const over = { p50: fn.p50 - bare.p50, p95: fn.p95 - bare.p95 };
  const detail = `${rounds} interleaved calls each after ${warmUp} warm-up`;
  const overheadFigure = (p: 'p50' | 'p95'): BenchFigure => ({
    section: 'warm',
    name: `GET /stores/{id} overhead ${p}`,
    unit: 'ms',
    value: over[p],
    target: `≤ ${WARM_TARGET[p]} ms over raw`,
    pass: over[p] <= WARM_TARGET[p],
    detail: `function ${p} ${fn[p].toFixed(3)} − raw ${p} ${bare[p].toFixed(3)}; per-call differences: median ${pairs.p50.toFixed(3)}, p95 ${pairs.p95.toFixed(3)}`,
  });
  const latencyFigure = (p: 'p50' | 'p95'): BenchFigure => ({
    section: 'warm',
    name: `GET /stores/{id} ${p}`,
    unit: 'ms',
    value: fn[p],
    baseline: bare[p],
    baselineName: 'raw GetCommand of the same item',
    ratio: fn[p] / bare[p],
    detail,
  });
  return [
    latencyFigure('p50'),
    latencyFigure('p95'),
    overheadFigure('p50'),
    overheadFigure('p95'),
    {
      section: 'warm',
      name: 'GET /stores/{id} CPU per call',
      unit: 'ms',
      value: cpuMs.function / rounds,
      baseline: cpuMs.raw / rounds,
      baselineName: 'raw GetCommand',
      ratio: cpuMs.function / cpuMs.raw,
      detail: `this process's user + system CPU; chain overhead ${((cpuMs.function - cpuMs.raw) / rounds).toFixed(3)} ms per call`,
    },
  ];
};
