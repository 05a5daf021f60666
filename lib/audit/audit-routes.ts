import { defineRoute, documentRoute } from '../http/route.js';
import { AuditPage, EntityAuditQuery, StoreAuditParams, StoreAuditQuery } from './audit-schemas.js';

const tag = 'Audit';

export const listEntityAuditRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listEntityAudit',
    method: 'GET',
    path: '/audit',
    summary:
      'The change history of one entity, newest first (admin, finance; managers for their stores’ entities and the group’s shared ones)',
    tag,
    access: 'audit:read',
    query: EntityAuditQuery,
  }))();

export const listEntityAuditDocs = /* @__PURE__ */ (() =>
  documentRoute(listEntityAuditRoute, {
    responses: {
      200: {
        description:
          'A page of audit entries: who changed what, when, with the fields before and after (customers’ personal fields named only).',
        schema: AuditPage,
      },
    },
    errors: [{ status: 404, when: 'The entity belongs to a store outside the caller’s stores.' }],
  }))();

export const listStoreAuditRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listStoreAudit',
    method: 'GET',
    path: '/stores/{storeId}/audit',
    summary:
      'Every change of a store’s entities in a time range, newest first (admin, finance, the store’s managers)',
    tag,
    access: 'audit:read',
    params: StoreAuditParams,
    query: StoreAuditQuery,
  }))();

export const listStoreAuditDocs = /* @__PURE__ */ (() =>
  documentRoute(listStoreAuditRoute, {
    responses: { 200: { description: 'A page of audit entries.', schema: AuditPage } },
    errors: [404],
  }))();
