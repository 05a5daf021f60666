/**
 * The local stand-in for Lambda's DynamoDB stream event source mappings: reads DynamoDB Local's
 * stream through the DynamoDB Streams API and hands each consumer real DynamoDBStreamEvent batches,
 * with the mapping's batch size, batching window, filter, partial batch responses, bisect, retries
 * and on-failure. Each consumer has its own shards and positions, as two mappings on one stream do.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { LOCAL_AWS } from './dynamodb-local.js';
import {
  type CheckpointFile,
  readCheckpoints,
  writeCheckpoints,
} from './dynamodb-stream-reader-checkpoint.js';
import { deliverBatch, type LocalStreamConsumer } from './dynamodb-stream-reader-delivery.js';
import { toLambdaRecord } from './dynamodb-stream-reader-records.js';
import { type ShardState, type StartingPosition, StreamShards } from './dynamodb-stream-reader-shards.js';

export type { LocalStreamConsumer } from './dynamodb-stream-reader-delivery.js';
export type { StartingPosition } from './dynamodb-stream-reader-shards.js';

export interface DynamoDbStreamReaderOptions {
  endpoint: string;
  region: string;
  tableName: string;
  consumers: LocalStreamConsumer[];
  /** How long an idle reader waits between polls (and before a retry). Default 250 ms. */
  pollIntervalMs?: number;
  /** Default LATEST: changes made after the reader started (see StartingPosition). */
  startingPosition?: StartingPosition;
  /** Errors outside a function's answer (the Streams API failing, onFailure throwing). Default console.error. */
  onError?: (error: unknown, consumer: string) => void;
  /**
   * Keeps each consumer's position in this file and resumes there on the next start, so writes
   * made while the reader was down are delivered (a consumer without a saved position starts at
   * `startingPosition`). See dynamodb-stream-reader-checkpoint.ts.
   */
  checkpointFile?: string;
}

export interface DynamoDbStreamReader {
  streamArn: string;
  /** Ends polling; waits for a batch in flight (a retry waiting is cut short). */
  stop(): Promise<void>;
  /** Resolves when every consumer has delivered what the stream held when it was called. */
  idle(): Promise<void>;
}

/** Lambda's hard limit on a stream mapping's batch size. */
const MAX_BATCH_SIZE = 10_000;

class ConsumerLoop {
  #stopped = false;
  #wake: (() => void) | undefined;
  #timer: NodeJS.Timeout | undefined;
  #cycle = 0;
  #waiters: { after: number; resolve: () => void }[] = [];
  #done: Promise<void> | undefined;

  constructor(
    private readonly consumer: LocalStreamConsumer,
    private readonly shards: StreamShards,
    private readonly source: { region: string; streamArn: string },
    private readonly pollIntervalMs: number,
    private readonly onError: (error: unknown) => void,
    private readonly onCommit: () => void = () => {},
  ) {}

