import { encodeTime, ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import { canAccessStore } from '../auth/store-scope.js';
import type { SystemActor } from '../db/item-meta.js';
import { newItemMeta } from '../db/item-meta.js';
import { orderKeys } from '../db/keys.js';
import { getItem, type Page } from '../db/query-page.js';
import { assertVersion } from '../db/versioned-write.js';
import {
  ConflictError,
  defineProblem,
  documentProblem,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../errors.js';
import { CustomerErasedError } from './customer-erased-error.js';
import { assertStoreExists, getCustomer, getCustomerRecord } from './customer-service.js';
import { findFeedback, insertFeedback, queryFeedback, replaceFeedback } from './feedback-repository.js';
import type {
  CreateFeedbackInput,
  Feedback,
  ListFeedbackQuery,
  ResolveFeedbackInput,
} from './feedback-schemas.js';

export class FeedbackAlreadyResolvedError extends ConflictError {
  static override readonly problem = defineProblem({
    slug: 'feedback-already-resolved',
    status: 409,
    title: 'Feedback already resolved',
  });
}

/** What `FeedbackAlreadyResolvedError` means, for the problem catalog and the OpenAPI document only. */
export const feedbackAlreadyResolvedErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(FeedbackAlreadyResolvedError, {
    description: 'The feedback was resolved before; it is resolved once and never reopened.',
  }))();

const isPrincipal = (actor: Principal | SystemActor): actor is Principal => 'role' in actor;

/**
 * The store feedback is about. Naming an order makes it the order's store: the order must be
 * this customer's and at a store the caller may see (otherwise, like an order that does not
 * exist, 400 naming `body.orderId`, so nothing about other stores' orders leaks), and a
 * `storeId` sent with it must agree. Orders are never deleted and never change customer or
 * store, so this read cannot go stale before the write (no ConditionCheck needed).
 */
const storeOfFeedback = async (
  actor: Principal | SystemActor,
  customerId: string,
  input: CreateFeedbackInput,
): Promise<string | undefined> => {
  if (input.orderId === undefined) {
    await assertStoreExists(input.storeId, 'body.storeId');
    return input.storeId;
  }
  const order = await getItem(orderKeys.item(input.orderId));
  const storeId = typeof order?.storeId === 'string' ? order.storeId : undefined;
  if (!storeId || order?.customerId !== customerId || (isPrincipal(actor) && !canAccessStore(actor, storeId)))
    throw new ValidationError([
      { path: 'body.orderId', message: `Customer ${customerId} has no order ${input.orderId} you can see.` },
    ]);
  if (input.storeId !== undefined && input.storeId !== storeId)
    throw new ValidationError([
      {
        path: 'body.storeId',
        message: `Order ${input.orderId} was placed at ${storeId}; send that store or leave storeId out.`,
      },
    ]);
  return storeId;
};

/** Feedback is opened `open` and resolved once; it is never reopened or deleted. */
export const createFeedback = async (
  actor: Principal | SystemActor,
  customerId: string,
  input: CreateFeedbackInput,
  now = new Date(),
  options: { randomPart?: string } = {},
): Promise<Feedback> => {
  await getCustomer(customerId);
  const storeId = await storeOfFeedback(actor, customerId, input);
  // The ULID carries `now`, so the item's key can be derived from the id (feedback-repository.ts).
  // Seed data fixes the random part to get stable ids.
  const id = options.randomPart
    ? `${encodeTime(now.getTime(), 10)}${options.randomPart}`
    : ulid(now.getTime());
  const feedback: Feedback = {
    feedbackId: `fb_${id.toLowerCase()}`,
    customerId,
    ...input,
    ...(storeId ? { storeId } : {}),
    status: 'open',
    ...newItemMeta(actor, now),
  };
  await insertFeedback(feedback);
  return feedback;
};

/** Feedback outlives the customer's erasure (without its text), so an erased customer's is listed. */
export const listFeedback = async (customerId: string, query: ListFeedbackQuery): Promise<Page<Feedback>> => {
  await getCustomerRecord(customerId);
  return queryFeedback({
    customerId,
    ...(query.status ? { status: query.status } : {}),
    limit: query.limit,
    cursor: query.cursor,
  });
};

/** Store-scoped callers (staff, managers) resolve only feedback about one of their stores, or about none. */
export const resolveFeedback = async (
  principal: Principal,
  customerId: string,
  feedbackId: string,
  input: ResolveFeedbackInput,
  expectedVersion: number,
  now = new Date(),
): Promise<Feedback> => {
  const current = await findFeedback(customerId, feedbackId);
  if (!current)
    throw new NotFoundError({ detail: `Feedback ${feedbackId} was not found for customer ${customerId}.` });
  if (current.storeId && !canAccessStore(principal, current.storeId))
    throw new ForbiddenError({
      detail: `This feedback is about store ${current.storeId}; only that store may resolve it.`,
    });
  if (current.erasedAt) throw new CustomerErasedError(customerId, current.erasedAt);
  assertVersion(`Feedback ${feedbackId}`, current, expectedVersion);
  if (current.status === 'resolved')
    throw new FeedbackAlreadyResolvedError({
      detail: `Feedback ${feedbackId} was already resolved on ${current.resolvedAt} by ${current.resolvedBy}.`,
    });
  const next: Feedback = {
    ...current,
    status: 'resolved',
    resolution: input.resolution,
    resolvedAt: now.toISOString(),
    resolvedBy: principal.userId,
    version: current.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: principal.userId,
  };
  await replaceFeedback(current, next);
  return next;
};
