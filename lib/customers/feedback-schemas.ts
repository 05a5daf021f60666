import * as z from 'zod';
import {
  ItemMetaSchema,
  multiLineText,
  PaginationQuery,
  pageOf,
  ResourceId,
} from '../http/common-schemas.js';

export const FEEDBACK_KINDS = ['complaint', 'compliment', 'suggestion', 'question'] as const;
export const FEEDBACK_STATUSES = ['open', 'resolved'] as const;

const Text = multiLineText({ max: 2000 });

export const CreateFeedbackBody = z
  .strictObject({
    kind: z.enum(FEEDBACK_KINDS),
    message: Text,
    orderId: ResourceId.optional().meta({
      description:
        'The order it is about, if any: one of this customer’s orders at a store you can see. The feedback is then about that order’s store.',
    }),
    storeId: ResourceId.optional().meta({
      description:
        'The store it is about; only that store may resolve it. Taken from the order when `orderId` is sent (a different store is 400).',
    }),
  })
  .meta({ id: 'CreateFeedback' });
export type CreateFeedbackInput = z.output<typeof CreateFeedbackBody>;

export const ResolveFeedbackBody = z
  .strictObject({ status: z.literal('resolved'), resolution: Text })
  .meta({ id: 'ResolveFeedback' });
export type ResolveFeedbackInput = z.output<typeof ResolveFeedbackBody>;

export const FeedbackSchema = z
  .object({
    feedbackId: ResourceId,
    customerId: ResourceId,
    kind: z.enum(FEEDBACK_KINDS),
    message: z.string().optional().meta({
      description: 'What the customer said; absent once the customer’s personal data was erased.',
    }),
    orderId: ResourceId.optional(),
    storeId: ResourceId.optional(),
    status: z.enum(FEEDBACK_STATUSES),
    resolution: z.string().optional().meta({ description: 'How it was resolved; absent once erased.' }),
    resolvedAt: z.iso.datetime().optional(),
    resolvedBy: z.string().optional(),
    erasedAt: z.iso.datetime().optional().meta({
      description: 'When the text (`message`, `resolution`) was erased with the customer’s personal data.',
    }),
    ...ItemMetaSchema,
  })
  .meta({ id: 'Feedback' });
export type Feedback = z.output<typeof FeedbackSchema>;

export const FeedbackPage = pageOf(FeedbackSchema, 'FeedbackPage');
export const FeedbackParams = z.strictObject({ customerId: ResourceId, feedbackId: ResourceId });
export const ListFeedbackQuery = z.strictObject({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  ...PaginationQuery,
});
export type ListFeedbackQuery = z.output<typeof ListFeedbackQuery>;
