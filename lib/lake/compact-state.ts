import type { FinalState, ItemImage } from './compact-changes-read.js';
import type { LakeRow } from './parquet-table.js';

/**
 * A state table at the end of a day: the previous day's rows, with every item that changed on
 * the day replaced by its new rows (none when it was removed). `keyOfRow` and `keyOfImage`
 * name the same item from either side (e.g. the product id, which has one row per variant).
 */
export const applyDay = (
  previous: readonly LakeRow[],
  changed: readonly FinalState[],
  keyOfRow: (row: LakeRow) => string,
  keyOfImage: (image: ItemImage) => string | null,
  rowsOf: (image: ItemImage) => LakeRow[],
): LakeRow[] => {
  const replaced = new Map<string, LakeRow[]>();
  for (const state of changed) {
    const key = keyOfImage(state.identity);
    if (key === null) continue;
    replaced.set(key, state.image ? rowsOf(state.image) : []);
  }
  const kept = previous.filter((row) => !replaced.has(keyOfRow(row)));
  return [...kept, ...[...replaced.values()].flat()];
};
