import { createHash } from 'node:crypto';
import type { CreateOrderInput } from './order-schemas.js';

/** JSON with object keys sorted at every level, so equal values serialise equally. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );

/**
 * SHA-256 of the canonical order request (after validation, so defaults and trimming apply).
 * Lines are sorted by SKU (each SKU appears once): the same lines in another order are the
 * same request.
 */
export const orderRequestHash = (body: CreateOrderInput): string => {
  const lines = [...body.lines].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  return createHash('sha256')
    .update(canonicalJson({ ...body, lines }))
    .digest('hex');
};
