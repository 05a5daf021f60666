import { type IdempotencyRecord, liveIdempotencyRecord } from '../db/idempotency.js';
import { customerKeys, idempotencyKeys, storeKeys } from '../db/keys.js';
import { batchGetItems } from '../db/query-page.js';
import type { Store } from '../stores/store-schemas.js';
import { catalogKeys } from './order-catalog.js';
import type { CreateOrderInput } from './order-schemas.js';

export interface OrderContext {
  /** A live record of this Idempotency-Key at this store, if the key was used before. */
  earlier: IdempotencyRecord | undefined;
  store: Store | undefined;
  /** The customer exists and was not erased. */
  customerExists: boolean;
  /** The catalog items found for the lines (products, or SKU guards: order-catalog.ts). */
  catalog: Record<string, unknown>[];
}

/**
 * Everything placing an order reads by key, in one BatchGet: the idempotency record, the
 * store, the customer and the lines' catalog items (their products on a warm container, SKU
 * guards otherwise). Eventually consistent is fine here: the transaction's conditions decide,
 * these reads only shape the request or its error.
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
    ...catalogKeys(input.lines),
  ]);
  const same = (item: Record<string, unknown>, key: { pk: string; sk: string } | undefined) =>
    key !== undefined && item.pk === key.pk && item.sk === key.sk;
  const find = (key: { pk: string; sk: string } | undefined) => items.find((item) => same(item, key));
  const record = find(keys.idempotency);
  const customer = find(keys.customer);
  const store = find(keys.store) as Store | undefined;
  if (store) rememberRegion(store);
  return {
    earlier: liveIdempotencyRecord(record, now),
    store,
    // An erased customer (lib/customers/customer-erasure.ts) takes no new orders.
    customerExists: customer !== undefined && customer.erasedAt === undefined,
    catalog: items.filter(
      (item) => !same(item, keys.idempotency) && !same(item, keys.store) && !same(item, keys.customer),
    ),
  };
};

/**
 * The tax region each store had when this container last read it: the key of the tax lookup
 * that placement starts before the store is read, checked against the store once it is
 * (order-placement.ts). Bounded like every per-container memory.
 */
const regions = new Map<string, string>();
const REGIONS_LIMIT = 1000;

const rememberRegion = (store: Store) => {
  if (regions.size >= REGIONS_LIMIT) regions.clear();
  regions.set(store.storeId, store.region);
};

export const knownRegion = (storeId: string): string | undefined => regions.get(storeId);
