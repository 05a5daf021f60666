import {
  ItemMetaSchema,
  multiLineText,
  PaginationQuery,
  pageOf,
  ResourceId,
} from '../http/common-schemas.js';
import * as z from '../zod.js';

export const FEEDBACK_KINDS = ['complaint', 'compliment', 'suggestion', 'question'] as const;
export const FEEDBACK_STATUSES = ['open', 'resolved'] as const;

const Text = /* @__PURE__ */ (() => multiLineText({ max: 2000 }))();

export const CreateFeedbackBody = /* @__PURE__ */ (() =>
  z
    .strictObject({
      kind: z.enum(FEEDBACK_KINDS),
      message: Text,
      orderId: z.optional(ResourceId).clone().register(z.globalRegistry, {
        description:
          'The order it is about, if any: one of this customer’s orders at a store you can see. The feedback is then about that order’s store.',
      }),
      storeId: z.optional(ResourceId).clone().register(z.globalRegistry, {
        description:
          'The store it is about; only that store may resolve it. Taken from the order when `orderId` is sent (a different store is 400).',
      }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreateFeedback' }))();
export type CreateFeedbackInput = z.output<typeof CreateFeedbackBody>;

export const ResolveFeedbackBody = /* @__PURE__ */ (() =>
  z
    .strictObject({ status: z.literal('resolved'), resolution: Text })
    .clone()
    .register(z.globalRegistry, { id: 'ResolveFeedback' }))();
export type ResolveFeedbackInput = z.output<typeof ResolveFeedbackBody>;

export const FeedbackSchema = /* @__PURE__ */ (() =>
  z
    .object({
      feedbackId: ResourceId,
      customerId: ResourceId,
      kind: z.enum(FEEDBACK_KINDS),
      message: z.optional(z.string()).clone().register(z.globalRegistry, {
        description: 'What the customer said; absent once the customer’s personal data was erased.',
      }),
      orderId: z.optional(ResourceId),
      storeId: z.optional(ResourceId),
      status: z.enum(FEEDBACK_STATUSES),
      resolution: z
        .optional(z.string())
        .clone()
        .register(z.globalRegistry, { description: 'How it was resolved; absent once erased.' }),
      resolvedAt: z.optional(z.iso.datetime()),
      resolvedBy: z.optional(z.string()),
      erasedAt: z.optional(z.iso.datetime()).clone().register(z.globalRegistry, {
        description: 'When the text (`message`, `resolution`) was erased with the customer’s personal data.',
      }),
      ...ItemMetaSchema,
    })
    .clone()
    .register(z.globalRegistry, { id: 'Feedback' }))();
export type Feedback = z.output<typeof FeedbackSchema>;

export const FeedbackPage = /* @__PURE__ */ (() => pageOf(FeedbackSchema, 'FeedbackPage'))();
export const FeedbackParams = /* @__PURE__ */ (() =>
  z.strictObject({ customerId: ResourceId, feedbackId: ResourceId }))();
export const ListFeedbackQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    status: z.optional(z.enum(FEEDBACK_STATUSES)),
    ...PaginationQuery,
  }))();
export type ListFeedbackQuery = z.output<typeof ListFeedbackQuery>;
