import { defineRoute, documentRoute } from '../http/route.js';
import {
  CreateStoreBody,
  ListStoresQuery,
  StorePage,
  StoreParams,
  StoreSchema,
  UpdateStoreBody,
} from './store-schemas.js';

const tag = 'Stores';

export const createStoreRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'createStore',
    method: 'POST',
    path: '/stores',
    summary: 'Open a new store (admin)',
    tag,
    access: 'stores:create',
    body: CreateStoreBody,
  }))();

export const createStoreDocs = /* @__PURE__ */ (() =>
  documentRoute(createStoreRoute, {
    responses: { 201: { description: 'The new store.', schema: StoreSchema, headers: ['etag', 'location'] } },
    errors: [{ status: 409, when: 'A store has this `code` already (`errors` names `body.code`).' }],
  }))();

export const listStoresRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listStores',
    method: 'GET',
    path: '/stores',
    summary: 'List the stores the caller may see, by code',
    tag,
    access: 'stores:read',
    query: ListStoresQuery,
  }))();

export const listStoresDocs = /* @__PURE__ */ (() =>
  documentRoute(listStoresRoute, {
    responses: { 200: { description: 'A page of stores.', schema: StorePage } },
    errors: [],
  }))();

export const getStoreRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getStore',
    method: 'GET',
    path: '/stores/{storeId}',
    summary: 'Get one store',
    tag,
    access: 'stores:read',
    params: StoreParams,
  }))();

export const getStoreDocs = /* @__PURE__ */ (() =>
  documentRoute(getStoreRoute, {
    responses: { 200: { description: 'The store.', schema: StoreSchema, headers: ['etag'] } },
    errors: [404],
  }))();

export const updateStoreRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'updateStore',
    method: 'PATCH',
    path: '/stores/{storeId}',
    summary: 'Change a store (admin, or a manager of that store)',
    tag,
    access: 'stores:update',
    params: StoreParams,
    body: UpdateStoreBody,
    requiresIfMatch: true,
  }))();

export const updateStoreDocs = /* @__PURE__ */ (() =>
  documentRoute(updateStoreRoute, {
    responses: { 200: { description: 'The changed store.', schema: StoreSchema, headers: ['etag'] } },
    errors: [404, { status: 409, when: 'Another store has this `code` (`errors` names `body.code`).' }],
  }))();
