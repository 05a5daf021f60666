import { createTaxRateRoute, getTaxRateRoute, listTaxRatesRoute } from '../../lib/tax/tax-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

export const taxFunctions = {
  createTaxRate: {
    entry: 'functions/tax/create-tax-rate.ts',
    description: 'Add a tax rate for a region and product category',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: createTaxRateRoute }],
  },
  listTaxRates: {
    entry: 'functions/tax/list-tax-rates.ts',
    description: 'List tax rates',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listTaxRatesRoute }],
  },
  getTaxRate: {
    entry: 'functions/tax/get-tax-rate.ts',
    description: 'Get a tax rate',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: getTaxRateRoute }],
  },
} as const satisfies Record<string, FunctionDefinition>;
