/**
 * The event flow locally, with the same handlers as in AWS: DynamoDB Local's stream → the stream
 * consumers (the domain-event publisher) → the in-process EventBridge bus → the functions whose
 * `event` triggers match, and the stock-alert notification. Started by the local runtime after
 * the table exists; the handlers reach the bus through EVENT_BUS_ENDPOINT, set here before
 * any of them runs.
 */
import { join } from 'node:path';
import { EVENT_ARCHIVE_PATTERN } from '../../lib/events/event-archive.js';

export const LOCAL_EVENT_BUS_NAME = 'storefleet-local';

export interface LocalEventsOptions {
  endpoint: string;
  region: string;
  tableName: string;
  /** Where the archive (`events.ndjson`) lives: `.data/` for npm start, a temp dir in tests. */
  stateDir: string;
  quiet: boolean;
}

export interface LocalEvents {
  busEndpoint: string;
  archiveFile: string;
  /** Where dead letters and given-up records land (`dead-letters.ndjson`). */
  deadLetterFile: string;
  /** Resolves when the stream is read to its end and every delivery has finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export const startLocalEvents = async (options: LocalEventsOptions): Promise<LocalEvents> => {
  const archiveFile = join(options.stateDir, 'events.ndjson');
  const { startLocalDeadLetterQueue } = await import('./local-dead-letter-queue.js');
  const deadLetters = await startLocalDeadLetterQueue({
    file: join(options.stateDir, 'dead-letters.ndjson'),
  });
  // What would go to a dead-letter queue in AWS lands in the file (the handlers send through SQS).
  process.env.SQS_ENDPOINT = deadLetters.endpoint;
  process.env.DEAD_LETTER_QUEUE_URL = deadLetters.queueUrl;
  const { startLocalEventBus } = await import('./local-event-bus.js');
  const { localEventRules } = await import('./local-event-runner.js');
  const { invokeFunction } = await import('./function-invoker.js');
  const say = (line: string) => {
    if (!options.quiet) process.stdout.write(`${line}\n`);
  };
  const bus = await startLocalEventBus({
    busName: LOCAL_EVENT_BUS_NAME,
    archiveFile,
    region: options.region,
    archivePattern: EVENT_ARCHIVE_PATTERN,
    rules: localEventRules({
      invoke: invokeFunction,
      publish: async (topic, message) => say(`[${topic}] ${message}`),
      onFailure: async (ruleName, event, error) => {
        console.error(`[events] ${ruleName} gave up on ${event['detail-type']} ${event.id}:`, error);
        deadLetters.park(`rule ${ruleName}`, { event, error: String(error) });
      },
    }),
  });
  process.env.EVENT_BUS_NAME = LOCAL_EVENT_BUS_NAME;
  process.env.EVENT_BUS_ENDPOINT = bus.endpoint;
  try {
    const { startLocalStreamRunner } = await import('./local-stream-runner.js');
    const { startDynamoDbStreamReader } = await import('./dynamodb-stream-reader.js');
    const { matchesPattern } = await import('../../lib/events/match-pattern.js');
    const stream = await startLocalStreamRunner({
      invoke: invokeFunction,
      matchesPattern,
      startReader: startDynamoDbStreamReader,
      endpoint: options.endpoint,
      region: options.region,
      tableName: options.tableName,
      // Writes made while npm start was down still become events on the next start.
      checkpointFile: join(options.stateDir, 'stream-checkpoints.json'),
      onFailure: async (functionName, records, error) => {
        console.error(`[stream] ${functionName} gave up on ${records.length} record(s):`, error);
        deadLetters.park(`stream ${functionName}`, { records, error: String(error) });
      },
    });
    return {
      busEndpoint: bus.endpoint,
      archiveFile,
      deadLetterFile: deadLetters.file,
      idle: async () => {
        await stream.idle();
        await bus.idle();
      },
      stop: async () => {
        await stream
          .stop()
          .finally(() => bus.stop())
          .finally(() => deadLetters.stop());
      },
    };
  } catch (error) {
    await bus.stop();
    await deadLetters.stop();
    throw error;
  }
};
