import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { logger } from '../../lib/observability.js';
import { type PlanOutcome, planReplenishment } from '../../lib/replenishment/plan-replenishment.js';
import { LowStockDetail } from '../../lib/replenishment/replenishment-events.js';

/**
 * `Inventory.LowStock` → the planner. Idempotent on `eventId` (the replenishment's id derives
 * from it); a detail that does not parse throws, so the rule's retries and dead-letter queue
 * keep it rather than dropping it.
 */
export const planOnLowStock = async (event: EventBridgeEvent<string, unknown>): Promise<PlanOutcome> => {
  const detail = LowStockDetail.parse(event.detail);
  const outcome = await planReplenishment(detail);
  logger.info('replenishment planned', {
    eventId: detail.eventId,
    storeId: detail.storeId,
    sku: detail.sku,
    outcome: outcome.outcome,
    ...(outcome.outcome === 'skipped'
      ? { reason: outcome.reason }
      : { replenishmentId: outcome.replenishment.replenishmentId }),
  });
  return outcome;
};

export const handler = middy<EventBridgeEvent<string, unknown>, PlanOutcome>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(planOnLowStock);
