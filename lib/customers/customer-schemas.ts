import * as z from 'zod';
import { ItemMetaSchema, nonEmptyPatch, ResourceId, singleLineText } from '../http/common-schemas.js';
import { PrescriptionSchema } from './prescription-schema.js';

export const CONTACT_CHANNELS = ['email', 'sms', 'none'] as const;

/** Stored trimmed and lower-case, as the EMAIL guard is keyed. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email('Not a valid email address.'))
  .meta({ example: 'mia.chen@example.com' });

/** E.164; spaces, dashes and brackets are dropped first, so `+61 412 345 678` is accepted. */
export const Phone = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s()-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, 'Use E.164 format, e.g. +61412345678.'))
  .meta({ example: '+61412345678' });

const BirthDate = z.iso
  .date()
  .refine((value) => value >= '1900-01-01', 'Must be on or after 1900-01-01.')
  .refine((value) => value <= new Date().toISOString().slice(0, 10), 'Must not be in the future.');

const Tag = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use a lower-case slug of up to 40 characters.');

export const PreferencesSchema = z
  .strictObject({
    preferredStoreId: ResourceId.optional(),
    contactChannel: z.enum(CONTACT_CHANNELS).optional(),
  })
  .meta({ id: 'CustomerPreferences', example: { preferredStoreId: 'st_syd_cbd', contactChannel: 'email' } });

const customerFields = {
  firstName: singleLineText({ max: 100 }),
  lastName: singleLineText({ max: 100 }),
  email: Email,
  phone: Phone,
  birthDate: BirthDate,
  marketingOptIn: z.boolean(),
  preferences: PreferencesSchema,
  tags: z
    .array(Tag)
    .max(20)
    .refine((tags) => new Set(tags).size === tags.length, 'Tags must not repeat.'),
  prescription: PrescriptionSchema,
};

const contactIssues = ['email', 'phone'].map((field) => ({
  code: 'custom' as const,
  path: [field],
  message: 'Give an email address or a phone number (or both).',
}));

export const CreateCustomerBody = z
  .strictObject({
    ...customerFields,
    email: customerFields.email.optional(),
    phone: customerFields.phone.optional(),
    birthDate: customerFields.birthDate.optional(),
    marketingOptIn: customerFields.marketingOptIn.default(false),
    preferences: customerFields.preferences.optional(),
    tags: customerFields.tags.default([]),
    prescription: customerFields.prescription.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.email === undefined && body.phone === undefined)
      for (const issue of contactIssues) ctx.addIssue(issue);
  })
  .meta({ id: 'CreateCustomer' });
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
export const UpdateCustomerBody = nonEmptyPatch(
  z
    .strictObject({
      ...customerFields,
      email: customerFields.email.nullable(),
      phone: customerFields.phone.nullable(),
      birthDate: customerFields.birthDate.nullable(),
      preferences: customerFields.preferences.nullable(),
      prescription: customerFields.prescription.nullable(),
    })
    .partial(),
).meta({ id: 'UpdateCustomer' });
export type UpdateCustomerInput = z.output<typeof UpdateCustomerBody>;

const storedFields = {
  customerId: ResourceId,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  birthDate: z.string().optional(),
  marketingOptIn: z.boolean(),
  preferences: PreferencesSchema.optional(),
  tags: z.array(z.string()),
  prescription: PrescriptionSchema.optional(),
  pointsBalance: z.number().int().min(0).meta({
    description:
      'Loyalty points; changed only by sales, refunds and adjustments (see /customers/{id}/points).',
  }),
  ...ItemMetaSchema,
};

export const CustomerSchema = z.object(storedFields).meta({ id: 'Customer' });
export type Customer = z.output<typeof CustomerSchema>;

export const CustomerParams = z.strictObject({ customerId: ResourceId });

/** Exactly one of `email` or `phone`: a lookup by a unique value, never a scan. */
export const FindCustomersQuery = z
  .strictObject({ email: Email.optional(), phone: Phone.optional() })
  .superRefine((query, ctx) => {
    const given = [query.email, query.phone].filter((value) => value !== undefined).length;
    if (given !== 1)
      ctx.addIssue({
        code: 'custom',
        path: [query.email === undefined ? 'email' : 'phone'],
        message: 'Give exactly one of email or phone.',
      });
  })
  .meta({ id: 'FindCustomersQuery' });
export type FindCustomersQuery = z.output<typeof FindCustomersQuery>;

export const CustomerMatches = z
  .object({ items: z.array(CustomerSchema).max(1) })
  .meta({ id: 'CustomerMatches', description: 'The customer with that email or phone, or none.' });
