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
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: createPromotionRoute }],
  },
  listPromotions: {
    entry: 'functions/promotions/list-promotions.ts',
    description: 'List promotions by status',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listPromotionsRoute }],
  },
  getPromotion: {
    entry: 'functions/promotions/get-promotion.ts',
    description: 'Get a promotion',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: getPromotionRoute }],
  },
  updatePromotion: {
    entry: 'functions/promotions/update-promotion.ts',
    description: 'Change a promotion',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: updatePromotionRoute }],
  },
} as const satisfies Record<string, FunctionDefinition>;
