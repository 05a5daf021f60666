import { Sku } from '../catalog/product-schemas.js';
import { PaginationQuery, ResourceId } from '../http/common-schemas.js';
import { CreatedRangeQuery, PAYMENT_METHODS } from '../orders/order-schemas.js';
import { ORDER_STATUSES } from '../orders/order-state.js';
import * as z from '../zod.js';
import { addDays, daysBetween, utcDay } from './report-days.js';

/** A UTC day; reports count by the UTC day, as the lake partitions by it. */
const Day = /* @__PURE__ */ (() =>
  z.iso
    .date()
    .clone()
    .register(z.globalRegistry, { description: 'A UTC day, `YYYY-MM-DD`.', example: '2026-03-02' }))();
const Money = /* @__PURE__ */ (() =>
  z
    .number()
    .check(z.int())
    .clone()
    .register(z.globalRegistry, { description: 'Minor units (e.g. cents).' }))();
const Count = /* @__PURE__ */ (() => z.number().check(z.int()))();
const Currency = /* @__PURE__ */ (() => z.string().clone().register(z.globalRegistry, { example: 'AUD' }))();
const Region = /* @__PURE__ */ (() =>
  z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'Use 2–32 lower-case letters, digits or dashes.'))
    .clone()
    .register(z.globalRegistry, { example: 'nsw' }))();

/**
 * The docs of a query parameter whose default is computed when a request is parsed (a day
 * relative to today). The OpenAPI document must not show that default: it would show the day
 * the document was built, stale the next day (and the document is generated and checked in,
 * `npm run contracts:generate`). Its description says what the default is instead.
 */
const computedDefaultDocs = (description: string) => ({
  description,
  override: (context: { jsonSchema: { default?: unknown } }) => {
    delete context.jsonSchema.default;
  },
});

/** A sales report reads days × stores items: a year at most keeps one answer bounded. */
export const MAX_REPORT_DAYS = 366;

export const SALES_GROUPINGS = ['day', 'store', 'region', 'category', 'channel'] as const;
export type SalesGrouping = (typeof SALES_GROUPINGS)[number];

export const SalesReportQuery = /* @__PURE__ */ (() =>
  z
    .strictObject({
      from: z
        ._default(Day, () => addDays(utcDay(new Date()), -6))
        .clone()
        .register(
          z.globalRegistry,
          computedDefaultDocs('First UTC day (inclusive); default six days before today.'),
        ),
      to: z
        ._default(Day, () => utcDay(new Date()))
        .clone()
        .register(
          z.globalRegistry,
          computedDefaultDocs('Last UTC day (inclusive), at most 366 days after `from`; default today.'),
        ),
      storeId: z
        .optional(ResourceId)
        .clone()
        .register(z.globalRegistry, { description: 'One store (else every store of the caller).' }),
      region: z
        .optional(Region)
        .clone()
        .register(z.globalRegistry, { description: 'Only the caller’s stores in this region.' }),
      groupBy: z._default(z.enum(SALES_GROUPINGS), 'day'),
    })
    .check(
      z.superRefine((query, ctx) => {
        const days = daysBetween(query.from, query.to);
        if (days < 0) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Must not be after `to`.' });
        else if (days >= MAX_REPORT_DAYS)
          ctx.addIssue({
            code: 'custom',
            path: ['to'],
            message: `At most ${MAX_REPORT_DAYS} days from \`from\`.`,
          });
      }),
    ))();
export type SalesReportQuery = z.output<typeof SalesReportQuery>;

