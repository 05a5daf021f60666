import { InvalidStateError } from '../db/status-transition.js';
import { IdempotencyHeaders, OptionalIdempotencyHeaders } from '../http/common-schemas.js';
import { defineRoute, documentRoute } from '../http/route.js';
import { InsufficientStockError } from '../inventory/stock-change.js';
import { InsufficientPointsError } from '../loyalty/points.js';
import { PromotionExhaustedError } from '../promotions/pricing.js';
import * as z from '../zod.js';
import {
  PaymentExceedsDueError,
  RefundExceedsPaidError,
  RefundExceedsSoldError,
  StoreClosedError,
} from './order-errors.js';
import {
  CancelOrderBody,
  CreateOrderBody,
  CustomerOrdersParams,
  FulfilOrderBody,
  ListCustomerOrdersQuery,
  ListStoreOrdersQuery,
  OrderDetailSchema,
  OrderParams,
  OrderSummaryPage,
  RecordPaymentBody,
  RefundOrderBody,
  StoreOrdersParams,
} from './order-schemas.js';
import { ReceiptSchema } from './receipt-schemas.js';

const tag = 'Orders';
const theOrder = { description: 'The order with its payments and refunds.', schema: OrderDetailSchema };

export const createOrderRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'createOrder',
    method: 'POST',
    path: '/orders',
    summary: 'Place an order: reserve stock at catalog prices with promotions and points (idempotent)',
    tag,
    access: 'orders:write',
    headers: IdempotencyHeaders,
    body: CreateOrderBody,
  }))();

export const createOrderDocs = /* @__PURE__ */ (() =>
  documentRoute(createOrderRoute, {
    responses: {
      201: { ...theOrder, description: 'The new order, awaiting payment.', headers: ['etag', 'location'] },
      200: {
        ...theOrder,
        description: 'A retry with the same Idempotency-Key and body: the order it first created.',
        headers: ['etag', 'location'],
      },
    },
    errors: [
      404,
      InsufficientStockError,
      StoreClosedError,
      PromotionExhaustedError,
      InsufficientPointsError,
      { status: 409, when: 'A request with this Idempotency-Key is still running: retry.' },
    ],
  }))();

export const getOrderRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getOrder',
    method: 'GET',
    path: '/orders/{orderId}',
    summary: 'Get an order with its payments and refunds',
    tag,
    access: 'orders:read',
    params: OrderParams,
  }))();

export const getOrderDocs = /* @__PURE__ */ (() =>
  documentRoute(getOrderRoute, {
    responses: { 200: { ...theOrder, headers: ['etag'] } },
    errors: [404],
  }))();

export const listStoreOrdersRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listStoreOrders',
    method: 'GET',
    path: '/stores/{storeId}/orders',
    summary: 'List a store’s orders, newest first, by status and creation time',
    tag,
    access: 'orders:read',
    params: StoreOrdersParams,
    query: ListStoreOrdersQuery,
  }))();

export const listStoreOrdersDocs = /* @__PURE__ */ (() =>
  documentRoute(listStoreOrdersRoute, {
    responses: { 200: { description: 'A page of orders.', schema: OrderSummaryPage } },
    errors: [404],
  }))();

export const listCustomerOrdersRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listCustomerOrders',
    method: 'GET',
    path: '/customers/{customerId}/orders',
    summary: 'List a customer’s orders, newest first (managers and staff: their stores’ only)',
    tag,
    access: 'orders:read',
    params: CustomerOrdersParams,
    query: ListCustomerOrdersQuery,
  }))();

export const listCustomerOrdersDocs = /* @__PURE__ */ (() =>
  documentRoute(listCustomerOrdersRoute, {
    responses: {
      200: {
        description: 'A page of orders; may be short for store-scoped callers.',
        schema: OrderSummaryPage,
      },
    },
    errors: [],
  }))();

export const recordPaymentRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'recordOrderPayment',
    method: 'POST',
    path: '/orders/{orderId}/payments',
    summary:
      'Record a payment; the one that clears the balance makes the order PAID (send an Idempotency-Key)',
    tag,
    access: 'orders:write',
    params: OrderParams,
    headers: OptionalIdempotencyHeaders,
    body: RecordPaymentBody,
  }))();

