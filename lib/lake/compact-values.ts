import type { ItemImage } from './compact-changes-read.js';
import type { LakeRow, LakeValue } from './parquet-table.js';

/**
 * Reading fields of stored item images, which may predate a field (older items lack what later
 * releases added): a missing or mistyped field reads as null rather than failing the day.
 */
export const text = (image: ItemImage, field: string): string | null => {
  const value = image[field];
  return typeof value === 'string' ? value : null;
};

export const integer = (image: ItemImage, field: string): number | null => {
  const value = image[field];
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
};

export const flag = (image: ItemImage, field: string): boolean | null => {
  const value = image[field];
  return typeof value === 'boolean' ? value : null;
};

export const objectAt = (image: ItemImage, field: string): ItemImage | null => {
  const value = image[field];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as ItemImage) : null;
};

export const listAt = (image: ItemImage, field: string): ItemImage[] => {
  const value = image[field];
  return Array.isArray(value)
    ? value.filter((entry): entry is ItemImage => entry !== null && typeof entry === 'object')
    : [];
};

export const sumOf = (entries: readonly ItemImage[], field: string): number =>
  entries.reduce((sum, entry) => sum + (integer(entry, field) ?? 0), 0);

/** JSON with keys sorted, so the same object always writes the same text. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : inner,
  );

const compareValues = (a: LakeValue | undefined, b: LakeValue | undefined): number => {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return a < b ? -1 : 1;
};

/** Sorts rows by the given columns (nulls first), so a file's row order never depends on input order. */
export const sortRows = <Row extends LakeRow>(rows: Row[], columns: readonly string[]): Row[] =>
  rows.sort((a, b) => {
    for (const column of columns) {
      const order = compareValues(a[column], b[column]);
      if (order !== 0) return order;
    }
    return 0;
  });
