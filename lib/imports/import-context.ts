import type { Principal } from '../auth/principal.js';
import type { SystemActor } from '../db/item-meta.js';
import type { TableKey } from '../db/keys.js';
import { batchGetItems } from '../db/query-page.js';
import { AppError } from '../errors.js';
import { mapPool } from './cells.js';
import type { LineIssue } from './import-report.js';
import type { PhoneCountry } from './phone-numbers.js';

/** Who imports and how; the same for the CLI and the import function. */
export interface ImportContext {
  actor: Principal | SystemActor;
  /** Validate and check for duplicates, write nothing. */
  dryRun: boolean;
  /** The store of a stock file. */
  storeId?: string;
  /** Country for phone numbers written without +<country code> (default AU; one of PHONE_COUNTRIES). */
  country?: PhoneCountry;
  /** Lines done so far, after each unit (product, customer, level) is decided. */
  onProgress?: (done: number, total: number) => void;
  /** Units written at once (each is one transaction). */
  concurrency?: number;
}

export const DEFAULT_CONCURRENCY = 16;
/** Units checked against the table per BatchGet round. */
export const CHECK_CHUNK = 200;

export const chunksOf = <T>(items: readonly T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

/**
 * A refused write as issues of the unit's lines: the typed error's field paths (e.g.
 * `body.variants[1].sku`) become columns through `columnOf`. Anything but a typed error
 * (throttling that outlived its retries, a bug) is thrown on, failing the import, rather
 * than being reported as a bad row.
 */
export const writeIssues = (
  error: unknown,
  columnOf: (path: string) => { line?: number; column: string },
): { line?: number; issue: LineIssue }[] => {
  if (!(error instanceof AppError) || !error.expose || error.status >= 500) throw error;
  const fields = error.errors ?? [];
  if (fields.length === 0) return [{ issue: { column: '', reason: error.detail ?? error.title } }];
  return fields.map((field) => {
    const { line, column } = columnOf(field.path.replace(/^body\./, ''));
    return {
      ...(line === undefined ? {} : { line }),
      issue: { column, reason: error.status === 400 ? field.message : (error.detail ?? field.message) },
    };
  });
};

/**
 * BatchGets of 100 keys, several in flight: a chunk's checks cost one round trip, not ten.
 * Keys are deduplicated first (many lines name the same supplier or store, and BatchGet
 * refuses a repeated key).
 */
export const batchGetParallel = async (keys: TableKey[]): Promise<Record<string, unknown>[]> => {
  const unique = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
  return (await mapPool(chunksOf(unique, 100), 8, (slice) => batchGetItems(slice))).flat();
};
