import { InvalidStateError } from '../db/status-transition.js';
import { defineRoute, documentRoute, type RouteContract } from '../http/route.js';
import {
  CreatePurchaseOrderBody,
  ListStorePurchaseOrdersQuery,
  PurchaseOrderPage,
  PurchaseOrderParams,
  PurchaseOrderSchema,
  ReceivePurchaseOrderBody,
  StorePurchaseOrdersParams,
} from './purchase-order-schemas.js';

const tag = 'Purchasing';

export const createPurchaseOrderRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'createPurchaseOrder',
    method: 'POST',
    path: '/purchase-orders',
    summary: 'Draft a purchase order for a store from a supplier (admin, manager)',
    tag,
    access: 'purchasing:write',
    body: CreatePurchaseOrderBody,
  }))();

export const createPurchaseOrderDocs = /* @__PURE__ */ (() =>
  documentRoute(createPurchaseOrderRoute, {
    responses: {
      201: {
        description: 'The DRAFT purchase order.',
        schema: PurchaseOrderSchema,
        headers: ['etag', 'location'],
      },
    },
    errors: [404],
  }))();

export const getPurchaseOrderRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getPurchaseOrder',
    method: 'GET',
    path: '/purchase-orders/{purchaseOrderId}',
    summary: 'Get a purchase order',
    tag,
    access: 'purchasing:read',
    params: PurchaseOrderParams,
  }))();

export const getPurchaseOrderDocs = /* @__PURE__ */ (() =>
  documentRoute(getPurchaseOrderRoute, {
    responses: {
      200: { description: 'The purchase order.', schema: PurchaseOrderSchema, headers: ['etag'] },
    },
    errors: [404],
  }))();

export const listStorePurchaseOrdersRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listStorePurchaseOrders',
    method: 'GET',
    path: '/stores/{storeId}/purchase-orders',
    summary: 'List a store’s purchase orders, newest first, optionally by status',
    tag,
    access: 'purchasing:read',
    params: StorePurchaseOrdersParams,
    query: ListStorePurchaseOrdersQuery,
  }))();

export const listStorePurchaseOrdersDocs = /* @__PURE__ */ (() =>
  documentRoute(listStorePurchaseOrdersRoute, {
    responses: { 200: { description: 'A page of purchase orders.', schema: PurchaseOrderPage } },
    errors: [404],
  }))();

const transitionRoute = <
  const Id extends string,
  const Path extends `/purchase-orders/{purchaseOrderId}/${string}`,
>(
  operationId: Id,
  path: Path,
  summary: string,
) =>
  defineRoute({
    operationId,
    method: 'POST',
    path,
    summary,
    tag,
    access: 'purchasing:write',
    params: PurchaseOrderParams,
  });

const transitionDocs = (route: RouteContract) =>
  documentRoute(route, {
    responses: {
      200: {
        description: 'The purchase order after the transition.',
        schema: PurchaseOrderSchema,
        headers: ['etag'],
      },
    },
    errors: [
      404,
      {
        type: InvalidStateError,
        when: 'The purchase order is not in a status this action starts from (`allowedFrom`).',
      },
      { status: 409, when: 'The purchase order changed meanwhile: read it again and retry.' },
    ],
  });

export const orderPurchaseOrderRoute = /* @__PURE__ */ (() =>
  transitionRoute(
    'orderPurchaseOrder',
    '/purchase-orders/{purchaseOrderId}/order',
    'DRAFT → ORDERED: the quantities become incoming at the store',
  ))();

export const orderPurchaseOrderDocs = /* @__PURE__ */ (() => transitionDocs(orderPurchaseOrderRoute))();

export const closePurchaseOrderRoute = /* @__PURE__ */ (() =>
  transitionRoute(
    'closePurchaseOrder',
    '/purchase-orders/{purchaseOrderId}/close',
    'RECEIVED or PARTIALLY_RECEIVED → CLOSED, releasing whatever is still incoming',
  ))();

export const closePurchaseOrderDocs = /* @__PURE__ */ (() => transitionDocs(closePurchaseOrderRoute))();

export const cancelPurchaseOrderRoute = /* @__PURE__ */ (() =>
  transitionRoute(
    'cancelPurchaseOrder',
    '/purchase-orders/{purchaseOrderId}/cancel',
    'DRAFT or ORDERED → CANCELLED, releasing the incoming quantities',
  ))();

export const cancelPurchaseOrderDocs = /* @__PURE__ */ (() => transitionDocs(cancelPurchaseOrderRoute))();

export const receivePurchaseOrderRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'receivePurchaseOrder',
    method: 'POST',
    path: '/purchase-orders/{purchaseOrderId}/receive',
    summary: 'Book a delivery against an ORDERED or PARTIALLY_RECEIVED purchase order',
    tag,
    access: 'purchasing:write',
    params: PurchaseOrderParams,
    body: ReceivePurchaseOrderBody,
  }))();

export const receivePurchaseOrderDocs = /* @__PURE__ */ (() =>
  documentRoute(receivePurchaseOrderRoute, {
    responses: {
      200: {
        description: 'The purchase order after the receipt.',
        schema: PurchaseOrderSchema,
        headers: ['etag'],
      },
    },
    errors: [
      404,
      { type: InvalidStateError, when: 'The purchase order is neither ORDERED nor PARTIALLY_RECEIVED.' },
      { status: 409, when: 'The purchase order changed meanwhile: read it again and retry.' },
    ],
  }))();
