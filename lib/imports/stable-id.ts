import { createHash } from 'node:crypto';

/**
 * An id derived from a row's natural key (a product's first SKU, a customer's email), so that
 * re-running the same file names the same item and its guards say "already imported" instead
 * of a second copy being made. 26 hex characters, like the length of a ULID id.
 */
export const stableId = (prefix: 'pr' | 'cu', naturalKey: string): string =>
  `${prefix}_${createHash('sha256').update(`${prefix}:${naturalKey}`).digest('hex').slice(0, 26)}`;
