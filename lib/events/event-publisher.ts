import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { logger } from '../logger.js';
import { eventBridgeClient, eventBusName } from './event-bus-client.js';
import type { DomainEvent } from './event-envelope.js';
import { chunkEntries } from './put-events-chunks.js';

/** An entry to publish and the key of what it came from (a stream record), to report failures by. */
export interface PublishItem {
  key: string;
  entry: PutEventsRequestEntry;
}

export interface PublishFailure {
  item: PublishItem;
  errorCode: string;
  errorMessage: string;
  /** True when no retry can help (an entry over PutEvents' size limit). */
  permanent: boolean;
}

export interface PublishOptions {
  /** Attempts per entry, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  send?: (
    entries: PutEventsRequestEntry[],
  ) => Promise<{ Entries?: { ErrorCode?: string; ErrorMessage?: string }[] }>;
}

export const toEntry = (event: DomainEvent, busName = eventBusName()): PutEventsRequestEntry => ({
  EventBusName: busName,
  Source: event.source,
  DetailType: event.detailType,
  Detail: JSON.stringify(event.detail),
  Time: new Date(event.detail.occurredAt),
});

const defaultSend: NonNullable<PublishOptions['send']> = (entries) =>
  eventBridgeClient().send(new PutEventsCommand({ Entries: entries }));

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends one chunk; the entries that failed, with why (a thrown call fails every entry). */
const sendChunk = async (
  chunk: PublishItem[],
  send: NonNullable<PublishOptions['send']>,
): Promise<PublishFailure[]> => {
  try {
    const result = await send(chunk.map((item) => item.entry));
    return chunk.flatMap((item, index) => {
      const outcome = result.Entries?.[index];
      // PutEvents answers one result per entry, in order; an entry without one is not known to be sent.
      if (outcome && !outcome.ErrorCode) return [];
      return [
        {
          item,
          errorCode: outcome?.ErrorCode ?? 'MissingResult',
          errorMessage: outcome?.ErrorMessage ?? 'no result for this entry',
          permanent: false,
        },
      ];
    });
  } catch (error) {
    const { name, message } = error as Error;
    return chunk.map((item) => ({ item, errorCode: name, errorMessage: message, permanent: false }));
  }
};

/**
 * Publishes entries in as few PutEvents calls as the limits allow, then retries only the
 * entries that failed (re-chunked) with capped exponential backoff and full jitter. Returns
 * what could not be published after the last attempt, so the caller reports those records.
 */
export const publishEntries = async (
  items: readonly PublishItem[],
  options: PublishOptions = {},
): Promise<PublishFailure[]> => {
  const {
    maxAttempts = 4,
    baseDelayMs = 100,
    maxDelayMs = 2_000,
    sleep = sleepFor,
    send = defaultSend,
  } = options;
  const { chunks: firstChunks, oversized } = chunkEntries(items);
  const permanent: PublishFailure[] = oversized.map((item) => ({
    item,
    errorCode: 'EntryTooLarge',
    errorMessage: 'entry exceeds the 256 KB PutEvents limit',
    permanent: true,
  }));
  let chunks = firstChunks;
  let failures: PublishFailure[] = [];
  for (let attempt = 1; attempt <= maxAttempts && chunks.length > 0; attempt++) {
    if (attempt > 1) await sleep(Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 2)));
    failures = (await Promise.all(chunks.map((chunk) => sendChunk(chunk, send)))).flat();
    if (failures.length > 0)
      logger.warn('PutEvents entries failed', {
        attempt,
        failed: failures.length,
        errorCodes: [...new Set(failures.map((f) => f.errorCode))],
      });
    chunks = chunkEntries(failures.map((failure) => failure.item)).chunks;
  }
  return [...permanent, ...failures];
};
