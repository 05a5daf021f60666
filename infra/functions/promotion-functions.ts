import {
  createPromotionRoute,
  getPromotionRoute,
  listPromotionsRoute,
  updatePromotionRoute,
} from '../../lib/promotions/promotion-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

export const promotionFunctions = {
  createPromotion: {
    entry: 'functions/promotions/create-promotion.ts',
    description: 'Create a promotion',
    tableAccess: 'read-write',
    routes: [createPromotionRoute],
  },
  listPromotions: {
    entry: 'functions/promotions/list-promotions.ts',
    description: 'List promotions by status',
    tableAccess: 'read',
    routes: [listPromotionsRoute],
  },
  getPromotion: {
    entry: 'functions/promotions/get-promotion.ts',
    description: 'Get a promotion',
    tableAccess: 'read',
    routes: [getPromotionRoute],
  },
  updatePromotion: {
    entry: 'functions/promotions/update-promotion.ts',
    description: 'Change a promotion',
    tableAccess: 'read-write',
    routes: [updatePromotionRoute],
  },
} as const satisfies Record<string, FunctionDefinition>;
