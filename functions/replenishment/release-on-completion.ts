import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { logger } from '../../lib/logger.js';
import { type ReleaseOutcome, releaseReplenishment } from '../../lib/replenishment/release-replenishment.js';
import {
  PurchaseOrderCompletedDetail,
  RELEASING_PURCHASE_ORDER_EVENTS,
  RELEASING_TRANSFER_EVENTS,
  TransferCompletedDetail,
} from '../../lib/replenishment/replenishment-events.js';

const isOneOf = (list: readonly string[], value: string) => list.includes(value);

/**
 * `Transfer.Received/Cancelled`, `PurchaseOrder.Received/Closed/Cancelled` → release the
 * replenishment guard that lists the document. Idempotent: the release re-reads the document
 * and the guard, so a redelivered event finds nothing left to release.
 */
export const releaseOnCompletion = async (
  event: EventBridgeEvent<string, unknown>,
): Promise<ReleaseOutcome[]> => {
  const type = event['detail-type'];
  let outcomes: ReleaseOutcome[];
  if (isOneOf(RELEASING_TRANSFER_EVENTS, type)) {
    const detail = TransferCompletedDetail.parse(event.detail);
    outcomes = await releaseReplenishment({ transferId: detail.transferId });
  } else if (isOneOf(RELEASING_PURCHASE_ORDER_EVENTS, type)) {
    const detail = PurchaseOrderCompletedDetail.parse(event.detail);
    outcomes = await releaseReplenishment({ purchaseOrderId: detail.purchaseOrderId });
  } else {
    throw new Error(`release-on-completion does not handle ${type}`);
  }
  logger.info('replenishment released', { detailType: type, outcomes });
  return outcomes;
};

export const handler = middy<EventBridgeEvent<string, unknown>, ReleaseOutcome[]>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(releaseOnCompletion);
