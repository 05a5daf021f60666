import {
  ItemMetaSchema,
  nonEmptyPatch,
  PaginationQuery,
  pageOf,
  ResourceId,
  singleLineText,
} from '../http/common-schemas.js';
import * as z from '../zod.js';
import { CountryCode } from './country-codes.js';

const isTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

/** Where a store sells; an order's channel must be one its store offers. */
export const STORE_CHANNELS = ['online', 'in_store', 'marketplace'] as const;
export const STORE_STATUSES = ['active', 'closed'] as const;

export const StoreCode = /* @__PURE__ */ (() =>
  z
    .string()
    .check(z.regex(/^[A-Z0-9][A-Z0-9-]{1,15}$/, 'Use 2–16 upper-case letters, digits or dashes.'))
    .clone()
    .register(z.globalRegistry, { example: 'SYD-01' }))();

export const Address = /* @__PURE__ */ (() =>
  z
    .strictObject({
      line1: singleLineText({ max: 200 }),
      line2: z.optional(singleLineText({ max: 200 })),
      city: singleLineText({ max: 100 }),
      state: z.optional(singleLineText({ max: 100 })),
      postcode: singleLineText({ max: 20 }),
      country: CountryCode,
    })
    .clone()
    .register(z.globalRegistry, { id: 'Address' }))();

const storeFields = /* @__PURE__ */ (() => ({
  code: StoreCode,
  name: singleLineText({ max: 120 }),
  address: Address,
  region: z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'Use 2–32 lower-case letters, digits or dashes.'))
    .clone()
    .register(z.globalRegistry, { example: 'nsw' }),
  channels: z.array(z.enum(STORE_CHANNELS)).check(
    z.minLength(1),
    z.maxLength(STORE_CHANNELS.length),
    z.refine((list) => new Set(list).size === list.length, 'Channels must not repeat.'),
  ),
  timezone: z
    .string()
    .check(z.refine(isTimeZone, 'Unknown IANA time zone.'))
    .clone()
    .register(z.globalRegistry, { example: 'Australia/Sydney' }),
  status: z.enum(STORE_STATUSES),
  pricesIncludeTax: z.boolean().clone().register(z.globalRegistry, {
    description:
      'Whether prices include tax (GST, VAT) or tax is added at the till. Default: from the country (included everywhere but US and CA).',
  }),
}))();

export const CreateStoreBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      ...storeFields,
      status: z._default(storeFields.status, 'active'),
      pricesIncludeTax: z.optional(storeFields.pricesIncludeTax),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreateStore' }))();
export type CreateStoreInput = z.output<typeof CreateStoreBody>;

export const UpdateStoreBody = /* @__PURE__ */ (() =>
  nonEmptyPatch(z.partial(z.strictObject(storeFields)))
    .clone()
    .register(z.globalRegistry, {
      id: 'UpdateStore',
    }))();
export type UpdateStoreInput = z.output<typeof UpdateStoreBody>;

export const StoreSchema = /* @__PURE__ */ (() =>
  z
    .object({
      storeId: ResourceId,
      ...storeFields,
      // Absent on stores opened before the setting existed: they follow their country.
      pricesIncludeTax: z.optional(storeFields.pricesIncludeTax),
      ...ItemMetaSchema,
    })
    .clone()
    .register(z.globalRegistry, { id: 'Store' }))();
export type Store = z.output<typeof StoreSchema>;

export const StorePage = /* @__PURE__ */ (() => pageOf(StoreSchema, 'StorePage'))();
export const StoreParams = /* @__PURE__ */ (() => z.strictObject({ storeId: ResourceId }))();
export const ListStoresQuery = /* @__PURE__ */ (() => z.strictObject({ ...PaginationQuery }))();
export type ListStoresQuery = z.output<typeof ListStoresQuery>;
