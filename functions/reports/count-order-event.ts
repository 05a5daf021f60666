import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { OrderDetail, OrderRefundedDetail } from '../../lib/events/event-schemas.js';
import { logger } from '../../lib/logger.js';
import {
  applyOrderEvent,
  REPORTED_ORDER_EVENTS,
  type ReportedOrderEvent,
  type RollupOutcome,
} from '../../lib/reports/rollup-consumer.js';

const isReported = (detailType: string): detailType is ReportedOrderEvent =>
  (REPORTED_ORDER_EVENTS as readonly string[]).includes(detailType);

/**
 * An order event → the reports' rollups, idempotent per `eventId`. A detail that does not
 * parse, or a refund whose sale is not counted yet, throws: the rule's retries and
 * dead-letter queue keep the event rather than dropping it.
 */
export const countOrderEvent = async (event: EventBridgeEvent<string, unknown>): Promise<RollupOutcome> => {
  const detailType = event['detail-type'];
  if (!isReported(detailType)) throw new Error(`Not a reported order event: ${detailType}`);
  const detail =
    detailType === 'Order.Refunded'
      ? OrderRefundedDetail.parse(event.detail)
      : OrderDetail.parse(event.detail);
  const outcome = await applyOrderEvent(detailType, detail);
  logger.info('order event counted', { detailType, orderId: detail.orderId, ...outcome });
  return outcome;
};

export const handler = middy<EventBridgeEvent<string, unknown>, RollupOutcome>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(countOrderEvent);
