import { type IdempotencyRecord, liveIdempotencyRecord } from '../db/idempotency.js';
import { customerKeys, idempotencyKeys, storeKeys } from '../db/keys.js';
import { batchGetItems } from '../db/query-page.js';
import type { Store } from '../stores/store-schemas.js';
import { skuGuardKeys } from './order-catalog.js';
import type { CreateOrderInput } from './order-schemas.js';

export interface OrderContext {
  /** A live record of this Idempotency-Key at this store, if the key was used before. */
  earlier: IdempotencyRecord | undefined;
  store: Store | undefined;
  /** The customer exists and was not erased. */
  customerExists: boolean;
  /** The SKU guard items found (one per known SKU). */
  skuGuards: Record<string, unknown>[];
}

/**
 * Everything placing an order reads by key, in one BatchGet: the idempotency record, the
 * store, the customer and the SKU guards. Eventually consistent is fine here: the
 * transaction's conditions decide, these reads only shape the request or its error.
 */
export const readOrderContext = async (
  input: CreateOrderInput,
  idempotencyKey: string,
  now: Date,
): Promise<OrderContext> => {
  const keys = {
    idempotency: idempotencyKeys.record(input.storeId, idempotencyKey),
    store: storeKeys.item(input.storeId),
    customer: input.customerId ? customerKeys.item(input.customerId) : undefined,
  };
  const items = await batchGetItems([
    keys.idempotency,
    keys.store,
    ...(keys.customer ? [keys.customer] : []),
    ...skuGuardKeys(input.lines),
  ]);
  const find = (key: { pk: string; sk: string } | undefined) =>
    key ? items.find((item) => item.pk === key.pk && item.sk === key.sk) : undefined;
  const record = find(keys.idempotency);
  const customer = find(keys.customer);
  return {
    earlier: liveIdempotencyRecord(record, now),
    store: find(keys.store) as Store | undefined,
    // An erased customer (lib/customers/customer-erasure.ts) takes no new orders.
    customerExists: customer !== undefined && customer.erasedAt === undefined,
    skuGuards: items.filter((item) => item.kind === 'SKU'),
  };
};
