import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBRecord } from 'aws-lambda';
import { logger } from '../logger.js';
import { metrics } from '../metrics.js';
import type { DeadLetter, DeadLetterSender } from './dead-letter-queue.js';
import type { DomainEvent } from './event-envelope.js';
import { type PublishItem, type PublishOptions, publishEntries, toEntry } from './event-publisher.js';
import { translateRecord, UntranslatableRecordError } from './translate-record.js';

export interface StreamBatchDeps {
  busName: string;
  sendToDeadLetter: DeadLetterSender;
  translate?: (record: DynamoDBRecord) => DomainEvent[];
  publish?: PublishOptions;
}

export interface StreamBatchOutcome {
  /** Records to report in batchItemFailures: their events were not all published (retry them). */
  failed: Map<DynamoDBRecord, string>;
  published: number;
  deadLettered: number;
}

/** Metric the operators' alarm pages on (as well as the dead-letter queue's depth). */
export const DEAD_LETTERED_METRIC = 'DomainEventRecordsDeadLettered';
/**
 * The events a batch put on the bus, published for every batch: the bus's traffic per
 * invocation, and a metric in every flush (a flush with none logs Powertools' "No application
 * metrics to publish" warning, which would be one warning line per stream batch).
 */
export const PUBLISHED_METRIC = 'DomainEventsPublished';

const errorOf = (error: unknown): DeadLetter['error'] => {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  return {
    name,
    message,
    ...(error instanceof UntranslatableRecordError && error.issues ? { issues: error.issues } : {}),
  };
};

/**
 * One batch of stream records → domain events on the bus, in as few PutEvents calls as the
 * limits allow (all records translated first, their entries chunked together), with each
 * failed entry mapped back to its record. A record that can never succeed — it does not
 * translate, or an event is too big for PutEvents — goes whole to the dead-letter queue
 * (paging operators) and is not failed, since a failed record is retried and would hold its
 * shard forever. Only if the dead-letter queue itself cannot take it is it failed: nothing is
 * dropped silently.
 */
export const publishStreamBatch = async (
  records: readonly DynamoDBRecord[],
  deps: StreamBatchDeps,
): Promise<StreamBatchOutcome> => {
  const translate = deps.translate ?? translateRecord;
  const failed = new Map<DynamoDBRecord, string>();
  const byKey = new Map<string, DynamoDBRecord>();
  const items: PublishItem[] = [];
  const deadLetters: DeadLetter[] = [];
  records.forEach((record, index) => {
    const key = String(index);
    byKey.set(key, record);
    try {
      for (const event of translate(record)) items.push({ key, entry: toEntry(event, deps.busName) });
    } catch (error) {
      deadLetters.push({ reason: 'untranslatable', error: errorOf(error), record });
    }
  });
  const failures = await publishEntries(items, deps.publish);
  for (const failure of failures) {
    const record = byKey.get(failure.item.key);
    if (!record) continue;
    if (failure.permanent) {
      if (!deadLetters.some((letter) => letter.record === record))
        deadLetters.push({
          reason: 'unpublishable',
          error: { name: failure.errorCode, message: failure.errorMessage },
          record,
        });
    } else {
      failed.set(record, `${failure.errorCode}: ${failure.errorMessage}`);
    }
  }
  let deadLettered = 0;
  for (const letter of deadLetters) {
    // A record also failing to publish is retried whole; dead-lettering it too would duplicate it.
    if (failed.has(letter.record)) continue;
    logger.error('domain event record dead-lettered', {
      reason: letter.reason,
      error: letter.error,
      eventID: letter.record.eventID,
      keys: letter.record.dynamodb?.Keys,
    });
    try {
      await deps.sendToDeadLetter(letter);
      deadLettered++;
    } catch (error) {
      logger.error('could not dead-letter record; failing it', { eventID: letter.record.eventID, error });
      failed.set(letter.record, `dead-letter queue: ${(error as Error).message}`);
    }
  }
  const published = items.length - failures.length;
  metrics.addMetric(PUBLISHED_METRIC, MetricUnit.Count, published);
  if (deadLettered > 0) metrics.addMetric(DEAD_LETTERED_METRIC, MetricUnit.Count, deadLettered);
  return { failed, published, deadLettered };
};
