import * as z from 'zod';
import {
  ItemMetaSchema,
  nonEmptyPatch,
  PaginationQuery,
  pageOf,
  ResourceId,
  singleLineText,
} from '../http/common-schemas.js';
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

export const StoreCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,15}$/, 'Use 2–16 upper-case letters, digits or dashes.')
  .meta({ example: 'SYD-01' });

export const Address = z
  .strictObject({
    line1: singleLineText({ max: 200 }),
    line2: singleLineText({ max: 200 }).optional(),
    city: singleLineText({ max: 100 }),
    state: singleLineText({ max: 100 }).optional(),
    postcode: singleLineText({ max: 20 }),
    country: CountryCode,
  })
  .meta({ id: 'Address' });

const storeFields = {
  code: StoreCode,
  name: singleLineText({ max: 120 }),
  address: Address,
  region: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'Use 2–32 lower-case letters, digits or dashes.')
    .meta({ example: 'nsw' }),
  channels: z
    .array(z.enum(STORE_CHANNELS))
    .min(1)
    .max(STORE_CHANNELS.length)
    .refine((list) => new Set(list).size === list.length, 'Channels must not repeat.'),
  timezone: z.string().refine(isTimeZone, 'Unknown IANA time zone.').meta({ example: 'Australia/Sydney' }),
  status: z.enum(STORE_STATUSES),
  pricesIncludeTax: z.boolean().meta({
    description:
      'Whether prices include tax (GST, VAT) or tax is added at the till. Default: from the country (included everywhere but US and CA).',
  }),
};

export const CreateStoreBody = z
  .strictObject({
    ...storeFields,
    status: storeFields.status.default('active'),
    pricesIncludeTax: storeFields.pricesIncludeTax.optional(),
  })
  .meta({ id: 'CreateStore' });
export type CreateStoreInput = z.output<typeof CreateStoreBody>;

export const UpdateStoreBody = nonEmptyPatch(z.strictObject(storeFields).partial()).meta({
  id: 'UpdateStore',
});
export type UpdateStoreInput = z.output<typeof UpdateStoreBody>;

export const StoreSchema = z
  .object({
    storeId: ResourceId,
    ...storeFields,
    // Absent on stores opened before the setting existed: they follow their country.
    pricesIncludeTax: storeFields.pricesIncludeTax.optional(),
    ...ItemMetaSchema,
  })
  .meta({ id: 'Store' });
export type Store = z.output<typeof StoreSchema>;

export const StorePage = pageOf(StoreSchema, 'StorePage');
export const StoreParams = z.strictObject({ storeId: ResourceId });
export const ListStoresQuery = z.strictObject({ ...PaginationQuery });
export type ListStoresQuery = z.output<typeof ListStoresQuery>;
