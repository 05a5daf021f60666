import { defineRoute, documentRoute } from '../http/route.js';
import {
  CreateSupplierBody,
  ListSuppliersQuery,
  SupplierPage,
  SupplierParams,
  SupplierSchema,
  UpdateSupplierBody,
} from './supplier-schemas.js';

const tag = 'Purchasing';

export const createSupplierRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'createSupplier',
    method: 'POST',
    path: '/suppliers',
    summary: 'Add a supplier (admin, manager)',
    tag,
    access: 'suppliers:write',
    body: CreateSupplierBody,
  }))();

export const createSupplierDocs = /* @__PURE__ */ (() =>
  documentRoute(createSupplierRoute, {
    responses: {
      201: { description: 'The new supplier.', schema: SupplierSchema, headers: ['etag', 'location'] },
    },
    errors: [],
  }))();

export const listSuppliersRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listSuppliers',
    method: 'GET',
    path: '/suppliers',
    summary: 'List suppliers by name',
    tag,
    access: 'suppliers:read',
    query: ListSuppliersQuery,
  }))();

export const listSuppliersDocs = /* @__PURE__ */ (() =>
  documentRoute(listSuppliersRoute, {
    responses: { 200: { description: 'A page of suppliers.', schema: SupplierPage } },
    errors: [],
  }))();

export const getSupplierRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getSupplier',
    method: 'GET',
    path: '/suppliers/{supplierId}',
    summary: 'Get one supplier',
    tag,
    access: 'suppliers:read',
    params: SupplierParams,
  }))();

export const getSupplierDocs = /* @__PURE__ */ (() =>
  documentRoute(getSupplierRoute, {
    responses: { 200: { description: 'The supplier.', schema: SupplierSchema, headers: ['etag'] } },
    errors: [404],
  }))();

export const updateSupplierRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'updateSupplier',
    method: 'PATCH',
    path: '/suppliers/{supplierId}',
    summary: 'Change a supplier (admin, manager)',
    tag,
    access: 'suppliers:write',
    params: SupplierParams,
    body: UpdateSupplierBody,
    requiresIfMatch: true,
  }))();

export const updateSupplierDocs = /* @__PURE__ */ (() =>
  documentRoute(updateSupplierRoute, {
    responses: { 200: { description: 'The changed supplier.', schema: SupplierSchema, headers: ['etag'] } },
    errors: [404],
  }))();
