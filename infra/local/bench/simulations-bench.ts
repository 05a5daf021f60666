import type { BenchFigure, BenchSection } from './bench-figure.js';

/**
 * The simulations' figures for `npm run bench`: the hot SKU (orders/s on N shards against one,
 * in the same run, and the never-oversold check) and the fleet's cold starts (per packaging,
 * against one function per route). Modules are imported inside the sections: the hot-SKU run
 * sets the local environment before lib/ loads when the runner has not already done so.
 */
export const benchHotSku: BenchSection = async ({ quick }) => {
  const { runHotSkuScenarios } = await import('../simulations/hot-sku/hot-sku-scenarios.js');
  const { throughput, sellOut } = await runHotSkuScenarios({ quick });
  const { DYNAMODB_PARTITION_WCU, TRANSACTIONAL_WCU_PER_KB } = await import(
    '../simulations/hot-sku/hot-sku-simulation.js'
  );
  const perShardOnDynamoDb = DYNAMODB_PARTITION_WCU / TRANSACTIONAL_WCU_PER_KB;
  const one = throughput.find((run) => run.shards === 1);
  const figures: BenchFigure[] = throughput.map((run) => ({
    section: 'hot-sku',
    name: `${run.shards} shard${run.shards === 1 ? '' : 's'}`,
    unit: 'orders/s',
    value: run.ordersPerSecond,
    ...(one && {
      baseline: one.ordersPerSecond,
      baselineName: '1 shard (a level item today)',
      ratio: run.ordersPerSecond / one.ordersPerSecond,
    }),
    target: 'never oversold; ≈ N× one shard until DynamoDB Local itself saturates',
    pass: run.consistent,
    detail: `${run.concurrency} sellers, ${run.throttled} throttled, ${run.cpuMsPerOrder.toFixed(1)} ms CPU/order; ceiling on DynamoDB ${run.shards} × ${perShardOnDynamoDb} = ${run.shards * perShardOnDynamoDb} orders/s`,
  }));
  for (const run of sellOut)
    figures.push({
      section: 'hot-sku',
      name: `sell-out, ${run.shards} shard${run.shards === 1 ? '' : 's'}`,
      unit: 'units sold',
      value: run.sold,
      baseline: run.stock,
      baselineName: 'stock',
      ratio: run.sold / run.stock,
      target: 'every unit sold once, none twice',
      pass: run.consistent && run.sold === run.stock,
      detail: `${run.movements} movements, ${run.stockLeft} left, ${run.refused} refused after sell-out`,
    });
  return figures;
};

export const benchFleetColdStarts: BenchSection = async () => {
  const { simulateFleet, scenarioOf, HEADLINE_IDLE_MINUTES } = await import(
    '../simulations/fleet/fleet-simulation.js'
  );
  const { PACKAGINGS } = await import('../simulations/fleet/packaging.js');
  const simulation = simulateFleet({ idleMinutes: [HEADLINE_IDLE_MINUTES] });
  const perRoute = scenarioOf(simulation, 'per-route', HEADLINE_IDLE_MINUTES).result;
  return PACKAGINGS.map((packaging) => {
    const { result } = scenarioOf(simulation, packaging, HEADLINE_IDLE_MINUTES);
    const privileges = simulation.privileges[packaging];
    return {
      section: 'fleet',
      name: `${packaging} (${simulation.deployUnits[packaging]} functions)`,
      unit: 'cold starts/1,000 requests',
      value: result.coldStartsPer1000,
      baseline: perRoute.coldStartsPer1000,
      baselineName: 'one function per route',
      ratio: result.coldStartsPer1000 / perRoute.coldStartsPer1000,
      detail: `${result.coldStarts} cold starts in ${result.invocations} invocations at ${HEADLINE_IDLE_MINUTES} min idle; ${privileges.overPrivileged} handlers over-privileged (${privileges.readersThatCouldWrite} readers could write)`,
    } satisfies BenchFigure;
  });
};
