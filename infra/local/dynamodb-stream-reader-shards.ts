import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ResourceNotFoundException,
  type Shard,
  type _Record as StreamRecord,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import type { ShardCheckpoint } from './dynamodb-stream-reader-checkpoint.js';
import { compareSequenceNumbers } from './dynamodb-stream-reader-records.js';

/**
 * Where a reader that starts on an existing stream begins. `LATEST`: only changes made after the
 * reader started (what `npm start` wants). DynamoDB Local's own LATEST iterator is unreliable (it
 * can throw TrimmedDataAccessException on a fresh table), so it is emulated: the open shards are
 * read from TRIM_HORIZON to their end once at start and what they held is skipped. That boundary is
 * exact, unlike comparing ApproximateCreationDateTime (DynamoDB Local rounds it to the minute).
 * `TRIM_HORIZON`: everything the stream still holds. Shards that appear later are always read whole.
 */
export type StartingPosition = 'LATEST' | 'TRIM_HORIZON';

export interface ShardState {
  shardId: string;
  parentShardId: string | undefined;
  /** The description says the shard is closed (it has an ending sequence number). */
  closed: boolean;
  /** The last sequence number read from this shard: records at or before it are never read again. */
  lastSequence: string | undefined;
  /**
   * The last sequence number the consumer is done with (delivered, filtered out or skipped):
   * where a restart resumes. Behind `lastSequence` while records wait in `pending`.
   */
  committed: string | undefined;
  iterator: string | undefined;
  /** Read to its end and closed: once its pending records are delivered, its children may start. */
  exhausted: boolean;
  /** Read, matched the consumer's filter, not yet delivered (in order). */
  pending: DynamoDBRecord[];
  /** When the oldest pending record was read (the batching window counts from then). */
  pendingSince: number;
}

export interface ShardPage {
  records: StreamRecord[];
  /** Nothing more to read right now (or ever, for an exhausted shard). */
  caughtUp: boolean;
}

const errorName = (error: unknown): string => (error instanceof Error ? error.name : '');
const isTrimmed = (error: unknown) =>
  error instanceof TrimmedDataAccessException || errorName(error) === 'TrimmedDataAccessException';
const isExpired = (error: unknown) =>
  error instanceof ExpiredIteratorException || errorName(error) === 'ExpiredIteratorException';
const isNotFound = (error: unknown) =>
  error instanceof ResourceNotFoundException || errorName(error) === 'ResourceNotFoundException';

/**
 * One reader's view of the stream's shards (each consumer has its own, like an event source
 * mapping): which shards exist, which may be read (a child only once its parent is exhausted),
 * and each shard's position. Written by hand: the Kinesis Client Library's DynamoDB adapter is
 * Java, and no maintained npm package reads DynamoDB Streams with these guarantees.
 */
export class StreamShards {
  readonly #shards = new Map<string, ShardState>();

  constructor(
    private readonly client: DynamoDBStreamsClient,
    readonly streamArn: string,
  ) {}

  /** Every shard of the stream (DescribeStream pages through ExclusiveStartShardId). */
  async describe(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await this.client.send(
        new DescribeStreamCommand({
          StreamArn: this.streamArn,
          ...(exclusiveStartShardId ? { ExclusiveStartShardId: exclusiveStartShardId } : {}),
        }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return shards;
  }

  /** Re-describes the stream: learns new shards and which are closed; forgets trimmed ones. */
  async refresh(): Promise<void> {
    const described = await this.describe();
    const listed = new Set<string>();
    for (const shard of described) {
      if (!shard.ShardId) continue;
      listed.add(shard.ShardId);
      const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
      const known = this.#shards.get(shard.ShardId);
      if (known) known.closed = closed;
      else
        this.#shards.set(shard.ShardId, {
          shardId: shard.ShardId,
          parentShardId: shard.ParentShardId,
          closed,
          lastSequence: undefined,
          committed: undefined,
          iterator: undefined,
          exhausted: false,
          pending: [],
          pendingSince: 0,
        });
    }
    // A shard no longer described was trimmed away (24 h after it closed): nothing left to read.
    for (const shard of this.#shards.values()) if (!listed.has(shard.shardId)) shard.exhausted = true;
  }

  /** Positions at start: with LATEST, what the stream holds now is skipped (see StartingPosition). */
  async start(position: StartingPosition): Promise<void> {
    await this.refresh();
    if (position === 'TRIM_HORIZON') return;
    for (const shard of this.#shards.values()) {
      if (shard.closed) {
        shard.exhausted = true;
        continue;
      }
      for (let page = await this.read(shard); !page.caughtUp; page = await this.read(shard)) {
        // Skipped: older than the reader.
      }
      shard.committed = shard.lastSequence;
    }
  }

  /**
   * Resumes at a checkpoint: a shard it names continues after its committed record (or stays
   * finished); a shard it does not name appeared since, or never had a record, and is read whole.
   */
  async resume(checkpoint: Readonly<Record<string, ShardCheckpoint>>): Promise<void> {
    await this.refresh();
    for (const shard of this.#shards.values()) {
      const saved = checkpoint[shard.shardId];
      if (!saved) continue;
      shard.lastSequence = saved.committed;
      shard.committed = saved.committed;
      if (saved.exhausted) shard.exhausted = true;
    }
  }

  /** Where this reader is, for the checkpoint file. */
  checkpoint(): Record<string, ShardCheckpoint> {
    return Object.fromEntries(
      [...this.#shards.values()].map((shard) => [
        shard.shardId,
        {
          ...(shard.committed ? { committed: shard.committed } : {}),
          exhausted: shard.exhausted && shard.pending.length === 0,
        },
      ]),
    );
  }

