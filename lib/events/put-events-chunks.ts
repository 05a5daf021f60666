import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';

/** PutEvents' limits: at most 10 entries and 256 KB of entries per call. */
export const MAX_ENTRIES_PER_CALL = 10;
export const MAX_BYTES_PER_CALL = 256 * 1024;

const bytes = (value: string | undefined): number => (value ? Buffer.byteLength(value, 'utf8') : 0);

/**
 * An entry's size as EventBridge counts it (user guide, "Calculating PutEvents event entry
 * size"): 14 bytes for Time when set, plus the UTF-8 bytes of Source, DetailType, Detail and
 * each Resource. EventBusName and TraceHeader do not count.
 */
export const entrySize = (entry: PutEventsRequestEntry): number =>
  (entry.Time ? 14 : 0) +
  bytes(entry.Source) +
  bytes(entry.DetailType) +
  bytes(entry.Detail) +
  (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0);

/**
 * Splits items into as few PutEvents calls as the limits allow, in order (greedy: a chunk
 * closes when the next entry would break either limit). An entry too big for any call is
 * returned apart: no retry can send it.
 */
export const chunkEntries = <T extends { entry: PutEventsRequestEntry }>(
  items: readonly T[],
): { chunks: T[][]; oversized: T[] } => {
  const chunks: T[][] = [];
  const oversized: T[] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = entrySize(item.entry);
    if (itemSize > MAX_BYTES_PER_CALL) {
      oversized.push(item);
      continue;
    }
    if (current.length === MAX_ENTRIES_PER_CALL || size + itemSize > MAX_BYTES_PER_CALL) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0) chunks.push(current);
  return { chunks, oversized };
};
