import { IdempotencyHeaders } from '../http/common-schemas.js';
import { defineRoute, documentRoute } from '../http/route.js';
import { InsufficientPointsError } from '../loyalty/points.js';
import {
  PointsAdjustmentBody,
  PointsAdjustmentResultSchema,
  PointsQuery,
  PointsStatementSchema,
} from '../loyalty/points-schemas.js';
import { CustomerErasedError } from './customer-erased-error.js';
import {
  CreateCustomerBody,
  CustomerMatches,
  CustomerParams,
  CustomerSchema,
  FindCustomersQuery,
  UpdateCustomerBody,
} from './customer-schemas.js';
import {
  CreateFeedbackBody,
  FeedbackPage,
  FeedbackParams,
  FeedbackSchema,
  ListFeedbackQuery,
  ResolveFeedbackBody,
} from './feedback-schemas.js';
import { FeedbackAlreadyResolvedError } from './feedback-service.js';

const tag = 'Customers';

export const createCustomerRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'createCustomer',
    method: 'POST',
    path: '/customers',
    summary: 'Register a customer; email and phone are unique (admin, manager, staff)',
    tag,
    access: 'customers:write',
    body: CreateCustomerBody,
  }))();

export const createCustomerDocs = /* @__PURE__ */ (() =>
  documentRoute(createCustomerRoute, {
    responses: {
      201: { description: 'The new customer.', schema: CustomerSchema, headers: ['etag', 'location'] },
    },
    errors: [{ status: 409, when: 'Another customer has this email or phone (`errors` names the field).' }],
  }))();

export const findCustomersRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'findCustomers',
    method: 'GET',
    path: '/customers',
    summary: 'Find a customer by exactly one of email or phone',
    tag,
    access: 'customers:read',
    query: FindCustomersQuery,
  }))();

export const findCustomersDocs = /* @__PURE__ */ (() =>
  documentRoute(findCustomersRoute, {
    responses: { 200: { description: 'The matching customer, or none.', schema: CustomerMatches } },
    errors: [],
  }))();

export const getCustomerRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getCustomer',
    method: 'GET',
    path: '/customers/{customerId}',
    summary: 'Get one customer',
    tag,
    access: 'customers:read',
    params: CustomerParams,
  }))();

export const getCustomerDocs = /* @__PURE__ */ (() =>
  documentRoute(getCustomerRoute, {
    responses: { 200: { description: 'The customer.', schema: CustomerSchema, headers: ['etag'] } },
    errors: [404, CustomerErasedError],
  }))();

export const updateCustomerRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'updateCustomer',
    method: 'PATCH',
    path: '/customers/{customerId}',
    summary: 'Change a customer; `null` clears an optional field; the points balance is read-only',
    tag,
    access: 'customers:write',
    params: CustomerParams,
    body: UpdateCustomerBody,
    requiresIfMatch: true,
  }))();

export const updateCustomerDocs = /* @__PURE__ */ (() =>
  documentRoute(updateCustomerRoute, {
    responses: { 200: { description: 'The changed customer.', schema: CustomerSchema, headers: ['etag'] } },
    errors: [
      404,
      CustomerErasedError,
      { status: 409, when: 'Another customer has this email or phone (`errors` names the field).' },
    ],
  }))();

export const createFeedbackRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'createFeedback',
    method: 'POST',
    path: '/customers/{customerId}/feedback',
    summary: 'Record feedback from a customer (opened as `open`)',
    tag,
    access: 'customers:write',
    params: CustomerParams,
    body: CreateFeedbackBody,
  }))();

export const createFeedbackDocs = /* @__PURE__ */ (() =>
  documentRoute(createFeedbackRoute, {
    responses: {
      201: { description: 'The new feedback.', schema: FeedbackSchema, headers: ['etag', 'location'] },
    },
    errors: [404, CustomerErasedError],
  }))();

export const listFeedbackRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listFeedback',
    method: 'GET',
    path: '/customers/{customerId}/feedback',
    summary: 'A customer’s feedback, newest first, optionally by status',
    tag,
    access: 'customers:read',
    params: CustomerParams,
    query: ListFeedbackQuery,
  }))();

export const listFeedbackDocs = /* @__PURE__ */ (() =>
  documentRoute(listFeedbackRoute, {
    responses: { 200: { description: 'A page of feedback.', schema: FeedbackPage } },
    errors: [404],
  }))();

export const resolveFeedbackRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'resolveFeedback',
    method: 'PATCH',
    path: '/customers/{customerId}/feedback/{feedbackId}',
    summary: 'Resolve feedback (store-scoped callers: only feedback about their store)',
    tag,
    access: 'customers:write',
    params: FeedbackParams,
    body: ResolveFeedbackBody,
    requiresIfMatch: true,
  }))();

export const resolveFeedbackDocs = /* @__PURE__ */ (() =>
  documentRoute(resolveFeedbackRoute, {
    responses: { 200: { description: 'The resolved feedback.', schema: FeedbackSchema, headers: ['etag'] } },
    errors: [404, CustomerErasedError, FeedbackAlreadyResolvedError],
  }))();

export const getPointsRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getCustomerPoints',
    method: 'GET',
    path: '/customers/{customerId}/points',
    summary: 'A customer’s loyalty points balance and ledger, newest first',
    tag,
    access: 'customers:read',
    params: CustomerParams,
    query: PointsQuery,
  }))();

export const getPointsDocs = /* @__PURE__ */ (() =>
  documentRoute(getPointsRoute, {
    responses: {
      200: { description: 'The balance and a page of ledger entries.', schema: PointsStatementSchema },
    },
    errors: [404],
  }))();

export const adjustPointsRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'adjustCustomerPoints',
    method: 'POST',
    path: '/customers/{customerId}/points/adjustments',
    summary: 'Add or take loyalty points by hand, with a note for the ledger (admin, manager; idempotent)',
    tag,
    access: 'loyalty:adjust',
    params: CustomerParams,
    headers: IdempotencyHeaders,
    body: PointsAdjustmentBody,
  }))();

export const adjustPointsDocs = /* @__PURE__ */ (() =>
  documentRoute(adjustPointsRoute, {
    responses: {
      201: {
        description: 'The ledger entry and the balance after it.',
        schema: PointsAdjustmentResultSchema,
      },
      200: {
        description: 'A retry with the same Idempotency-Key and body: the adjustment it first made.',
        schema: PointsAdjustmentResultSchema,
      },
    },
    errors: [
      404,
      CustomerErasedError,
      InsufficientPointsError,
      { status: 409, when: 'A request with this Idempotency-Key is still running: retry.' },
    ],
  }))();
