import type { FieldIssue } from '../errors.js';
import { unsafeNumberReason, unsafeTextReason } from './safe-values.js';
import { formatPath } from './validation.js';

/** Deeper than any body of ours; bounds the walk and refuses JSON bombs of nested arrays. */
export const MAX_JSON_DEPTH = 32;
/** A problem names at most this many fields, so a body of a million bad numbers stays a small answer. */
const MAX_ISSUES = 20;

/**
 * The root check over a parsed request: every number must be storable and no string (value
 * or field name) may carry control or bidi-override characters, whatever the route's schema
 * says. The shared schemas (common-schemas.ts) enforce the same and more per field; this walk
 * keeps a future schema that forgets them from reaching the table. Iterative, so that depth
 * cannot overflow the stack. Strings get the multi-line rule here: single-line fields are
 * narrowed by their schema.
 */
export const unsafeValueIssues = (root: string, value: unknown): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const next = stack.pop();
    if (!next) break;
    const { value: current, path } = next;
    const at = () => formatPath(root, path);
    if (typeof current === 'number') {
      const reason = unsafeNumberReason(current);
      if (reason) issues.push({ path: at(), message: reason });
    } else if (typeof current === 'string') {
      const reason = unsafeTextReason(current, { multiLine: true });
      if (reason) issues.push({ path: at(), message: reason });
    } else if (typeof current === 'object' && current !== null) {
      if (path.length >= MAX_JSON_DEPTH) {
        issues.push({ path: at(), message: `Nested more than ${MAX_JSON_DEPTH} levels deep.` });
        continue;
      }
      const entries: [PropertyKey, unknown][] = Array.isArray(current)
        ? current.map((item, index) => [index, item])
        : Object.entries(current);
      for (const [key, child] of entries.reverse()) {
        // The key is not echoed: it is the very text that may not be shown.
        if (typeof key === 'string' && unsafeTextReason(key, { multiLine: false }))
          issues.push({ path: at(), message: 'A field name contains control or invisible characters.' });
        else stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return issues;
};
