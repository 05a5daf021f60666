import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { compareSequenceNumbers } from './dynamodb-stream-reader-records.js';

/** What one function behind the stream is (the event source mapping's settings and the function). */
export interface LocalStreamConsumer {
  name: string;
  batchSize: number;
  maximumBatchingWindowSeconds: number;
  /** -1: retry until it succeeds (Lambda's default). */
  maximumRetryAttempts: number;
  bisectBatchOnFunctionError: boolean;
  /** Applies the event source mapping's filter criteria (same data as CDK's FilterCriteria). */
  filter?: (record: DynamoDBRecord) => boolean;
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that reports no failures returns nothing, as Lambda's do.
  handle(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse | void>;
  /** Records given up on (retries spent): what the on-failure destination would receive. */
  onFailure(records: DynamoDBRecord[], error: unknown): Promise<void>;
}

type Outcome =
  | { kind: 'success' }
  | { kind: 'partial'; from: number; error: Error }
  | { kind: 'failure'; error: unknown };

/**
 * Lambda's reading of a stream function's answer: no answer, no list or an empty list is success;
 * otherwise the records from the lowest failed sequence number on are retried, and an empty or
 * missing itemIdentifier, or one not in the batch, fails the whole batch.
 */
export const readBatchResponse = (records: DynamoDBRecord[], response: unknown): Outcome => {
  const failures = (response as DynamoDBBatchResponse | null | undefined)?.batchItemFailures;
  if (!Array.isArray(failures) || failures.length === 0) return { kind: 'success' };
  const sequences = records.map((record) => record.dynamodb?.SequenceNumber);
  let from: number | undefined;
  for (const failure of failures as unknown[]) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const index = typeof id === 'string' && id !== '' ? sequences.indexOf(id) : -1;
    if (index < 0) {
      return {
        kind: 'failure',
        error: new Error(`batchItemFailures names ${JSON.stringify(id)}, not a record of the batch`),
      };
    }
    const sequence = sequences[index];
    const lowest = from === undefined ? undefined : sequences[from];
    if (from === undefined || (sequence && lowest && compareSequenceNumbers(sequence, lowest) < 0))
      from = index;
  }
  return {
    kind: 'partial',
    from: from ?? 0,
    error: new Error(`The function reported ${failures.length} failed record(s) in batchItemFailures`),
  };
};

export interface DeliveryControl {
  stopped(): boolean;
  /** Waits before a retry; returns early when the reader stops. */
  pause(): Promise<void>;
  /** Something went wrong outside the function's answer (onFailure threw). */
  report(error: unknown): void;
}

const invoke = async (consumer: LocalStreamConsumer, records: DynamoDBRecord[]): Promise<Outcome> => {
  try {
    // A deep copy per invocation, as each Lambda invocation parses its own payload.
    const response = await consumer.handle({ Records: structuredClone(records) });
    return readBatchResponse(records, response);
  } catch (error) {
    return { kind: 'failure', error };
  }
};

/**
 * Delivers one batch of a shard with Lambda's stream semantics and returns once every record is
 * done: handled, or handed to onFailure. A partial failure retries from the lowest failed record
 * (the ones before it are done) and counts as a retry; a thrown error (or an invalid answer) fails
 * the whole batch, which with bisectBatchOnFunctionError is split in two and the halves retried in
 * order, and splitting consumes no retry (as Lambda documents); a batch of one that still fails
 * counts a retry. Past maximumRetryAttempts (-1: never) the records go to onFailure and the shard
 * moves on. Returns false when the reader stopped before the batch was done.
 */
export const deliverBatch = async (
  consumer: LocalStreamConsumer,
  records: DynamoDBRecord[],
  control: DeliveryControl,
): Promise<boolean> => {
  const units: { records: DynamoDBRecord[]; retries: number }[] = [{ records, retries: 0 }];
  let first = true;
  while (units.length > 0) {
    const unit = units[0];
    if (!unit) break;
    if (control.stopped()) return false;
    if (!first) await control.pause();
    if (control.stopped()) return false;
    first = false;
    const outcome = await invoke(consumer, unit.records);
    if (outcome.kind === 'success') {
      units.shift();
      first = true;
      continue;
    }
    if (outcome.kind === 'failure' && consumer.bisectBatchOnFunctionError && unit.records.length > 1) {
      const middle = Math.ceil(unit.records.length / 2);
      units.splice(
        0,
        1,
        { records: unit.records.slice(0, middle), retries: unit.retries },
        { records: unit.records.slice(middle), retries: unit.retries },
      );
      continue;
    }
    if (outcome.kind === 'partial') unit.records = unit.records.slice(outcome.from);
    const limit = consumer.maximumRetryAttempts;
    if (limit >= 0 && unit.retries >= limit) {
      try {
        await consumer.onFailure(unit.records, outcome.error);
      } catch (error) {
        control.report(error);
      }
      units.shift();
      first = true;
      continue;
    }
    unit.retries += 1;
  }
  return true;
};
