import { defineRoute, documentRoute } from '../http/route.js';
import {
  AdjustmentBody,
  AdjustmentResultSchema,
  InventoryLevelSchema,
  InventoryPage,
  ListInventoryQuery,
  MovementPage,
  PageQuery,
  ProductParams,
  ReorderRuleSchema,
  StocktakeBody,
  StocktakePage,
  StocktakeParams,
  StocktakeRecordSchema,
  StocktakeResultSchema,
  StoreParams,
  StoreSkuParams,
} from './inventory-schemas.js';
import { InsufficientStockError } from './stock-change.js';

const tag = 'Inventory';

export const listStoreInventoryRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listStoreInventory',
    method: 'GET',
    path: '/stores/{storeId}/inventory',
    summary: 'List a store’s stock levels by SKU, or those at or below their reorder point',
    tag,
    access: 'inventory:read',
    params: StoreParams,
    query: ListInventoryQuery,
  }))();

export const listStoreInventoryDocs = /* @__PURE__ */ (() =>
  documentRoute(listStoreInventoryRoute, {
    responses: { 200: { description: 'A page of stock levels.', schema: InventoryPage } },
    errors: [404],
  }))();

export const getInventoryLevelRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getInventoryLevel',
    method: 'GET',
    path: '/stores/{storeId}/inventory/{sku}',
    summary: 'Get the stock level of one SKU at a store (zeros if never stocked there)',
    tag,
    access: 'inventory:read',
    params: StoreSkuParams,
  }))();

export const getInventoryLevelDocs = /* @__PURE__ */ (() =>
  documentRoute(getInventoryLevelRoute, {
    responses: {
      200: { description: 'The stock level.', schema: InventoryLevelSchema, optionalHeaders: ['etag'] },
    },
    errors: [404],
  }))();

export const listProductInventoryRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listProductInventory',
    method: 'GET',
    path: '/products/{productId}/inventory',
    summary: 'List a product’s stock levels across the stores the caller may see',
    tag,
    access: 'inventory:read',
    params: ProductParams,
    query: PageQuery,
  }))();

export const listProductInventoryDocs = /* @__PURE__ */ (() =>
  documentRoute(listProductInventoryRoute, {
    responses: { 200: { description: 'A page of stock levels, by store then SKU.', schema: InventoryPage } },
    errors: [404],
  }))();

export const adjustInventoryRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'adjustInventory',
    method: 'POST',
    path: '/stores/{storeId}/inventory/{sku}/adjustments',
    summary: 'Adjust stock for a reason (staff: received, damaged, correction only)',
    tag,
    access: 'inventory:adjust',
    params: StoreSkuParams,
    body: AdjustmentBody,
  }))();

export const adjustInventoryDocs = /* @__PURE__ */ (() =>
  documentRoute(adjustInventoryRoute, {
    responses: {
      201: {
        description: 'The new level and the movement recorded.',
        schema: AdjustmentResultSchema,
        headers: ['etag'],
      },
    },
    errors: [404, InsufficientStockError],
  }))();

export const listMovementsRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listInventoryMovements',
    method: 'GET',
    path: '/stores/{storeId}/inventory/{sku}/movements',
    summary: 'List the stock movements of one SKU at a store, newest first',
    tag,
    access: 'inventory:read',
    params: StoreSkuParams,
    query: PageQuery,
  }))();

export const listMovementsDocs = /* @__PURE__ */ (() =>
  documentRoute(listMovementsRoute, {
    responses: { 200: { description: 'A page of movements.', schema: MovementPage } },
    errors: [404],
  }))();

export const submitStocktakeRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'submitStocktake',
    method: 'POST',
    path: '/stores/{storeId}/stocktakes',
    summary: 'Record counted quantities; lines whose on-hand changed come back as conflicts',
    tag,
    access: 'inventory:count',
    params: StoreParams,
    body: StocktakeBody,
  }))();

export const submitStocktakeDocs = /* @__PURE__ */ (() =>
  documentRoute(submitStocktakeRoute, {
    responses: {
      201: { description: 'Lines applied and lines in conflict.', schema: StocktakeResultSchema },
    },
    errors: [404],
  }))();

export const setReorderRuleRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'setReorderRule',
    method: 'PUT',
    path: '/stores/{storeId}/inventory/{sku}/reorder-rule',
    summary: 'Set the reorder point and quantity of a SKU at a store (admin, manager)',
    tag,
    access: 'inventory:configure',
    params: StoreSkuParams,
    body: ReorderRuleSchema,
  }))();

export const setReorderRuleDocs = /* @__PURE__ */ (() =>
  documentRoute(setReorderRuleRoute, {
    responses: {
      200: { description: 'The level with its rule.', schema: InventoryLevelSchema, headers: ['etag'] },
    },
    errors: [404, { status: 409, when: 'The level of this SKU belongs to another product.' }],
  }))();

export const removeReorderRuleRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'removeReorderRule',
    method: 'DELETE',
    path: '/stores/{storeId}/inventory/{sku}/reorder-rule',
    summary:
      'Remove the reorder rule of a SKU at a store, taking it off the reorder watch list (admin, manager)',
    tag,
    access: 'inventory:configure',
    params: StoreSkuParams,
  }))();

export const removeReorderRuleDocs = /* @__PURE__ */ (() =>
  documentRoute(removeReorderRuleRoute, {
    responses: {
      200: { description: 'The level without a rule.', schema: InventoryLevelSchema, headers: ['etag'] },
    },
    errors: [404],
  }))();

export const listStocktakesRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listStocktakes',
    method: 'GET',
    path: '/stores/{storeId}/stocktakes',
    summary: 'A store’s stocktakes, newest first, with their variances and conflicts',
    tag,
    access: 'inventory:read',
    params: StoreParams,
    query: PageQuery,
  }))();

export const listStocktakesDocs = /* @__PURE__ */ (() =>
  documentRoute(listStocktakesRoute, {
    responses: { 200: { description: 'A page of stocktakes.', schema: StocktakePage } },
    errors: [404],
  }))();

export const getStocktakeRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getStocktake',
    method: 'GET',
    path: '/stores/{storeId}/stocktakes/{stocktakeId}',
    summary: 'One stocktake: lines applied with their variance, lines in conflict, who and why',
    tag,
    access: 'inventory:read',
    params: StocktakeParams,
  }))();

export const getStocktakeDocs = /* @__PURE__ */ (() =>
  documentRoute(getStocktakeRoute, {
    responses: { 200: { description: 'The stocktake.', schema: StocktakeRecordSchema } },
    errors: [404],
  }))();
