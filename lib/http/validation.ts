import type * as z from 'zod/mini';
import { type FieldIssue, ValidationError } from '../errors.js';

/** `body` + `['variants', 0, 'sku']` → `body.variants[0].sku`. */
export const formatPath = (root: string, path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    root,
  );

/** Zod issues as `{path, message}` pairs rooted at `body`, `query`, `params` or `headers`. */
export const toFieldIssues = (root: string, error: z.core.$ZodError): FieldIssue[] =>
  error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatPath(root, [...issue.path, key]),
        message: 'Unknown field.',
      }));
    }
    return [{ path: formatPath(root, issue.path), message: issue.message }];
  });

/** Parses `value` with `schema`, throwing a 400 ValidationError that names every field at fault. */
export const parseOrThrow = <T extends z.ZodMiniType>(
  schema: T,
  value: unknown,
  root: string,
): z.output<T> => {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(toFieldIssues(root, result.error));
  return result.data;
};
