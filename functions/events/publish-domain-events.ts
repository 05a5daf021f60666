import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { sendToDeadLetterQueue } from '../../lib/events/dead-letter-queue.js';
import { eventBusName } from '../../lib/events/event-bus-client.js';
import { publishStreamBatch } from '../../lib/events/publish-stream-batch.js';
import { logger } from '../../lib/logger.js';
import { metrics } from '../../lib/metrics.js';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

/**
 * The table's stream → domain events on the bus. The whole batch is translated and published
 * first (few PutEvents calls); Powertools then answers per record, so a record whose events
 * were not all published is reported in batchItemFailures (its SequenceNumber) and retried,
 * while untranslatable records went to the dead-letter queue. Not a full-batch error when
 * every record failed: the partial response says the same and keeps bisecting precise.
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .handler(async (event, context) => {
    const outcome = await publishStreamBatch(event.Records, {
      busName: eventBusName(),
      sendToDeadLetter: sendToDeadLetterQueue,
    });
    logger.info('stream batch published', {
      records: event.Records.length,
      events: outcome.published,
      failedRecords: outcome.failed.size,
      deadLettered: outcome.deadLettered,
    });
    const recordHandler = async (record: DynamoDBRecord): Promise<void> => {
      const reason = outcome.failed.get(record);
      if (reason !== undefined) throw new Error(`events of ${record.eventID} not published: ${reason}`);
    };
    return processPartialResponse(event, recordHandler, processor, {
      context,
      throwOnFullBatchFailure: false,
    });
  });
