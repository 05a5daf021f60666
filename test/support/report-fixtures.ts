import type { EventBridgeEvent } from 'aws-lambda';
import { createProduct } from '../../lib/catalog/product-service.js';
import type { DomainEvent } from '../../lib/events/event-envelope.js';
import { passesStreamFilter } from '../../lib/events/published-entities.js';
import { translateRecord } from '../../lib/events/translate-record.js';
import { REPORTED_ORDER_EVENTS } from '../../lib/reports/rollup-consumer.js';
import { createStore } from '../../lib/stores/store-service.js';
import { admin, productInput, storeInput, uniqueSuffix } from './fixtures.js';
import { receiveStock } from './stock-fixtures.js';
import { readTableStream } from './table-stream.js';

/** A region of its own, so a test's region figures hold only its stores. */
export const uniqueRegion = (): string => `r-${uniqueSuffix().toLowerCase()}`;

export const sellingStoreIn = async (region: string): Promise<string> =>
  (await createStore(admin, storeInput({ region, channels: ['in_store', 'online'] }))).storeId;

/** A one-SKU product of `category` at `price`/`cost`, with `stock` received at each store. */
export const pricedSku = async (
  category: string,
  price: number,
  cost: number,
  stores: Record<string, number>,
): Promise<{ productId: string; sku: string }> => {
  const suffix = uniqueSuffix();
  const sku = `RPT-${suffix}`;
  const base = productInput();
  const product = await createProduct(admin, {
    ...base,
    category,
    attributes: category === 'contact-lenses' ? base.attributes : { material: 'recycled plastic' },
    variants: [{ sku, options: { size: 'standard' }, price, cost, currency: 'AUD' }],
  });
  for (const [storeId, quantity] of Object.entries(stores))
    await receiveStock(storeId, sku, product.productId, quantity);
  return { productId: product.productId, sku };
};

/** The reported order events of these orders, from the table's real stream, in stream order. */
export const reportedOrderEvents = async (orderIds: readonly string[]): Promise<DomainEvent[]> => {
  const wanted = new Set(orderIds);
  const reported = new Set<string>(REPORTED_ORDER_EVENTS);
  return (await readTableStream())
    .filter(passesStreamFilter)
    .flatMap((record) => translateRecord(record))
    .filter((event) => reported.has(event.detailType) && wanted.has(String(event.detail.orderId)));
};

/** A domain event as EventBridge hands it to a rule's target. */
export const busEvent = (event: DomainEvent): EventBridgeEvent<string, unknown> => ({
  version: '0',
  id: `bus-${event.detail.eventId}`,
  'detail-type': event.detailType,
  source: event.source,
  account: '000000000000',
  time: event.detail.occurredAt,
  region: 'ap-southeast-2',
  resources: [],
  detail: event.detail,
});
