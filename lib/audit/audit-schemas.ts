import { PaginationQuery, pageOf, ResourceId } from '../http/common-schemas.js';
import * as z from '../zod.js';
import { AUDIT_OPERATIONS } from './audit-entry.js';
import { AUDITED_ENTITY_TYPES } from './audit-subject.js';

const IsoDateTime = /* @__PURE__ */ (() => z.iso.datetime({ offset: true }))();

/** The audited entity types, as `entityType` of `GET /audit` takes them. */
export const AuditedEntityTypeSchema = /* @__PURE__ */ (() =>
  z.enum(AUDITED_ENTITY_TYPES).clone().register(z.globalRegistry, {
    description:
      'The kind of entity. Its `entityId` is the entity’s own id (`storeId`, `productId`, `orderId`, `paymentId`, `refundId`, `movementId`, `entryId` of a points entry, `username` of a user, …); a stock level, which has none, is `<storeId>:<sku>`.',
  }))();

/** An entity's audit id: the resource ids of the API, a `<storeId>:<sku>` level, a username. */
export const AuditEntityId = /* @__PURE__ */ (() =>
  z
    .string()
    .check(z.regex(/^[A-Za-z0-9_.:@+=,-]{1,160}$/, 'Use 1–160 letters, digits or _ . : @ + = , -'))
    .clone()
    .register(z.globalRegistry, { example: 'st_01HZX3:ACU-OAS-2W-M250' }))();

export const EntityAuditQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    entityType: AuditedEntityTypeSchema,
    entityId: AuditEntityId,
    ...PaginationQuery,
  }))();
export type EntityAuditQuery = z.output<typeof EntityAuditQuery>;

export const StoreAuditParams = /* @__PURE__ */ (() => z.strictObject({ storeId: ResourceId }))();

export const StoreAuditQuery = /* @__PURE__ */ (() =>
  z
    .strictObject({
      from: z
        .optional(IsoDateTime)
        .clone()
        .register(z.globalRegistry, { description: 'Changes at or after this instant (ISO 8601).' }),
      to: z
        .optional(IsoDateTime)
        .clone()
        .register(z.globalRegistry, { description: 'Changes at or before this instant (ISO 8601).' }),
      ...PaginationQuery,
    })
    .check(
      z.refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
        path: ['from'],
        message: 'Must not be after `to`.',
      }),
    ))();
export type StoreAuditQuery = z.output<typeof StoreAuditQuery>;

const AuditValue = /* @__PURE__ */ (() =>
  z
    .json()
    .clone()
    .register(z.globalRegistry, { id: 'AuditValue', description: 'A value as it was stored (any JSON).' }))();

export const FieldChangeSchema = /* @__PURE__ */ (() =>
  z
    .union([
      z.object({
        field: z.string(),
        before: z
          .optional(AuditValue)
          .clone()
          .register(z.globalRegistry, { description: 'Absent: the field did not exist before.' }),
        after: z
          .optional(AuditValue)
          .clone()
          .register(z.globalRegistry, { description: 'Absent: the field was removed.' }),
      }),
      z.object({
        field: z.string(),
        personal: z.literal(true).clone().register(z.globalRegistry, {
          description: 'A customer’s personal data: the values are never kept.',
        }),
      }),
      z.object({
        field: z.string(),
        truncated: z
          .literal(true)
          .clone()
          .register(z.globalRegistry, { description: 'The values were too large to keep in the entry.' }),
      }),
    ])
    .clone()
    .register(z.globalRegistry, {
      id: 'AuditFieldChange',
      description:
        'One changed field. Nested fields are dotted (`reorderRule.reorderPoint`); elements of SKU-keyed lists are named by SKU (`variants[ACU-1].price`).',
    }))();

export const AuditEntrySchema = /* @__PURE__ */ (() =>
  z
    .object({
      entryId: z.string().clone().register(z.globalRegistry, {
        description: 'Unique per change (the table stream record’s event id).',
      }),
      entityType: AuditedEntityTypeSchema,
      entityId: z.string(),
      operation: z.enum(AUDIT_OPERATIONS),
      actor: z.string().clone().register(z.globalRegistry, {
        description: 'Who made the change: a username, or `system:<job>` / `system` for jobs and expiry.',
      }),
      at: z.iso
        .datetime()
        .clone()
        .register(z.globalRegistry, { description: 'When the change was made (to the second).' }),
      storeIds: z.array(ResourceId).clone().register(z.globalRegistry, {
        description:
          'The stores the entity belongs to; empty for the group’s shared entities (catalog, suppliers, …).',
      }),
      orderId: z
        .optional(ResourceId)
        .clone()
        .register(z.globalRegistry, { description: 'A payment’s or refund’s order.' }),
      changes: z.array(FieldChangeSchema).clone().register(z.globalRegistry, {
        description:
          'The fields that changed, with before and after; unchanged fields and bookkeeping (keys, version, timestamps) are left out.',
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'AuditEntry' }))();
export type AuditEntryView = z.output<typeof AuditEntrySchema>;

export const AuditPage = /* @__PURE__ */ (() => pageOf(AuditEntrySchema, 'AuditPage'))();
