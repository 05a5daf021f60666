import { ItemMetaSchema, ResourceId } from '../http/common-schemas.js';
import { PointsEntrySchema } from '../loyalty/points-schemas.js';
import { OrderDetailSchema } from '../orders/order-schemas.js';
import * as z from '../zod.js';
import { CustomerSchema } from './customer-schemas.js';
import { FeedbackSchema } from './feedback-schemas.js';

const ErasedAt = /* @__PURE__ */ (() =>
  z.iso
    .datetime()
    .clone()
    .register(z.globalRegistry, { description: 'When the customer’s personal data was erased.' }))();
const ErasedBy = /* @__PURE__ */ (() =>
  z.string().clone().register(z.globalRegistry, { description: 'Who erased it (the caller’s user id).' }))();

/**
 * What is left of a customer after erasure: the pseudonymous id, the points balance (a liability
 * in the books), the erasure mark and the bookkeeping attributes. Names, contacts, birth date,
 * prescription, preferences and tags are gone; marketing is off.
 */
export const ErasedCustomerSchema = /* @__PURE__ */ (() =>
  z
    .object({
      customerId: ResourceId,
      marketingOptIn: z.literal(false),
      tags: z.array(z.string()).check(z.maxLength(0)),
      pointsBalance: z.number().check(z.int(), z.gte(0)),
      erasedAt: ErasedAt,
      erasedBy: ErasedBy,
      ...ItemMetaSchema,
    })
    .clone()
    .register(z.globalRegistry, { id: 'ErasedCustomer' }))();
export type ErasedCustomer = z.output<typeof ErasedCustomerSchema>;

export const CustomerErasureSchema = /* @__PURE__ */ (() =>
  z
    .object({
      customerId: ResourceId,
      status: z.literal('erased'),
      erasedAt: ErasedAt,
      erasedBy: ErasedBy,
    })
    .clone()
    .register(z.globalRegistry, {
      id: 'CustomerErasure',
      description:
        'The customer’s personal data is erased; orders, points and feedback stay under the same id. The same answer on every repeat.',
    }))();
export type CustomerErasure = z.output<typeof CustomerErasureSchema>;

export const CustomerExportSchema = /* @__PURE__ */ (() =>
  z
    .object({
      exportedAt: z.iso.datetime(),
      customer: z.union([CustomerSchema, ErasedCustomerSchema]).clone().register(z.globalRegistry, {
        description: 'The customer as stored; an erased customer shows only what erasure kept.',
      }),
      feedback: z
        .array(FeedbackSchema)
        .clone()
        .register(z.globalRegistry, { description: 'All of the customer’s feedback, newest first.' }),
      points: z.object({
        balance: z.number().check(z.int(), z.gte(0)),
        entries: z
          .array(PointsEntrySchema)
          .clone()
          .register(z.globalRegistry, { description: 'The whole ledger, newest first.' }),
      }),
      orders: z.array(OrderDetailSchema).clone().register(z.globalRegistry, {
        description: 'The customer’s orders with their payments and refunds, newest first.',
      }),
      ordersScope: z
        .union([z.literal('all'), z.array(ResourceId)])
        .clone()
        .register(z.globalRegistry, {
          description:
            '`all`, or the stores whose orders are included: a manager’s export holds only their stores’ orders (an admin’s is complete).',
        }),
    })
    .clone()
    .register(z.globalRegistry, {
      id: 'CustomerExport',
      description: 'Everything the system holds about one customer.',
    }))();
export type CustomerExport = z.output<typeof CustomerExportSchema>;
