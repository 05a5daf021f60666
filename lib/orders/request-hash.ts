import { requestHashOf } from '../db/idempotency.js';
import type { CreateOrderInput } from './order-schemas.js';

/**
 * The hash of an order request for its idempotency record. Lines are sorted by SKU (each SKU
 * appears once): the same lines in another order are the same request.
 */
export const orderRequestHash = (body: CreateOrderInput): string =>
  requestHashOf({
    ...body,
    lines: [...body.lines].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)),
  });
