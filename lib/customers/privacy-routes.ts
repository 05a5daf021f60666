import { defineRoute, documentRoute } from '../http/route.js';
import { CustomerParams } from './customer-schemas.js';
import { CustomerErasureSchema, CustomerExportSchema } from './privacy-schemas.js';

/** A data subject's requests: to be forgotten, and to see everything held about them. */
const tag = 'Customers';

export const eraseCustomerRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'eraseCustomer',
    method: 'DELETE',
    path: '/customers/{customerId}',
    summary:
      'Erase a customer’s personal data on request; orders, points and feedback stay under the same id (admin, manager; idempotent)',
    tag,
    access: 'customers:erase',
    params: CustomerParams,
  }))();

export const eraseCustomerDocs = /* @__PURE__ */ (() =>
  documentRoute(eraseCustomerRoute, {
    responses: {
      200: {
        description:
          'Erased: names, email, phone, birth date, prescription, preferences, tags, feedback text and points notes are gone; the email and phone are free to register again. A repeat answers the same and changes nothing.',
        schema: CustomerErasureSchema,
      },
    },
    errors: [404],
  }))();

export const exportCustomerRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'exportCustomer',
    method: 'GET',
    path: '/customers/{customerId}/export',
    summary:
      'Everything held about a customer as one JSON document: profile, feedback, points ledger, orders with payments and refunds (admin, manager)',
    tag,
    access: 'customers:erase',
    params: CustomerParams,
  }))();

export const exportCustomerDocs = /* @__PURE__ */ (() =>
  documentRoute(exportCustomerRoute, {
    responses: {
      200: {
        description:
          'The export. A manager’s holds only their stores’ orders (`ordersScope`); an erased customer’s shows what erasure kept.',
        schema: CustomerExportSchema,
        headers: ['cache-control'],
      },
    },
    errors: [404],
  }))();