  /** Starts at another reader's positions (so every consumer starts at the same point of the stream). */
  adopt(other: StreamShards): void {
    for (const shard of other.#shards.values()) {
      this.#shards.set(shard.shardId, { ...shard, iterator: undefined, pending: [], pendingSince: 0 });
    }
  }

  /** Shards with something to read or deliver, parents before children, oldest first. */
  readable(): ShardState[] {
    return [...this.#shards.values()]
      .filter((shard) => (!shard.exhausted || shard.pending.length > 0) && this.#parentDone(shard))
      .sort((a, b) => a.shardId.localeCompare(b.shardId));
  }

  get(shardId: string): ShardState | undefined {
    return this.#shards.get(shardId);
  }

  #parentDone(shard: ShardState): boolean {
    if (!shard.parentShardId) return true;
    const parent = this.#shards.get(shard.parentShardId);
    // A parent the stream no longer describes was trimmed: its records are gone.
    return parent === undefined || (parent.exhausted && parent.pending.length === 0);
  }

  async #iterator(shard: ShardState): Promise<string | undefined> {
    const base = { StreamArn: this.streamArn, ShardId: shard.shardId };
    if (shard.lastSequence) {
      try {
        const { ShardIterator } = await this.client.send(
          new GetShardIteratorCommand({
            ...base,
            ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
            SequenceNumber: shard.lastSequence,
          }),
        );
        return ShardIterator;
      } catch (error) {
        // The last record read has been trimmed since: resume from the oldest one left.
        if (!isTrimmed(error)) throw error;
      }
    }
    const { ShardIterator } = await this.client.send(
      new GetShardIteratorCommand({ ...base, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    return ShardIterator;
  }

  /**
   * One GetRecords call on a shard: only records after its last sequence number (so a re-read after
   * recovery never returns a record twice). Recovers from the stream's and DynamoDB Local's faults by
   * dropping the iterator, re-describing and resuming after the last sequence number seen.
   */
  async read(shard: ShardState, limit = 1000): Promise<ShardPage> {
    try {
      shard.iterator ??= await this.#iterator(shard);
      if (!shard.iterator) return await this.#ended(shard);
      const response = await this.client.send(
        new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: limit }),
      );
      const records = (response.Records ?? []).filter((record) => {
        const sequence = record.dynamodb?.SequenceNumber;
        return (
          sequence !== undefined &&
          (shard.lastSequence === undefined || compareSequenceNumbers(sequence, shard.lastSequence) > 0)
        );
      });
      const last = records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) shard.lastSequence = last;
      shard.iterator = response.NextShardIterator;
      if (!response.NextShardIterator) {
        const ended = await this.#ended(shard);
        return { records, caughtUp: ended.caughtUp && records.length === 0 };
      }
      return { records, caughtUp: (response.Records ?? []).length === 0 };
    } catch (error) {
      shard.iterator = undefined;
      if (isExpired(error) || isTrimmed(error)) {
        await this.refresh();
        return { records: [], caughtUp: false };
      }
      if (isNotFound(error)) {
        // DynamoDB Local answers "Invalid ShardId in ShardIterator" now and then; or the shard is gone.
        await this.refresh();
        return { records: [], caughtUp: false };
      }
      throw error;
    }
  }

  /**
   * No next iterator: on AWS the shard is closed and read to its end. DynamoDB Local sometimes
   * omits it on an open shard too, so re-describe: only a shard described as closed is exhausted;
   * an open one gets a fresh iterator after its last sequence number on the next read.
   */
  async #ended(shard: ShardState): Promise<ShardPage> {
    await this.refresh();
    if (shard.closed) {
      shard.exhausted = true;
      return { records: [], caughtUp: true };
    }
    return { records: [], caughtUp: false };
  }
}
