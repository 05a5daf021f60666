import { type IdempotencyRecord, liveIdempotencyRecord } from '../db/idempotency.js';
import { idempotencyKeys, promotionKeys, storeKeys, type TableKey, taxRateKeys } from '../db/keys.js';
import { batchGetItems } from '../db/query-page.js';
import { recentItem, rememberItem } from '../db/recent-reads.js';
import type { Store } from '../stores/store-schemas.js';
import { cardFromItem, type TaxRateCard } from '../tax/tax-rate-card.js';
import { catalogKeys } from './order-catalog.js';
import type { CreateOrderInput } from './order-schemas.js';

export interface OrderContext {
  /** A live record of this Idempotency-Key at this store, if the key was used before. */
  earlier: IdempotencyRecord | undefined;
  store: Store | undefined;
  /** The catalog items found for the lines (products, or SKU guards: order-catalog.ts). */
  catalog: Record<string, unknown>[];
  /** The live promotions' card item, if there is one (lib/promotions/live-promotions.ts). */
  promotionsCard: Record<string, unknown> | undefined;
  /**
   * The rate card of the region this container last saw the store in, if it knew one: `read`
   * says which region was asked for (the card may still be absent: a region without one).
   */
  taxCard: { read: string | undefined; card: TaxRateCard | undefined };
}

/**
 * The tax region each store had when this container last read it: which rate card to read
 * with the store, checked against the store once it is read (order-placement.ts). Bounded like
 * every per-container memory.
 */
const regions = new Map<string, string>();
const REGIONS_LIMIT = 1000;

const rememberRegion = (store: Store) => {
  if (regions.size >= REGIONS_LIMIT) regions.clear();
  regions.set(store.storeId, store.region);
};

/**
 * Everything placing an order reads by key, in one BatchGet: the idempotency record, the
 * store, the lines' catalog items (their products on a warm container, SKU
 * guards otherwise), the live promotions' card and the rate card of the store's region as this
 * container last saw it. Eventually consistent is fine here: the transaction's conditions
 * decide, these reads only shape the request or its error (the cards' staleness is discussed
 * where they are read: live-promotions.ts, tax-rate-repository.ts). The store and the two
 * cards are read at most once per few seconds per container (lib/db/recent-reads.ts): a
 * change to them reaches a busy till within that window, and the BatchGet of a busy
 * container holds only the idempotency record and the products. The customer is not read:
 * the transaction checks it (order-placement.ts), and nothing else needs the item.
 */
export const readOrderContext = async (
  input: CreateOrderInput,
  idempotencyKey: string,
  now: Date,
): Promise<OrderContext> => {
  const keys = {
    idempotency: idempotencyKeys.record(input.storeId, idempotencyKey),
    store: storeKeys.item(input.storeId),
  };
  const region = regions.get(input.storeId);
  const same = (item: Record<string, unknown>, key: TableKey | undefined) =>
    key !== undefined && item.pk === key.pk && item.sk === key.sk;
  const cards = {
    promotions: promotionKeys.liveCard(),
    tax: region ? taxRateKeys.card(region) : undefined,
  };
  // The store and the cards as this container read them within the last few seconds, if it
  // did (lib/db/recent-reads.ts); the idempotency record and the catalog are read every time.
  const rememberable = [keys.store, cards.promotions, cards.tax].filter(
    (key): key is TableKey => key !== undefined,
  );
  const remembered = rememberable.flatMap((key): Record<string, unknown>[] => {
    const item = recentItem(key);
    return item ? [item] : [];
  });
  const read = await batchGetItems([
    keys.idempotency,
    ...rememberable.filter((key) => !remembered.some((item) => same(item, key))),
    ...catalogKeys(input.lines),
  ]);
  for (const item of read) if (rememberable.some((key) => same(item, key))) rememberItem(item);
  const items = [...read, ...remembered];
  const find = (key: TableKey | undefined) => items.find((item) => same(item, key));
  const others = [keys.idempotency, ...rememberable];
  const record = find(keys.idempotency);
  const store = find(keys.store) as Store | undefined;
  if (store) rememberRegion(store);
  return {
    earlier: liveIdempotencyRecord(record, now),
    store,
    catalog: items.filter((item) => !others.some((key) => same(item, key))),
    promotionsCard: find(cards.promotions),
    taxCard: { read: region, card: cardFromItem(find(cards.tax)) },
  };
};
