import { defineRoute, documentRoute } from '../http/route.js';
import {
  CreatePromotionBody,
  ListPromotionsQuery,
  PromotionPage,
  PromotionParams,
  PromotionSchema,
  UpdatePromotionBody,
} from './promotion-schemas.js';

const tag = 'Promotions';

export const createPromotionRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'createPromotion',
    method: 'POST',
    path: '/promotions',
    summary: 'Create a promotion (admin; a manager for stores they manage only)',
    tag,
    access: 'promotions:write',
    body: CreatePromotionBody,
  }))();

export const createPromotionDocs = /* @__PURE__ */ (() =>
  documentRoute(createPromotionRoute, {
    responses: {
      201: { description: 'The new promotion.', schema: PromotionSchema, headers: ['etag', 'location'] },
    },
    errors: [
      { status: 409, when: 'Another promotion has this coupon code (`errors` names `body.couponCode`).' },
    ],
  }))();

export const listPromotionsRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listPromotions',
    method: 'GET',
    path: '/promotions',
    summary: 'List promotions by status, ordered by end time (`current=true`: not ended yet)',
    tag,
    access: 'promotions:read',
    query: ListPromotionsQuery,
  }))();

export const listPromotionsDocs = /* @__PURE__ */ (() =>
  documentRoute(listPromotionsRoute, {
    responses: { 200: { description: 'A page of promotions.', schema: PromotionPage } },
    errors: [],
  }))();

export const getPromotionRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getPromotion',
    method: 'GET',
    path: '/promotions/{promotionId}',
    summary: 'Get one promotion',
    tag,
    access: 'promotions:read',
    params: PromotionParams,
  }))();

export const getPromotionDocs = /* @__PURE__ */ (() =>
  documentRoute(getPromotionRoute, {
    responses: { 200: { description: 'The promotion.', schema: PromotionSchema, headers: ['etag'] } },
    errors: [404],
  }))();

export const updatePromotionRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'updatePromotion',
    method: 'PATCH',
    path: '/promotions/{promotionId}',
    summary:
      'Change a promotion; `null` clears an optional field; `type` cannot change (admin, manager of its stores)',
    tag,
    access: 'promotions:write',
    params: PromotionParams,
    body: UpdatePromotionBody,
    requiresIfMatch: true,
  }))();

export const updatePromotionDocs = /* @__PURE__ */ (() =>
  documentRoute(updatePromotionRoute, {
    responses: { 200: { description: 'The changed promotion.', schema: PromotionSchema, headers: ['etag'] } },
    errors: [
      404,
      { status: 409, when: 'Another promotion has this coupon code (`errors` names `body.couponCode`).' },
    ],
  }))();
