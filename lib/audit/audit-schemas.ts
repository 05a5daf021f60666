import * as z from 'zod';
import { PaginationQuery, pageOf, ResourceId } from '../http/common-schemas.js';
import { AUDIT_OPERATIONS } from './audit-entry.js';
import { AUDITED_ENTITY_TYPES } from './audit-subject.js';

const IsoDateTime = z.iso.datetime({ offset: true });

/** The audited entity types, as `entityType` of `GET /audit` takes them. */
export const AuditedEntityTypeSchema = z.enum(AUDITED_ENTITY_TYPES).meta({
  description:
    'The kind of entity. Its `entityId` is the entity’s own id (`storeId`, `productId`, `orderId`, `paymentId`, `refundId`, `movementId`, `entryId` of a points entry, `username` of a user, …); a stock level, which has none, is `<storeId>:<sku>`.',
});

/** An entity's audit id: the resource ids of the API, a `<storeId>:<sku>` level, a username. */
export const AuditEntityId = z
  .string()
  .regex(/^[A-Za-z0-9_.:@+=,-]{1,160}$/, 'Use 1–160 letters, digits or _ . : @ + = , -')
  .meta({ example: 'st_01HZX3:ACU-OAS-2W-M250' });

export const EntityAuditQuery = z.strictObject({
  entityType: AuditedEntityTypeSchema,
  entityId: AuditEntityId,
  ...PaginationQuery,
});
export type EntityAuditQuery = z.output<typeof EntityAuditQuery>;

export const StoreAuditParams = z.strictObject({ storeId: ResourceId });

export const StoreAuditQuery = z
  .strictObject({
    from: IsoDateTime.optional().meta({ description: 'Changes at or after this instant (ISO 8601).' }),
    to: IsoDateTime.optional().meta({ description: 'Changes at or before this instant (ISO 8601).' }),
    ...PaginationQuery,
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    path: ['from'],
    message: 'Must not be after `to`.',
  });
export type StoreAuditQuery = z.output<typeof StoreAuditQuery>;

const AuditValue = z.json().meta({ id: 'AuditValue', description: 'A value as it was stored (any JSON).' });

export const FieldChangeSchema = z
  .union([
    z.object({
      field: z.string(),
      before: AuditValue.optional().meta({ description: 'Absent: the field did not exist before.' }),
      after: AuditValue.optional().meta({ description: 'Absent: the field was removed.' }),
    }),
    z.object({
      field: z.string(),
      personal: z
        .literal(true)
        .meta({ description: 'A customer’s personal data: the values are never kept.' }),
    }),
    z.object({
      field: z.string(),
      truncated: z.literal(true).meta({ description: 'The values were too large to keep in the entry.' }),
    }),
  ])
  .meta({
    id: 'AuditFieldChange',
    description:
      'One changed field. Nested fields are dotted (`reorderRule.reorderPoint`); elements of SKU-keyed lists are named by SKU (`variants[ACU-1].price`).',
  });

export const AuditEntrySchema = z
  .object({
    entryId: z.string().meta({ description: 'Unique per change (the table stream record’s event id).' }),
    entityType: AuditedEntityTypeSchema,
    entityId: z.string(),
    operation: z.enum(AUDIT_OPERATIONS),
    actor: z.string().meta({
      description: 'Who made the change: a username, or `system:<job>` / `system` for jobs and expiry.',
    }),
    at: z.iso.datetime().meta({ description: 'When the change was made (to the second).' }),
    storeIds: z.array(ResourceId).meta({
      description:
        'The stores the entity belongs to; empty for the group’s shared entities (catalog, suppliers, …).',
    }),
    orderId: ResourceId.optional().meta({ description: 'A payment’s or refund’s order.' }),
    changes: z.array(FieldChangeSchema).meta({
      description:
        'The fields that changed, with before and after; unchanged fields and bookkeeping (keys, version, timestamps) are left out.',
    }),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryView = z.output<typeof AuditEntrySchema>;

export const AuditPage = pageOf(AuditEntrySchema, 'AuditPage');