export const FiguresSchema = /* @__PURE__ */ (() =>
  z
    .object({
      currency: Currency,
      orders: Count.clone().register(z.globalRegistry, {
        description: 'Orders paid in full (a sale counts on the day it was paid).',
      }),
      units: Count.clone().register(z.globalRegistry, { description: 'Units sold.' }),
      gross: Money.clone().register(z.globalRegistry, {
        description: 'Before discounts: net + discounts (tax included).',
      }),
      discounts: Money.clone().register(z.globalRegistry, {
        description: 'Promotions and order-level reductions (points).',
      }),
      net: Money.clone().register(z.globalRegistry, {
        description: 'What customers paid for the sales (tax included).',
      }),
      refunds: Money.clone().register(z.globalRegistry, {
        description: 'Money refunded on the day (tax included), cancellations of paid orders too.',
      }),
      cost: Money.clone().register(z.globalRegistry, {
        description: 'Units sold × unit cost, less the cost of units returned to stock.',
      }),
      margin: Money.clone().register(z.globalRegistry, {
        description: '(net − tax) − (refunds − tax refunded) − cost.',
      }),
      averageBasket: Money.clone().register(z.globalRegistry, {
        description: 'net ÷ orders, rounded; 0 without orders.',
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'ReportFigures' }))();

export const SalesReport = /* @__PURE__ */ (() =>
  z
    .object({
      from: Day,
      to: Day,
      groupBy: z.enum(SALES_GROUPINGS),
      totals: z
        .array(FiguresSchema)
        .clone()
        .register(z.globalRegistry, { description: 'One entry per currency.' }),
      groups: z
        .array(z.extend(FiguresSchema, { key: z.string() }))
        .clone()
        .register(z.globalRegistry, {
          description: 'One entry per group value and currency; groups with nothing are left out.',
        }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'SalesReport' }))();
export type SalesReport = z.output<typeof SalesReport>;

export const TakingsReportQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    date: z
      ._default(Day, () => utcDay(new Date()))
      .clone()
      .register(z.globalRegistry, computedDefaultDocs('The UTC day to cash up; default today.')),
    storeId: z
      .optional(ResourceId)
      .clone()
      .register(z.globalRegistry, { description: 'One store (else every store of the caller).' }),
  }))();
export type TakingsReportQuery = z.output<typeof TakingsReportQuery>;

const MethodTotal = /* @__PURE__ */ (() =>
  z.object({ method: z.enum(PAYMENT_METHODS), amount: Money, count: Count }))();

export const TakingsReport = /* @__PURE__ */ (() =>
  z
    .object({
      date: Day,
      stores: z.array(
        z.object({
          storeId: ResourceId,
          currency: Currency,
          payments: z
            .array(MethodTotal)
            .clone()
            .register(z.globalRegistry, { description: 'Payments taken that day, by method.' }),
          refunds: z.array(MethodTotal).clone().register(z.globalRegistry, {
            description: 'Refunds made that day, by the method they went back to.',
          }),
          net: Money.clone().register(z.globalRegistry, { description: 'Payments − refunds.' }),
          count: Count.clone().register(z.globalRegistry, {
            description: 'Payment and refund transactions.',
          }),
        }),
      ),
    })
    .clone()
    .register(z.globalRegistry, { id: 'TakingsReport' }))();
export type TakingsReport = z.output<typeof TakingsReport>;

export const StockReportQuery = /* @__PURE__ */ (() => z.strictObject({ storeId: ResourceId }))();
export type StockReportQuery = z.output<typeof StockReportQuery>;

export const StockReport = /* @__PURE__ */ (() =>
  z
    .object({
      storeId: ResourceId,
      currency: Currency,
      stockValue: Money.clone().register(z.globalRegistry, {
        description: 'On hand × unit cost, over SKUs costed in `currency`.',
      }),
      units: Count.clone().register(z.globalRegistry, { description: 'Units on hand.' }),
      skus: Count.clone().register(z.globalRegistry, {
        description: 'SKUs with a stock level at the store.',
      }),
      atOrBelowReorderPoint: z.array(
        z.object({ sku: Sku, productId: ResourceId, available: Count, reorderPoint: Count }),
      ),
      outOfStock: z.array(z.object({ sku: Sku, productId: ResourceId })),
      daysOfCover: z.array(
        z.object({
          sku: Sku,
          available: Count,
          soldLast28Days: Count,
          daysOfCover: z.number().clone().register(z.globalRegistry, {
            description: 'available ÷ (net units sold in the last 28 days ÷ 28), one decimal.',
          }),
        }),
      ),
      slowMovers: z.array(
        z.object({
          sku: Sku,
          productId: ResourceId,
          available: Count,
          lastSoldAt: z
            .optional(z.iso.datetime())
            .clone()
            .register(z.globalRegistry, { description: 'Absent: never sold here.' }),
        }),
      ),
      topSellers: z.array(z.object({ sku: Sku, productId: ResourceId, units: Count, net: Money })),
    })
    .clone()
    .register(z.globalRegistry, { id: 'StockReport' }))();
export type StockReport = z.output<typeof StockReport>;

export const ListOrdersQuery = /* @__PURE__ */ (() =>
  z
    .strictObject({
      ...CreatedRangeQuery,
      status: z.optional(z.enum(ORDER_STATUSES)),
      storeId: z
        .optional(ResourceId)
        .clone()
        .register(z.globalRegistry, { description: 'One store (else every store of the caller).' }),
      ...PaginationQuery,
    })
    .check(
      z.refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
        path: ['from'],
        message: 'Must not be after `to`.',
      }),
    ))();
export type ListOrdersQuery = z.output<typeof ListOrdersQuery>;
