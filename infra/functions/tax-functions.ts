import { createTaxRateRoute, getTaxRateRoute, listTaxRatesRoute } from '../../lib/tax/tax-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

export const taxFunctions = {
  createTaxRate: {
    entry: 'functions/tax/create-tax-rate.ts',
    description: 'Add a tax rate for a region and product category',
    tableAccess: 'read-write',
    routes: [createTaxRateRoute],
  },
  listTaxRates: {
    entry: 'functions/tax/list-tax-rates.ts',
    description: 'List tax rates',
    tableAccess: 'read',
    routes: [listTaxRatesRoute],
  },
  getTaxRate: {
    entry: 'functions/tax/get-tax-rate.ts',
    description: 'Get a tax rate',
    tableAccess: 'read',
    routes: [getTaxRateRoute],
  },
} as const satisfies Record<string, FunctionDefinition>;
