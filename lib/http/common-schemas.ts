import * as z from '../zod.js';
import { unsafeNumberReason, unsafeTextReason } from './safe-values.js';

/** Shared shapes of the HTTP contract. */
export const ResourceId = /* @__PURE__ */ (() =>
  z
    .string()
    .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Must be 1–64 letters, digits, dashes or underscores.')))();

/**
 * A number the table can hold exactly (see safe-values.ts): finite, within
 * ±Number.MAX_SAFE_INTEGER, no fraction smaller than 1e-6. Every free number in a body uses
 * it; bounded ones (`.int().min().max()`) are safe by their bounds.
 */
export const SafeNumber = /* @__PURE__ */ (() =>
  z.number().check((ctx) => {
    const reason = unsafeNumberReason(ctx.value);
    if (reason) ctx.issues.push({ code: 'custom', message: reason, input: ctx.value });
  }))();

interface TextBounds {
  /** After trimming; 1 unless the field may be empty. */
  min?: number;
  max: number;
}

const safeText = (multiLine: boolean, { min = 1, max }: TextBounds) =>
  z.string().check(
    // CRLF from Windows clients is stored as LF, so that one note reads the same everywhere.
    z.overwrite((value) => (multiLine ? value.replaceAll('\r\n', '\n') : value)),
    z.trim(),
    z.minLength(min),
    z.maxLength(max),
    (ctx) => {
      const reason = unsafeTextReason(ctx.value, { multiLine });
      if (reason) ctx.issues.push({ code: 'custom', message: reason, input: ctx.value });
    },
  );

/**
 * Every free-text field of a request (names, references, reasons, address lines, attribute
 * values): trimmed, no control characters (not even TAB or line breaks), no bidirectional
 * overrides or isolates, no lone surrogates. Receipts, logs and CSV exports print it as is.
 */
export const singleLineText = (bounds: TextBounds) => safeText(false, bounds);

/** Notes, descriptions and messages: like `singleLineText`, but line feeds and tabs are allowed. */
export const multiLineText = (bounds: TextBounds) => safeText(true, bounds);

export const PaginationQuery = /* @__PURE__ */ (() => ({
  limit: z
    ._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25)
    .clone()
    .register(z.globalRegistry, { description: 'Page size, 1–100.' }),
  cursor: z
    .optional(z.string().check(z.minLength(1), z.maxLength(2048)))
    .clone()
    .register(z.globalRegistry, { description: 'Opaque cursor from the previous page’s `nextCursor`.' }),
}))();

export const ItemMetaSchema = /* @__PURE__ */ (() => ({
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z
    .number()
    .check(z.int(), z.gte(1))
    .clone()
    .register(z.globalRegistry, { description: 'Current version; sent as the ETag.' }),
  updatedBy: z.string(),
}))();

export const pageOf = <T extends z.ZodMiniType>(item: T, id: string) =>
  z
    .object({ items: z.array(item), nextCursor: z.nullable(z.string()) })
    .clone()
    .register(z.globalRegistry, { id });

const IdempotencyKey = /* @__PURE__ */ (() =>
  z
    .string()
    .check(z.minLength(8), z.maxLength(128), z.regex(/^[\x21-\x7e]+$/, 'Use printable ASCII without spaces.'))
    .clone()
    .register(z.globalRegistry, {
      description:
        'Unique per intended change (e.g. a UUID); a retry with the same key and body is answered with what the first request did.',
    }))();

/** Not strict: the request carries many other headers. */
export const IdempotencyHeaders = /* @__PURE__ */ (() => z.object({ 'idempotency-key': IdempotencyKey }))();

/** For changes where the key is recommended but optional (payments, refunds). */
export const OptionalIdempotencyHeaders = /* @__PURE__ */ (() =>
  z.object({ 'idempotency-key': z.optional(IdempotencyKey) }))();

/** A signed change of a counter (stock, points): a whole number, not zero, at most a million either way. */
export const nonZeroDelta = (description: string) =>
  z
    .number()
    .check(
      z.int(),
      z.gte(-1_000_000),
      z.lte(1_000_000),
      z.refine((value) => value !== 0, 'Must not be zero.'),
    )
    .clone()
    .register(z.globalRegistry, { description });

/** Bodies that patch a resource must change something. */
export const nonEmptyPatch = <T extends z.ZodMiniObject>(schema: T) =>
  schema.check(
    z.refine((value: z.output<T>) => Object.keys(value as object).length > 0, {
      message: 'Send at least one field to change.',
    }),
  );