export const recordPaymentDocs = /* @__PURE__ */ (() =>
  documentRoute(recordPaymentRoute, {
    responses: {
      201: { ...theOrder, headers: ['etag', 'location'] },
      200: {
        ...theOrder,
        description:
          'A retry with the same Idempotency-Key and body: the order now, the payment recorded once.',
        headers: ['etag', 'location'],
      },
    },
    errors: [
      404,
      { type: InvalidStateError, when: 'The order is not PENDING_PAYMENT.' },
      PaymentExceedsDueError,
      { status: 409, when: 'A request with this Idempotency-Key is still running: retry.' },
    ],
  }))();

export const fulfilOrderRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'fulfilOrder',
    method: 'POST',
    path: '/orders/{orderId}/fulfil',
    summary: 'Hand over or ship a paid order (PAID → FULFILLED); its stock leaves the store',
    tag,
    access: 'orders:write',
    params: OrderParams,
    body: FulfilOrderBody,
  }))();

export const fulfilOrderDocs = /* @__PURE__ */ (() =>
  documentRoute(fulfilOrderRoute, {
    responses: { 200: { ...theOrder, headers: ['etag'] } },
    errors: [404, { type: InvalidStateError, when: 'The order is not PAID.' }],
  }))();

export const completeOrderRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'completeOrder',
    method: 'POST',
    path: '/orders/{orderId}/complete',
    summary: 'Complete a fulfilled order (FULFILLED → COMPLETED); the customer earns points',
    tag,
    access: 'orders:write',
    params: OrderParams,
  }))();

export const completeOrderDocs = /* @__PURE__ */ (() =>
  documentRoute(completeOrderRoute, {
    responses: { 200: { ...theOrder, headers: ['etag'] } },
    errors: [404, { type: InvalidStateError, when: 'The order is not FULFILLED.' }],
  }))();

export const cancelOrderRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'cancelOrder',
    method: 'POST',
    path: '/orders/{orderId}/cancel',
    summary:
      'Cancel an unpaid or paid order: stock, promotions and points are given back, payments refunded (with payments: needs orders:refund)',
    tag,
    access: 'orders:write',
    params: OrderParams,
    body: CancelOrderBody,
  }))();

export const cancelOrderDocs = /* @__PURE__ */ (() =>
  documentRoute(cancelOrderRoute, {
    responses: { 200: { ...theOrder, headers: ['etag'] } },
    errors: [
      404,
      { type: InvalidStateError, when: 'The order is past cancelling (fulfilled, completed or cancelled).' },
    ],
  }))();

export const refundOrderRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'refundOrder',
    method: 'POST',
    path: '/orders/{orderId}/refunds',
    summary: 'Refund money and returned units of a fulfilled or completed order (send an Idempotency-Key)',
    tag,
    access: 'orders:refund',
    params: OrderParams,
    headers: OptionalIdempotencyHeaders,
    body: RefundOrderBody,
  }))();

export const refundOrderDocs = /* @__PURE__ */ (() =>
  documentRoute(refundOrderRoute, {
    responses: {
      201: { ...theOrder, headers: ['etag', 'location'] },
      200: {
        ...theOrder,
        description: 'A retry with the same Idempotency-Key and body: the order now, the refund made once.',
        headers: ['etag', 'location'],
      },
    },
    errors: [
      404,
      { type: InvalidStateError, when: 'The order is neither FULFILLED nor COMPLETED.' },
      RefundExceedsPaidError,
      RefundExceedsSoldError,
      { status: 409, when: 'A request with this Idempotency-Key is still running: retry.' },
    ],
  }))();

export const getOrderReceiptRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getOrderReceipt',
    method: 'GET',
    path: '/orders/{orderId}/receipt',
    summary:
      'The receipt (tax invoice) of a paid order: JSON, or 42-column plain text for a receipt printer with `Accept: text/plain`',
    tag,
    access: 'orders:read',
    params: OrderParams,
    headers: z.object({
      accept: z
        .optional(z.string().check(z.maxLength(1000)))
        .clone()
        .register(z.globalRegistry, { description: '`text/plain` for the printable receipt.' }),
    }),
  }))();

export const getOrderReceiptDocs = /* @__PURE__ */ (() =>
  documentRoute(getOrderReceiptRoute, {
    responses: {
      200: {
        description: 'The receipt; as `text/plain; charset=utf-8` when the caller prefers it.',
        schema: ReceiptSchema,
        otherMediaTypes: {
          'text/plain': z.string().clone().register(z.globalRegistry, {
            description: 'The receipt laid out 42 columns wide for a printer.',
          }),
        },
      },
    },
    errors: [
      { status: 404, when: 'No such order in your stores, or the order has no receipt yet (not paid).' },
    ],
  }))();
