import { defineRoute, documentRoute } from '../http/route.js';
import {
  CreateProductBody,
  ListProductsQuery,
  ProductPage,
  ProductParams,
  ProductView,
  UpdateProductBody,
} from './product-schemas.js';

const tag = 'Catalog';

export const createProductRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'createProduct',
    method: 'POST',
    path: '/products',
    summary: 'Add a product with its variants (admin, manager)',
    tag,
    access: 'catalog:write',
    body: CreateProductBody,
  }))();

export const createProductDocs = /* @__PURE__ */ (() =>
  documentRoute(createProductRoute, {
    responses: {
      201: { description: 'The new product.', schema: ProductView, headers: ['etag', 'location'] },
    },
    errors: [
      {
        status: 409,
        when: 'A SKU or barcode belongs to another product (`errors` names the variant field).',
      },
    ],
  }))();

export const listProductsRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listProducts',
    method: 'GET',
    path: '/products',
    summary:
      'List products by category and status (ordered by status then name), or look one up by `barcode` or `sku` (with `matchedSku`), or search by name prefix `q` (ordered by name); `cost` only for admin, manager and finance',
    tag,
    access: 'catalog:read',
    query: ListProductsQuery,
  }))();

export const listProductsDocs = /* @__PURE__ */ (() =>
  documentRoute(listProductsRoute, {
    responses: {
      200: {
        description: 'A page of products; a barcode or SKU lookup gives at most one.',
        schema: ProductPage,
      },
    },
    errors: [],
  }))();

export const getProductRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getProduct',
    method: 'GET',
    path: '/products/{productId}',
    summary: 'Get one product',
    tag,
    access: 'catalog:read',
    params: ProductParams,
  }))();

export const getProductDocs = /* @__PURE__ */ (() =>
  documentRoute(getProductRoute, {
    responses: { 200: { description: 'The product.', schema: ProductView, headers: ['etag'] } },
    errors: [404],
  }))();

export const updateProductRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'updateProduct',
    method: 'PATCH',
    path: '/products/{productId}',
    summary:
      'Change a product; `attributes` and `variants` replace the whole map or list, which must keep every variant (archive one with `status: archived`) (admin, manager)',
    tag,
    access: 'catalog:write',
    params: ProductParams,
    body: UpdateProductBody,
    requiresIfMatch: true,
  }))();

export const updateProductDocs = /* @__PURE__ */ (() =>
  documentRoute(updateProductRoute, {
    responses: { 200: { description: 'The changed product.', schema: ProductView, headers: ['etag'] } },
    errors: [
      404,
      {
        status: 409,
        when: 'A SKU or barcode belongs to another product, or `variants` leaves out a variant the product has (archive it instead); `errors` names the field.',
      },
    ],
  }))();
