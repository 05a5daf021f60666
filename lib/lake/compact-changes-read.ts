import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import * as z from '../zod.js';
import type { LakeEntityType } from './lake-entities.js';

/** An item image as the export wrote it: plain JSON (in the file nested, or as JSON text). */
export type ItemImage = Record<string, unknown>;

const Image = z.nullish(
  z.pipe(
    z.union([
      z.record(z.string(), z.unknown()),
      z.pipe(
        z.string(),
        z.transform((text) => JSON.parse(text) as unknown),
      ),
    ]),
    z.record(z.string(), z.unknown()),
  ),
);

/** One line of a change object, per lib/lake/changes-table.ts (extra fields are ignored). */
const ChangeRowSchema = z.object({
  event_id: z.string(),
  event_name: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
  entity_type: z.string(),
  pk: z.string(),
  sk: z.string(),
  sequence_number: z.string().check(z.regex(/^\d+$/)),
  approximate_creation_time: z.string(),
  actor: z.nullish(z.string()),
  old_image: Image,
  new_image: Image,
});
export type ChangeRow = z.output<typeof ChangeRowSchema>;

export class MalformedChangeError extends Error {
  constructor(key: string, line: number, reason: string) {
    super(`${key} line ${line}: ${reason}`);
    this.name = 'MalformedChangeError';
  }
}

/** Stream sequence numbers are decimal strings of varying length: compare them as numbers. */
export const compareSequence = (a: string, b: string): number =>
  a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;

export const parseChangeObject = (key: string, body: Uint8Array): ChangeRow[] => {
  const text = (key.endsWith('.gz') ? gunzipSync(body) : Buffer.from(body)).toString('utf8');
  const rows: ChangeRow[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new MalformedChangeError(key, index + 1, 'not JSON');
    }
    const parsed = ChangeRowSchema.safeParse(json);
    if (!parsed.success) throw new MalformedChangeError(key, index + 1, z.prettifyError(parsed.error));
    rows.push(parsed.data);
  });
  return rows;
};

/**
 * A day's rows of one entity, in stream order: deduplicated by `event_id` (a batch retried with
 * different boundaries, e.g. after bisection, writes its records into a second object) and
 * sorted by item, then sequence number, so each item's last row is its state at the end of
 * the day. Objects are read in key order, so nothing depends on listing or arrival order.
 */
export const sortChanges = (rows: readonly ChangeRow[]): ChangeRow[] => {
  const unique = new Map<string, ChangeRow>();
  for (const row of rows) if (!unique.has(row.event_id)) unique.set(row.event_id, row);
  return [...unique.values()].sort(
    (a, b) =>
      (a.pk < b.pk ? -1 : a.pk > b.pk ? 1 : 0) ||
      (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0) ||
      compareSequence(a.sequence_number, b.sequence_number),
  );
};

const READ_CONCURRENCY = 8;

export const changesPrefix = (entity: LakeEntityType, day: string) => `changes/entity=${entity}/dt=${day}/`;

export const listKeys = async (s3: S3Client, bucket: string, prefix: string): Promise<string[]> => {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        ...(token ? { ContinuationToken: token } : {}),
      }),
    );
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys.sort();
};

export const getObjectBytes = async (s3: S3Client, bucket: string, key: string): Promise<Uint8Array> => {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!object.Body) throw new Error(`s3://${bucket}/${key} has no body`);
  return object.Body.transformToByteArray();
};

/** Every change of `entity` on `day`, deduplicated and in stream order per item. */
export const readDayChanges = async (
  s3: S3Client,
  bucket: string,
  entity: LakeEntityType,
  day: string,
): Promise<ChangeRow[]> => {
  const keys = await listKeys(s3, bucket, changesPrefix(entity, day));
  // A day in AWS is hundreds of batch objects per entity: read a few at a time, not one by one.
  const parsed: ChangeRow[][] = [];
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const index = next++;
      const key = keys[index] as string;
      parsed[index] = parseChangeObject(key, await getObjectBytes(s3, bucket, key));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, keys.length) }, worker));
  return sortChanges(parsed.flat());
};

/** An item's state at the end of the day: its last change, and its image then (none if removed). */
export interface FinalState {
  last: ChangeRow;
  image: ItemImage | undefined;
  /** The image that identifies the item: the new one, or for a removal the old one. */
  identity: ItemImage;
}

/** The last change of each item, from rows in stream order (`sortChanges`), in item order. */
export const finalStates = (rows: readonly ChangeRow[]): FinalState[] => {
  const states = new Map<string, FinalState>();
  for (const row of rows) {
    const image = row.event_name === 'REMOVE' ? undefined : (row.new_image ?? undefined);
    states.set(`${row.pk}\u0000${row.sk}`, { last: row, image, identity: image ?? row.old_image ?? {} });
  }
  return [...states.values()];
};

/** Items first written on the day (their INSERT images), for the append-only tables. */
export const insertedImages = (rows: readonly ChangeRow[]): ItemImage[] =>
  rows.flatMap((row) => (row.event_name === 'INSERT' && row.new_image ? [row.new_image] : []));
