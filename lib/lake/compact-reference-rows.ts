import type { ItemImage } from './compact-changes-read.js';
import { canonicalJson, flag, integer, listAt, objectAt, text } from './compact-values.js';
import type { LakeRow } from './parquet-table.js';
import { customerKey } from './pseudonym.js';

/** Row mappers of the latest-state tables (lib/lake/curated-tables.ts): products, stores, customers. */

/** One row per variant: the SKU is what orders, stock and movements name. */
export const productRows = (product: ItemImage): LakeRow[] =>
  listAt(product, 'variants').map((variant) => ({
    product_id: text(product, 'productId'),
    sku: text(variant, 'sku'),
    name: text(product, 'name'),
    category: text(product, 'category'),
    brand: text(product, 'brand'),
    status: text(product, 'status'),
    // Variants stored before archiving existed have no status: they are active.
    variant_status: text(variant, 'status') ?? 'active',
    options: canonicalJson(objectAt(variant, 'options') ?? {}),
    currency: text(variant, 'currency'),
    price: integer(variant, 'price'),
    cost: integer(variant, 'cost'),
    barcode: text(variant, 'barcode'),
    created_at: text(product, 'createdAt'),
    updated_at: text(product, 'updatedAt'),
    version: integer(product, 'version'),
  }));

export const storeRow = (store: ItemImage): LakeRow => {
  const address = objectAt(store, 'address') ?? {};
  const channels = store.channels;
  return {
    store_id: text(store, 'storeId'),
    code: text(store, 'code'),
    name: text(store, 'name'),
    region: text(store, 'region'),
    city: text(address, 'city'),
    country: text(address, 'country'),
    timezone: text(store, 'timezone'),
    status: text(store, 'status'),
    channels: Array.isArray(channels) ? channels.filter((c) => typeof c === 'string').join(',') : null,
    prices_include_tax: flag(store, 'pricesIncludeTax'),
    created_at: text(store, 'createdAt'),
    updated_at: text(store, 'updatedAt'),
    version: integer(store, 'version'),
  };
};

/** Whole years from `birthDate` (YYYY-MM-DD) to `day`, in ten-year bands; null if unknown. */
export const ageBand = (birthDate: string | null, day: string): string | null => {
  const born = birthDate?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  const today = day.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!born || !today) return null;
  const [, by, bm, bd] = born.map(Number) as [number, number, number, number];
  const [, ty, tm, td] = today.map(Number) as [number, number, number, number];
  const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  if (age < 0) return null;
  const low = Math.floor(age / 10) * 10;
  return `${low}-${low + 9}`;
};

/**
 * A customer without who they are: the pseudonymous key, segment fields and the region of
 * the preferred store. Names, email, phone and prescription are never read (the lake holds
 * them redacted), nor the birth date beyond its age band.
 */
export const customerRow = (
  customer: ItemImage,
  day: string,
  regionOfStore: (storeId: string) => string | null,
) => {
  const customerId = text(customer, 'customerId');
  const preferences = objectAt(customer, 'preferences') ?? {};
  const preferredStoreId = text(preferences, 'preferredStoreId');
  const tags = customer.tags;
  return {
    customer_key: customerId === null ? null : customerKey(customerId),
    // The exporter redacts the birth date and keeps its band (lib/lake/lake-image.ts); rows
    // exported before that still carry the date.
    age_band: text(customer, 'ageBand') ?? ageBand(text(customer, 'birthDate'), day),
    marketing_opt_in: flag(customer, 'marketingOptIn'),
    contact_channel: text(preferences, 'contactChannel'),
    preferred_store_id: preferredStoreId,
    region: preferredStoreId === null ? null : regionOfStore(preferredStoreId),
    tags: Array.isArray(tags)
      ? tags
          .filter((tag): tag is string => typeof tag === 'string')
          .sort()
          .join(',')
      : null,
    points_balance: integer(customer, 'pointsBalance'),
    created_at: text(customer, 'createdAt'),
    updated_at: text(customer, 'updatedAt'),
    version: integer(customer, 'version'),
  } satisfies LakeRow;
};
