import { defineRoute, documentRoute } from '../http/route.js';
import {
  CreateTaxRateBody,
  ListTaxRatesQuery,
  TaxRatePage,
  TaxRateParams,
  TaxRateSchema,
} from './tax-rate-schemas.js';

const tag = 'Tax';

export const createTaxRateRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'createTaxRate',
    method: 'POST',
    path: '/tax-rates',
    summary: 'Add a tax rate for a region and product category from an instant on (admin)',
    tag,
    access: 'tax:write',
    body: CreateTaxRateBody,
  }))();

export const createTaxRateDocs = /* @__PURE__ */ (() =>
  documentRoute(createTaxRateRoute, {
    responses: {
      201: { description: 'The new rate.', schema: TaxRateSchema, headers: ['etag', 'location'] },
    },
    errors: [
      {
        status: 409,
        when: 'The region and category have a rate from this `effectiveFrom` already (`errors` names it).',
      },
    ],
  }))();

export const listTaxRatesRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listTaxRates',
    method: 'GET',
    path: '/tax-rates',
    summary: 'List tax rates by region, category and effective instant',
    tag,
    access: 'tax:read',
    query: ListTaxRatesQuery,
  }))();

export const listTaxRatesDocs = /* @__PURE__ */ (() =>
  documentRoute(listTaxRatesRoute, {
    responses: { 200: { description: 'A page of tax rates.', schema: TaxRatePage } },
    errors: [],
  }))();

export const getTaxRateRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getTaxRate',
    method: 'GET',
    path: '/tax-rates/{taxRateId}',
    summary: 'Get one tax rate',
    tag,
    access: 'tax:read',
    params: TaxRateParams,
  }))();

export const getTaxRateDocs = /* @__PURE__ */ (() =>
  documentRoute(getTaxRateRoute, {
    responses: { 200: { description: 'The tax rate.', schema: TaxRateSchema, headers: ['etag'] } },
    errors: [404],
  }))();
