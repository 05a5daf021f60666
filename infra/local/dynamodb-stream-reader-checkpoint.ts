import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Where each consumer of the local stream reader had got to, kept in a file (`.data/` for
 * `npm start`) so that a restart resumes after the last record each consumer was done with:
 * changes written while `npm start` was down still become events, as they would on AWS, where
 * the event source mapping keeps its position. Per shard: the last sequence number committed
 * (delivered, or filtered out, or skipped at a LATEST start) and whether the shard was finished.
 * A checkpoint of another stream (the table was recreated) is ignored.
 */
export interface ShardCheckpoint {
  committed?: string;
  exhausted: boolean;
}

export interface ConsumerCheckpoint {
  streamArn: string;
  shards: Record<string, ShardCheckpoint>;
}

export type CheckpointFile = Record<string, ConsumerCheckpoint>;

export const readCheckpoints = (file: string): CheckpointFile => {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as CheckpointFile) : {};
  } catch {
    // No file yet, or a torn one: start as a fresh reader would.
    return {};
  }
};

/** Written whole to a temporary file and renamed, so a crash never leaves half a checkpoint. */
export const writeCheckpoints = (file: string, checkpoints: CheckpointFile): void => {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(checkpoints, null, 2)}\n`);
  renameSync(temporary, file);
};
