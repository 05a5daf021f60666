import { defineRoute, documentRoute } from '../http/route.js';
import { OrderSummaryPage } from '../orders/order-schemas.js';
import {
  ListOrdersQuery,
  SalesReport,
  SalesReportQuery,
  StockReport,
  StockReportQuery,
  TakingsReport,
  TakingsReportQuery,
} from './report-schemas.js';

const storeNotFound = {
  status: 404,
  when: 'The store does not exist or is not one of the caller’s.',
} as const;

export const salesReportRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getSalesReport',
    method: 'GET',
    path: '/reports/sales',
    summary:
      'Sales over UTC days (orders, units, gross, discounts, net, refunds, cost, margin, average basket) by day, store, region, category or channel',
    tag: 'Reports',
    access: 'reports:read',
    query: SalesReportQuery,
  }))();

export const salesReportDocs = /* @__PURE__ */ (() =>
  documentRoute(salesReportRoute, {
    responses: {
      200: { description: 'Totals per currency and one entry per group and currency.', schema: SalesReport },
    },
    errors: [storeNotFound],
  }))();

export const takingsReportRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getTakingsReport',
    method: 'GET',
    path: '/reports/takings',
    summary:
      'End-of-day cash-up of a UTC day: payments and refunds by method, net and transactions, per store',
    tag: 'Reports',
    access: 'reports:read',
    query: TakingsReportQuery,
  }))();

export const takingsReportDocs = /* @__PURE__ */ (() =>
  documentRoute(takingsReportRoute, {
    responses: {
      200: {
        description: 'One entry per store and currency that took money that day.',
        schema: TakingsReport,
      },
    },
    errors: [storeNotFound],
  }))();

export const stockReportRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getStockReport',
    method: 'GET',
    path: '/reports/stock',
    summary:
      'A store’s stock: value at cost, units, low and out of stock, days of cover from the last 28 days, slow movers, top sellers',
    tag: 'Reports',
    access: 'reports:read',
    query: StockReportQuery,
  }))();

export const stockReportDocs = /* @__PURE__ */ (() =>
  documentRoute(stockReportRoute, {
    responses: { 200: { description: 'The store’s stock report.', schema: StockReport } },
    errors: [storeNotFound],
  }))();

export const listOrdersRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listOrders',
    method: 'GET',
    path: '/orders',
    summary:
      'Orders across the caller’s stores (finance and admin: all), newest first, by status and creation time',
    tag: 'Orders',
    access: 'reports:read',
    query: ListOrdersQuery,
  }))();

export const listOrdersDocs = /* @__PURE__ */ (() =>
  documentRoute(listOrdersRoute, {
    responses: { 200: { description: 'A page of orders, newest first.', schema: OrderSummaryPage } },
    errors: [storeNotFound],
  }))();
