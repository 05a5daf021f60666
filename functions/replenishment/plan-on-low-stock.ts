import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { logger } from '../../lib/logger.js';
import { type PlanOutcome, planReplenishment } from '../../lib/replenishment/plan-replenishment.js';
import {
  ALERTED_CROSSINGS,
  type AlertedCrossing,
  CrossingDetail,
  publishStockAlertOnce,
  stockAlertEvent,
} from '../../lib/replenishment/stock-alert.js';

const isAlerted = (detailType: string): detailType is AlertedCrossing =>
  (ALERTED_CROSSINGS as readonly string[]).includes(detailType);

/**
 * `Inventory.LowStock` / `Inventory.OutOfStock` → the planner, then the stock alert naming what
 * it planned (an `Inventory.StockAlert` on the bus, which the stock-alert topic's rule turns
 * into a message). Idempotent on `eventId` (the replenishment's id derives from it); a detail
 * that does not parse throws, so the rule's retries and dead-letter queue keep it.
 */
export const planOnLowStock = async (event: EventBridgeEvent<string, unknown>): Promise<PlanOutcome> => {
  const crossing = event['detail-type'];
  if (!isAlerted(crossing)) throw new Error(`planOnLowStock does not handle ${crossing}`);
  const detail = CrossingDetail.parse(event.detail);
  const outcome = await planReplenishment(detail);
  const alert = await publishStockAlertOnce(await stockAlertEvent(crossing, detail, outcome, new Date()));
  logger.info('replenishment planned', {
    eventId: detail.eventId,
    crossing,
    storeId: detail.storeId,
    sku: detail.sku,
    outcome: outcome.outcome,
    ...(outcome.outcome === 'skipped'
      ? { reason: outcome.reason }
      : { replenishmentId: outcome.replenishment.replenishmentId }),
    alert,
  });
  return outcome;
};

export const handler = middy<EventBridgeEvent<string, unknown>, PlanOutcome>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(planOnLowStock);
