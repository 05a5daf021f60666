import { ItemMetaSchema, nonEmptyPatch, ResourceId, singleLineText } from '../http/common-schemas.js';
import * as z from '../zod.js';
import { PrescriptionSchema } from './prescription-schema.js';

export const CONTACT_CHANNELS = ['email', 'sms', 'none'] as const;

/** Stored trimmed and lower-case, as the EMAIL guard is keyed. */
export const Email = /* @__PURE__ */ (() =>
  z
    .pipe(
      z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)),
      z.email('Not a valid email address.'),
    )
    .clone()
    .register(z.globalRegistry, { example: 'mia.chen@example.com' }))();

/** E.164; spaces, dashes and brackets are dropped first, so `+61 412 345 678` is accepted. */
export const Phone = /* @__PURE__ */ (() =>
  z
    .pipe(
      z.pipe(
        z.string().check(z.trim()),
        z.transform((value) => value.replace(/[\s()-]/g, '')),
      ),
      z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, 'Use E.164 format, e.g. +61412345678.')),
    )
    .clone()
    .register(z.globalRegistry, { example: '+61412345678' }))();

const BirthDate = /* @__PURE__ */ (() =>
  z.iso.date().check(
    z.refine((value) => value >= '1900-01-01', 'Must be on or after 1900-01-01.'),
    z.refine((value) => value <= new Date().toISOString().slice(0, 10), 'Must not be in the future.'),
  ))();

const Tag = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use a lower-case slug of up to 40 characters.')))();

export const PreferencesSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      preferredStoreId: z.optional(ResourceId),
      contactChannel: z.optional(z.enum(CONTACT_CHANNELS)),
    })
    .clone()
    .register(z.globalRegistry, {
      id: 'CustomerPreferences',
      example: { preferredStoreId: 'st_syd_cbd', contactChannel: 'email' },
    }))();

const customerFields = /* @__PURE__ */ (() => ({
  firstName: singleLineText({ max: 100 }),
  lastName: singleLineText({ max: 100 }),
  email: Email,
  phone: Phone,
  birthDate: BirthDate,
  marketingOptIn: z.boolean(),
  preferences: PreferencesSchema,
  tags: z.array(Tag).check(
    z.maxLength(20),
    z.refine((tags) => new Set(tags).size === tags.length, 'Tags must not repeat.'),
  ),
  prescription: PrescriptionSchema,
}))();

const contactIssues = /* @__PURE__ */ (() =>
  ['email', 'phone'].map((field) => ({
    code: 'custom' as const,
    path: [field],
    message: 'Give an email address or a phone number (or both).',
  })))();

export const CreateCustomerBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      ...customerFields,
      email: z.optional(customerFields.email),
      phone: z.optional(customerFields.phone),
      birthDate: z.optional(customerFields.birthDate),
      marketingOptIn: z._default(customerFields.marketingOptIn, false),
      preferences: z.optional(customerFields.preferences),
      tags: z._default(customerFields.tags, []),
      prescription: z.optional(customerFields.prescription),
    })
    .check(
      z.superRefine((body, ctx) => {
        if (body.email === undefined && body.phone === undefined)
          for (const issue of contactIssues) ctx.addIssue(issue);
      }),
    )
    .clone()
    .register(z.globalRegistry, { id: 'CreateCustomer' }))();
export type CreateCustomerInput = z.output<typeof CreateCustomerBody>;

/** Attributes a PATCH may clear with `null`. */
export const CLEARABLE_CUSTOMER_FIELDS = [
  'email',
  'phone',
  'birthDate',
  'preferences',
  'prescription',
] as const;

/** `preferences`, `tags` and `prescription`, when sent, replace the whole value. */
export const UpdateCustomerBody = /* @__PURE__ */ (() =>
  nonEmptyPatch(
    z.partial(
      z.strictObject({
        ...customerFields,
        email: z.nullable(customerFields.email),
        phone: z.nullable(customerFields.phone),
        birthDate: z.nullable(customerFields.birthDate),
        preferences: z.nullable(customerFields.preferences),
        prescription: z.nullable(customerFields.prescription),
      }),
    ),
  )
    .clone()
    .register(z.globalRegistry, { id: 'UpdateCustomer' }))();
export type UpdateCustomerInput = z.output<typeof UpdateCustomerBody>;

const storedFields = /* @__PURE__ */ (() => ({
  customerId: ResourceId,
  firstName: z.string(),
  lastName: z.string(),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  birthDate: z.optional(z.string()),
  marketingOptIn: z.boolean(),
  preferences: z.optional(PreferencesSchema),
  tags: z.array(z.string()),
  prescription: z.optional(PrescriptionSchema),
  pointsBalance: z.number().check(z.int(), z.gte(0)).clone().register(z.globalRegistry, {
    description:
      'Loyalty points; changed only by sales, refunds and adjustments (see /customers/{id}/points).',
  }),
  ...ItemMetaSchema,
}))();

export const CustomerSchema = /* @__PURE__ */ (() =>
  z.object(storedFields).clone().register(z.globalRegistry, { id: 'Customer' }))();
export type Customer = z.output<typeof CustomerSchema>;

export const CustomerParams = /* @__PURE__ */ (() => z.strictObject({ customerId: ResourceId }))();

/** Exactly one of `email` or `phone`: a lookup by a unique value, never a scan. */
export const FindCustomersQuery = /* @__PURE__ */ (() =>
  z
    .strictObject({ email: z.optional(Email), phone: z.optional(Phone) })
    .check(
      z.superRefine((query, ctx) => {
        const given = [query.email, query.phone].filter((value) => value !== undefined).length;
        if (given !== 1)
          ctx.addIssue({
            code: 'custom',
            path: [query.email === undefined ? 'email' : 'phone'],
            message: 'Give exactly one of email or phone.',
          });
      }),
    )
    .clone()
    .register(z.globalRegistry, { id: 'FindCustomersQuery' }))();
export type FindCustomersQuery = z.output<typeof FindCustomersQuery>;

export const CustomerMatches = /* @__PURE__ */ (() =>
  z
    .object({ items: z.array(CustomerSchema).check(z.maxLength(1)) })
    .clone()
    .register(z.globalRegistry, {
      id: 'CustomerMatches',
      description: 'The customer with that email or phone, or none.',
    }))();
