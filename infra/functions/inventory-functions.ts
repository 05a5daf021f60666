import {
  adjustInventoryRoute,
  getInventoryLevelRoute,
  getStocktakeRoute,
  listMovementsRoute,
  listProductInventoryRoute,
  listStocktakesRoute,
  listStoreInventoryRoute,
  removeReorderRuleRoute,
  setReorderRuleRoute,
  submitStocktakeRoute,
} from '../../lib/inventory/inventory-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

export const inventoryFunctions = {
  listStoreInventory: {
    entry: 'functions/inventory/list-store-inventory.ts',
    description: 'List a store’s stock levels, or those below their reorder point',
    tableAccess: 'read',
    routes: [listStoreInventoryRoute],
  },
  getInventoryLevel: {
    entry: 'functions/inventory/get-inventory-level.ts',
    description: 'Get the stock level of a SKU at a store',
    tableAccess: 'read',
    routes: [getInventoryLevelRoute],
  },
  listProductInventory: {
    entry: 'functions/inventory/list-product-inventory.ts',
    description: 'List a product’s stock levels across the caller’s stores',
    tableAccess: 'read',
    routes: [listProductInventoryRoute],
  },
  adjustInventory: {
    entry: 'functions/inventory/adjust-inventory.ts',
    description: 'Adjust stock for a reason, recording a movement',
    tableAccess: 'read-write',
    routes: [adjustInventoryRoute],
  },
  listInventoryMovements: {
    entry: 'functions/inventory/list-inventory-movements.ts',
    description: 'List the stock movements of a SKU at a store',
    tableAccess: 'read',
    routes: [listMovementsRoute],
  },
  submitStocktake: {
    entry: 'functions/inventory/submit-stocktake.ts',
    description: 'Apply counted quantities that still match on-hand',
    tableAccess: 'read-write',
    routes: [submitStocktakeRoute],
  },
  setReorderRule: {
    entry: 'functions/inventory/set-reorder-rule.ts',
    description: 'Set the reorder rule of a SKU at a store',
    tableAccess: 'read-write',
    routes: [setReorderRuleRoute],
  },
  removeReorderRule: {
    entry: 'functions/inventory/remove-reorder-rule.ts',
    description: 'Remove the reorder rule of a SKU at a store',
    tableAccess: 'read-write',
    routes: [removeReorderRuleRoute],
  },
  listStocktakes: {
    entry: 'functions/inventory/list-stocktakes.ts',
    description: 'List a store’s stocktakes, newest first',
    tableAccess: 'read',
    routes: [listStocktakesRoute],
  },
  getStocktake: {
    entry: 'functions/inventory/get-stocktake.ts',
    description: 'Get one stocktake with its variances',
    tableAccess: 'read',
    routes: [getStocktakeRoute],
  },
} as const satisfies Record<string, FunctionDefinition>;