  start(): void {
    this.#done = this.#run();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#interrupt();
    await this.#done;
    for (const waiter of this.#waiters.splice(0)) waiter.resolve();
  }

  idle(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    // Caught up once a cycle that began after this call ends with nothing left to read or deliver.
    const promise = new Promise<void>((resolve) => this.#waiters.push({ after: this.#cycle, resolve }));
    this.#interrupt();
    return promise;
  }

  #interrupt(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#wake?.();
    this.#wake = undefined;
  }

  #sleep(ms: number): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    return new Promise((resolve) => {
      this.#wake = resolve;
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#wake = undefined;
        resolve();
      }, ms);
    });
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      this.#cycle += 1;
      const cycle = this.#cycle;
      let wait: number;
      try {
        wait = await this.#poll();
      } catch (error) {
        this.onError(error);
        wait = this.pollIntervalMs;
      }
      if (wait === Number.POSITIVE_INFINITY && !this.#stopped) {
        const ready = this.#waiters.filter((waiter) => waiter.after < cycle);
        this.#waiters = this.#waiters.filter((waiter) => waiter.after >= cycle);
        for (const waiter of ready) waiter.resolve();
      }
      const pending = this.#waiters.length > 0;
      // A caller waiting in idle() gets the next cycle at once, unless a batching window is open.
      if (wait === Number.POSITIVE_INFINITY) wait = pending ? 0 : this.pollIntervalMs;
      else if (pending) wait = Math.min(wait, 10);
      await this.#sleep(wait);
    }
  }

  /** One pass over the readable shards. Returns how long to wait: Infinity when fully caught up. */
  async #poll(): Promise<number> {
    await this.shards.refresh();
    let wait = Number.POSITIVE_INFINITY;
    // A child becomes readable when its parent is done within this pass: keep going until none is left.
    const visited = new Set<string>();
    for (let shards = this.shards.readable(); shards.length > 0; shards = this.shards.readable()) {
      const fresh = shards.filter((shard) => !visited.has(shard.shardId));
      if (fresh.length === 0) break;
      for (const shard of fresh) {
        if (this.#stopped) return 0;
        visited.add(shard.shardId);
        wait = Math.min(wait, await this.#drainShard(shard));
      }
    }
    return wait;
  }

  /** Reads and delivers one shard until it has nothing more right now, or a batching window is open. */
  async #drainShard(shard: ShardState): Promise<number> {
    const batchSize = Math.min(Math.max(1, this.consumer.batchSize), MAX_BATCH_SIZE);
    const windowMs = Math.max(0, this.consumer.maximumBatchingWindowSeconds) * 1000;
    let caughtUp = shard.exhausted;
    while (!this.#stopped) {
      while (!caughtUp && shard.pending.length < batchSize && !this.#stopped) {
        const page = await this.shards.read(shard);
        this.#accept(shard, page.records);
        // Everything read was filtered out or delivered: the consumer is done up to here.
        if (shard.pending.length === 0 && shard.committed !== shard.lastSequence) {
          shard.committed = shard.lastSequence;
          this.onCommit();
        }
        caughtUp = page.caughtUp || shard.exhausted;
        if (page.records.length === 0 && !page.caughtUp && !shard.exhausted) return this.pollIntervalMs;
      }
      if (shard.pending.length === 0) return caughtUp ? Number.POSITIVE_INFINITY : this.pollIntervalMs;
      const windowLeft = shard.pendingSince + windowMs - Date.now();
      const full = shard.pending.length >= batchSize;
      // A closed shard flushes at once: its children wait for it.
      if (!full && windowLeft > 0 && !shard.exhausted) return windowLeft;
      const batch = shard.pending.slice(0, batchSize);
      const done = await deliverBatch(this.consumer, batch, {
        stopped: () => this.#stopped,
        pause: () => this.#sleep(this.pollIntervalMs),
        report: this.onError,
      });
      if (!done) return 0;
      shard.pending.splice(0, batch.length);
      shard.pendingSince = Date.now();
      shard.committed =
        shard.pending.length === 0 ? shard.lastSequence : batch.at(-1)?.dynamodb?.SequenceNumber;
      this.onCommit();
    }
    return 0;
  }

  #accept(shard: ShardState, records: Parameters<typeof toLambdaRecord>[0][]): void {
    const filter = this.consumer.filter;
    for (const record of records) {
      const lambdaRecord = toLambdaRecord(record, this.source);
      // Filter criteria drop a record before batching, as Lambda's do.
      if (filter && !filter(lambdaRecord)) continue;
      if (shard.pending.length === 0) shard.pendingSince = Date.now();
      shard.pending.push(lambdaRecord);
    }
  }
}

const latestStreamArn = async (client: DynamoDBClient, tableName: string): Promise<string> => {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const arn = Table?.LatestStreamArn;
  if (!arn || Table?.StreamSpecification?.StreamEnabled === false) {
    throw new Error(`Table ${tableName} has no stream: it must be created with a StreamSpecification`);
  }
  return arn;
};

/**
 * Starts one polling loop per consumer. Resolves once every consumer has its starting positions,
 * so a write made after this resolves reaches every consumer (with LATEST, nothing before it does).
 */
export const startDynamoDbStreamReader = async (
  options: DynamoDbStreamReaderOptions,
): Promise<DynamoDbStreamReader> => {
  const credentials = { accessKeyId: LOCAL_AWS.accessKeyId, secretAccessKey: LOCAL_AWS.secretAccessKey };
  const config = { endpoint: options.endpoint, region: options.region, credentials };
  const tables = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  const report = options.onError ?? ((error, consumer) => console.error(`stream reader ${consumer}:`, error));
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  try {
    const streamArn = await latestStreamArn(tables, options.tableName);
    const loops: ConsumerLoop[] = [];
    const positions = new Map<string, StreamShards>();
    const saved: CheckpointFile = options.checkpointFile ? readCheckpoints(options.checkpointFile) : {};
    const save = () => {
      if (!options.checkpointFile) return;
      const next: CheckpointFile = { ...saved };
      for (const [name, shards] of positions) next[name] = { streamArn, shards: shards.checkpoint() };
      writeCheckpoints(options.checkpointFile, next);
    };
    let first: StreamShards | undefined;
    for (const consumer of options.consumers) {
      const shards = new StreamShards(streams, streamArn);
      const checkpoint = saved[consumer.name];
      if (checkpoint?.streamArn === streamArn) await shards.resume(checkpoint.shards);
      else if (first) shards.adopt(first);
      else {
        await shards.start(options.startingPosition ?? 'LATEST');
        first = shards;
      }
      positions.set(consumer.name, shards);
      loops.push(
        new ConsumerLoop(
          consumer,
          shards,
          { region: options.region, streamArn },
          pollIntervalMs,
          (error) => report(error, consumer.name),
          save,
        ),
      );
    }
    save();
    for (const loop of loops) loop.start();
    let stopping: Promise<void> | undefined;
    return {
      streamArn,
      idle: async () => {
        await Promise.all(loops.map((loop) => loop.idle()));
      },
      stop: () => {
        stopping ??= (async () => {
          await Promise.all(loops.map((loop) => loop.stop()));
          tables.destroy();
          streams.destroy();
        })();
        return stopping;
      },
    };
  } catch (error) {
    tables.destroy();
    streams.destroy();
    throw error;
  }
};
