/**
 * The `stream` triggers locally: one consumer per trigger for the DynamoDB Streams reader
 * (infra/local/dynamodb-stream-reader.ts), which hands them batches as the event source mapping
 * would. The reader is passed in, so this module depends only on its interface.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { appDefinition, type FunctionName, functionsWithTrigger } from '../app-definition.js';
import type { AppDefinition, EventPattern } from '../app-definition-types.js';
import type { LocalStreamConsumer } from './dynamodb-stream-reader-delivery.js';
import type { FunctionInvoker } from './function-invoker.js';

// The consumer shape is the reader's own, declared once (dynamodb-stream-reader-delivery.ts).
export type { LocalStreamConsumer };

export type StartStreamReader = (options: {
  endpoint: string;
  region: string;
  tableName: string;
  consumers: LocalStreamConsumer[];
  pollIntervalMs?: number;
  checkpointFile?: string;
}) => Promise<{ stop(): Promise<void>; idle(): Promise<void> }>;

export interface LocalStreamConsumerOptions {
  invoke: FunctionInvoker;
  /** EventBridge pattern matching (lib/events/match-pattern.ts), which Lambda's filtering uses too. */
  matchesPattern: (pattern: EventPattern, event: unknown) => boolean;
  /** Where given-up records go locally; by default they are reported on stderr. */
  onFailure?: (functionName: FunctionName, records: DynamoDBRecord[], error: unknown) => Promise<void>;
  /** THE app definition unless a test passes another. */
  definition?: AppDefinition;
}

const reportFailure = async (functionName: FunctionName, records: DynamoDBRecord[], error: unknown) => {
  const ids = records.map((record) => record.dynamodb?.SequenceNumber).join(', ');
  console.error(`[stream] ${functionName} gave up on records ${ids}:`, error);
};

/** One consumer per `stream` trigger of the app definition, with the trigger's local settings. */
export const localStreamConsumers = (options: LocalStreamConsumerOptions): LocalStreamConsumer[] =>
  functionsWithTrigger('stream', options.definition ?? appDefinition).map(
    ({ functionName: name, trigger }) => {
      const functionName = name as FunctionName;
      const patterns = trigger.filterPatterns ?? [];
      return {
        name: functionName,
        batchSize: trigger.batchSize,
        maximumBatchingWindowSeconds: trigger.localBatchingWindowSeconds,
        maximumRetryAttempts: trigger.retryAttempts,
        bisectBatchOnFunctionError: trigger.bisectBatchOnError,
        // Lambda passes a record that matches any of the filters.
        ...(patterns.length > 0 && {
          filter: (record: DynamoDBRecord) =>
            patterns.some((pattern) => options.matchesPattern(pattern, record)),
        }),
        handle: async (event) =>
          (await options.invoke(functionName, event)) as DynamoDBBatchResponse | undefined,
        onFailure: (records, error) => (options.onFailure ?? reportFailure)(functionName, records, error),
      };
    },
  );

/** Starts the reader with every stream consumer; nothing is started when no function has a stream trigger. */
export const startLocalStreamRunner = async (
  options: LocalStreamConsumerOptions & {
    startReader: StartStreamReader;
    endpoint: string;
    region: string;
    tableName: string;
    /** Keeps each consumer's stream position across restarts (the reader's checkpoint file). */
    checkpointFile?: string;
  },
): Promise<{ stop(): Promise<void>; idle(): Promise<void> }> => {
  const consumers = localStreamConsumers(options);
  if (consumers.length === 0) return { stop: async () => {}, idle: async () => {} };
  return options.startReader({
    endpoint: options.endpoint,
    region: options.region,
    tableName: options.tableName,
    consumers,
    ...(options.checkpointFile ? { checkpointFile: options.checkpointFile } : {}),
  });
};
