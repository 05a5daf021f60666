/** One item's change as a translator sees it: the unmarshalled images (old absent on INSERT). */
export interface ItemChange {
  old: Record<string, unknown> | undefined;
  new: Record<string, unknown>;
}

/** What a translator decides happened: a detail-type and the detail's own fields. */
export interface Happening {
  detailType: string;
  body: Record<string, unknown>;
}

export type Translator = (change: ItemChange) => Happening[];

export const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value ?? 0));

/** Copies the named fields that are present (optional fields stay absent, not `undefined`). */
export const pick = (item: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (item[field] !== undefined) out[field] = item[field];
  return out;
};

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    : [];

/** The lines of an item, each cut down to the named fields. */
export const linesOf = (item: Record<string, unknown>, fields: readonly string[]) =>
  records(item.lines).map((line) => pick(line, fields));

export const previousStatus = (change: ItemChange): Record<string, unknown> =>
  change.old?.status !== undefined && change.old.status !== change.new.status
    ? { previousStatus: change.old.status }
    : {};
