import type * as z from 'zod/mini';
import type { LineIssue } from './import-report.js';

/**
 * Cell conversions shared by the import kinds. A cell that cannot become the type the API
 * schema expects is an issue of its own column, worded for someone editing a spreadsheet;
 * the API schema then checks the converted value exactly as it checks a request body.
 */
export type Cell<T> = { value: T } | { issue: LineIssue };

export const isIssue = <T>(cell: Cell<T>): cell is { issue: LineIssue } => 'issue' in cell;

export const integerCell = (value: string, column: string, hint: string): Cell<number> =>
  /^-?\d{1,15}$/.test(value)
    ? { value: Number(value) }
    : { issue: { column, reason: `Not a whole number: "${value}". ${hint}` } };

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

export const booleanCell = (value: string, column: string): Cell<boolean> => {
  const lower = value.toLowerCase();
  if (TRUE.has(lower)) return { value: true };
  if (FALSE.has(lower)) return { value: false };
  return { issue: { column, reason: `Use true or false, not "${value}".` } };
};

export const jsonObjectCell = (value: string, column: string): Cell<Record<string, unknown>> => {
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return { value: parsed as Record<string, unknown> };
  } catch {
    // Falls through to the issue below.
  }
  return { issue: { column, reason: 'Not a JSON object, e.g. {"baseCurve": 8.4}.' } };
};

/**
 * Variant options: a JSON object, or the spreadsheet-friendly `name=value; name=value`.
 * Export writes JSON, which round-trips any value (even one holding `;` or `=`).
 */
export const optionsCell = (value: string, column: string): Cell<Record<string, unknown>> => {
  if (value.startsWith('{')) return jsonObjectCell(value, column);
  const options: Record<string, string> = {};
  for (const pair of value.split(';')) {
    if (pair.trim() === '') continue;
    const at = pair.indexOf('=');
    if (at <= 0) return { issue: { column, reason: `Use name=value; name=value or JSON, not "${value}".` } };
    options[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return { value: options };
};

/** A list cell (tags): values separated by `;` or `,`. */
export const listCell = (value: string): string[] =>
  value
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

export const upperCase = (value: string | undefined): string | undefined => value?.toUpperCase();
export const lowerCase = (value: string | undefined): string | undefined => value?.toLowerCase();

/**
 * Maps zod issues of an API body built from a row to the row's columns. `columnOf` names the
 * column a path came from (e.g. `variants[0].price` → `price`) and, for a product spanning
 * several rows, the line it was on.
 */
export const zodIssues = (
  error: z.core.$ZodError,
  columnOf: (path: readonly PropertyKey[]) => { line?: number; column: string; within?: string },
): { line?: number; issue: LineIssue }[] =>
  error.issues.map((issue) => {
    const { line, column, within } = columnOf(issue.path);
    return {
      ...(line === undefined ? {} : { line }),
      issue: { column, reason: within ? `${within}: ${issue.message}` : issue.message },
    };
  });

/** Runs `fn` over `items` with at most `concurrency` in flight, keeping the order of results. */
export const mapPool = async <T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
};

/**
 * JSON with object keys sorted at every level: DynamoDB hands maps back in no fixed order,
 * and an export must come out the same every time for the same data.
 */
export const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
