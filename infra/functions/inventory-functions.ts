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
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listStoreInventoryRoute }],
  },
  getInventoryLevel: {
    entry: 'functions/inventory/get-inventory-level.ts',
    description: 'Get the stock level of a SKU at a store',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: getInventoryLevelRoute }],
  },
  listProductInventory: {
    entry: 'functions/inventory/list-product-inventory.ts',
    description: 'List a product’s stock levels across the caller’s stores',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listProductInventoryRoute }],
  },
  adjustInventory: {
    entry: 'functions/inventory/adjust-inventory.ts',
    description: 'Adjust stock for a reason, recording a movement',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: adjustInventoryRoute }],
  },
  listInventoryMovements: {
    entry: 'functions/inventory/list-inventory-movements.ts',
    description: 'List the stock movements of a SKU at a store',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listMovementsRoute }],
  },
  submitStocktake: {
    entry: 'functions/inventory/submit-stocktake.ts',
    description: 'Apply counted quantities that still match on-hand',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: submitStocktakeRoute }],
  },
  setReorderRule: {
    entry: 'functions/inventory/set-reorder-rule.ts',
    description: 'Set the reorder rule of a SKU at a store',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: setReorderRuleRoute }],
  },
  removeReorderRule: {
    entry: 'functions/inventory/remove-reorder-rule.ts',
    description: 'Remove the reorder rule of a SKU at a store',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: removeReorderRuleRoute }],
  },
  listStocktakes: {
    entry: 'functions/inventory/list-stocktakes.ts',
    description: 'List a store’s stocktakes, newest first',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listStocktakesRoute }],
  },
  getStocktake: {
    entry: 'functions/inventory/get-stocktake.ts',
    description: 'Get one stocktake with its variances',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: getStocktakeRoute }],
  },
} as const satisfies Record<string, FunctionDefinition>;
