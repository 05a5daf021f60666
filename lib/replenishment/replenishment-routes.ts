import { defineRoute, documentRoute } from '../http/route.js';
import {
  ListReplenishmentsQuery,
  ReplenishmentPage,
  StoreReplenishmentsParams,
} from './replenishment-schemas.js';

export const listStoreReplenishmentsRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listStoreReplenishments',
    method: 'GET',
    path: '/stores/{storeId}/replenishments',
    summary:
      'List a store’s automatic replenishments: open first, then recently closed, with their transfers, purchase order and the numbers they were planned from',
    tag: 'Inventory',
    access: 'inventory:read',
    params: StoreReplenishmentsParams,
    query: ListReplenishmentsQuery,
  }))();

export const listStoreReplenishmentsDocs = /* @__PURE__ */ (() =>
  documentRoute(listStoreReplenishmentsRoute, {
    responses: { 200: { description: 'A page of replenishments.', schema: ReplenishmentPage } },
    errors: [404],
  }))();
