import * as z from 'zod';

/** Shared shapes of the HTTP contract. */
export const ResourceId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Must be 1–64 letters, digits, dashes or underscores.');

export const PaginationQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(25).meta({ description: 'Page size, 1–100.' }),
  cursor: z
    .string()
    .min(1)
    .max(2048)
    .optional()
    .meta({ description: 'Opaque cursor from the previous page’s `nextCursor`.' }),
};

export const ItemMetaSchema = {
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().min(1).meta({ description: 'Current version; sent as the ETag.' }),
  updatedBy: z.string(),
};

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });

const IdempotencyKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[\x21-\x7e]+$/, 'Use printable ASCII without spaces.')
  .meta({
    description:
      'Unique per intended change (e.g. a UUID); a retry with the same key and body is answered with what the first request did.',
  });

/** Not strict: the request carries many other headers. */
export const IdempotencyHeaders = z.object({ 'idempotency-key': IdempotencyKey });

/** For changes where the key is recommended but optional (payments, refunds). */
export const OptionalIdempotencyHeaders = z.object({ 'idempotency-key': IdempotencyKey.optional() });

/** A signed change of a counter (stock, points): a whole number, not zero, at most a million either way. */
export const nonZeroDelta = (description: string) =>
  z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((value) => value !== 0, 'Must not be zero.')
    .meta({ description });

/** Bodies that patch a resource must change something. */
export const nonEmptyPatch = <T extends z.ZodObject>(schema: T) =>
  schema.refine((value) => Object.keys(value).length > 0, { message: 'Send at least one field to change.' });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });
