import {
  ItemMetaSchema,
  nonEmptyPatch,
  PaginationQuery,
  pageOf,
  ResourceId,
  singleLineText,
} from '../http/common-schemas.js';
import { Address } from '../stores/store-schemas.js';
import * as z from '../zod.js';

export const Currency = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code, e.g. AUD.')))();

const supplierFields = /* @__PURE__ */ (() => ({
  name: singleLineText({ max: 200 }),
  email: z.email().check(z.maxLength(254)),
  phone: z
    .string()
    .check(
      z.regex(/^\+?[0-9 ()-]{6,20}$/, 'Use 6–20 digits, spaces, dashes or brackets, optionally after +.'),
    )
    .clone()
    .register(z.globalRegistry, { example: '+61 2 9876 5432' }),
  address: Address,
  leadTimeDays: z
    .number()
    .check(z.int(), z.gte(0), z.lte(365))
    .clone()
    .register(z.globalRegistry, { description: 'Usual days from order to delivery.' }),
  currency: Currency.clone().register(z.globalRegistry, {
    description: 'The currency the supplier invoices in.',
  }),
}))();

export const CreateSupplierBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      name: supplierFields.name,
      email: z.optional(supplierFields.email),
      phone: z.optional(supplierFields.phone),
      address: z.optional(supplierFields.address),
      leadTimeDays: z.optional(supplierFields.leadTimeDays),
      currency: supplierFields.currency,
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreateSupplier' }))();
export type CreateSupplierInput = z.output<typeof CreateSupplierBody>;

export const UpdateSupplierBody = /* @__PURE__ */ (() =>
  nonEmptyPatch(z.partial(z.strictObject(supplierFields)))
    .clone()
    .register(z.globalRegistry, {
      id: 'UpdateSupplier',
    }))();
export type UpdateSupplierInput = z.output<typeof UpdateSupplierBody>;

export const SupplierSchema = /* @__PURE__ */ (() =>
  z
    .object({
      supplierId: ResourceId,
      name: supplierFields.name,
      email: z.optional(supplierFields.email),
      phone: z.optional(supplierFields.phone),
      address: z.optional(supplierFields.address),
      leadTimeDays: z.optional(supplierFields.leadTimeDays),
      currency: supplierFields.currency,
      ...ItemMetaSchema,
    })
    .clone()
    .register(z.globalRegistry, { id: 'Supplier' }))();
export type Supplier = z.output<typeof SupplierSchema>;

export const SupplierPage = /* @__PURE__ */ (() => pageOf(SupplierSchema, 'SupplierPage'))();
export const SupplierParams = /* @__PURE__ */ (() => z.strictObject({ supplierId: ResourceId }))();
export const ListSuppliersQuery = /* @__PURE__ */ (() => z.strictObject({ ...PaginationQuery }))();
export type ListSuppliersQuery = z.output<typeof ListSuppliersQuery>;
