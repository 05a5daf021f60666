import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import { canAccessStore } from '../auth/store-scope.js';
import type { SystemActor } from '../db/item-meta.js';
import type { Page } from '../db/query-page.js';
import { assertVersion } from '../db/versioned-write.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { phaseOf } from './promotion-eligibility.js';
import { assertPromotionReferences } from './promotion-references.js';
import { findPromotion, insertPromotion, queryPromotions, replacePromotion } from './promotion-repository.js';
import { promotionRuleIssues } from './promotion-rules.js';
import {
  CLEARABLE_PROMOTION_FIELDS,
  type CreatePromotionInput,
  type ListPromotionsQuery,
  type Promotion,
  type PromotionView,
  type UpdatePromotionInput,
} from './promotion-schemas.js';

export const newPromotionId = (): string => `pm_${ulid().toLowerCase()}`;

const isPrincipal = (actor: Principal | SystemActor): actor is Principal => 'role' in actor;

const notFound = (promotionId: string) =>
  new NotFoundError({ detail: `Promotion ${promotionId} was not found.` });

const view = (promotion: Promotion, now: Date): PromotionView => ({
  ...promotion,
  phase: phaseOf(promotion, now),
});

/** Admins and finance see every promotion; others those for every store or for one of theirs. */
const canSee = (principal: Principal, promotion: Promotion): boolean =>
  principal.storeIds === 'all' ||
  !promotion.storeIds ||
  promotion.storeIds.some((storeId) => canAccessStore(principal, storeId));

/** A manager may only set up promotions confined to stores they manage; all-store ones are admin-only. */
const assertMayTarget = (actor: Principal | SystemActor, storeIds: readonly string[] | undefined): void => {
  if (!isPrincipal(actor) || actor.storeIds === 'all') return;
  const outside = storeIds?.filter((storeId) => !canAccessStore(actor, storeId));
  if (!storeIds || (outside && outside.length > 0)) {
    throw new ForbiddenError({
      detail: storeIds
        ? `You do not manage ${outside?.join(', ')}.`
        : 'Only an admin may create a promotion for every store; list your stores in storeIds.',
      errors: [{ path: 'body.storeIds', message: 'Must list only stores you manage.' }],
    });
  }
};

export const createPromotion = async (
  actor: Principal | SystemActor,
  input: CreatePromotionInput,
  options: { promotionId?: string; now?: Date } = {},
): Promise<PromotionView> => {
  assertMayTarget(actor, input.storeIds);
  await assertPromotionReferences(input);
  const now = options.now ?? new Date();
  return view(await insertPromotion(options.promotionId ?? newPromotionId(), input, actor, now), now);
};

export const getPromotion = async (principal: Principal, promotionId: string, now = new Date()) => {
  const promotion = await findPromotion(promotionId);
  if (!promotion || !canSee(principal, promotion)) throw notFound(promotionId);
  return view(promotion, now);
};

/**
 * gsi1 by status, ordered by end time; `current=true` keeps only those not ended yet (a key
 * condition, not a filter). Store-scoped callers get the page filtered to what they may see,
 * so a page can hold fewer than `limit` items while `nextCursor` is still set.
 */
export const listPromotions = async (
  principal: Principal,
  query: ListPromotionsQuery,
  now = new Date(),
): Promise<Page<PromotionView>> => {
  const page = await queryPromotions({
    status: query.status,
    ...(query.current ? { endsOnOrAfter: now } : {}),
    limit: query.limit,
    cursor: query.cursor,
  });
  return {
    items: page.items.filter((promotion) => canSee(principal, promotion)).map((p) => view(p, now)),
    nextCursor: page.nextCursor,
  };
};

const merge = (current: Promotion, changes: UpdatePromotionInput): Promotion => {
  const next: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null && (CLEARABLE_PROMOTION_FIELDS as readonly string[]).includes(field))
      delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as unknown as Promotion;
};

export const updatePromotion = async (
  principal: Principal,
  promotionId: string,
  changes: UpdatePromotionInput,
  expectedVersion: number,
  now = new Date(),
): Promise<PromotionView> => {
  const current = await findPromotion(promotionId);
  if (!current || !canSee(principal, current)) throw notFound(promotionId);
  const confined = current.storeIds?.every((storeId) => canAccessStore(principal, storeId)) ?? false;
  if (principal.storeIds !== 'all' && !confined)
    throw new ForbiddenError({ detail: `Promotion ${promotionId} covers stores you do not manage.` });
  assertVersion(`Promotion ${promotionId}`, current, expectedVersion);
  const merged = merge(current, changes);
  const issues = promotionRuleIssues(merged);
  if (issues.length > 0)
    throw new ValidationError(
      issues.map((issue) => {
        // Name the date the caller actually sent when only startsAt moved past endsAt.
        const field = issue.path[0] === 'endsAt' && changes.endsAt === undefined ? 'startsAt' : issue.path[0];
        const message = field === 'startsAt' ? 'Must be before endsAt.' : issue.message;
        return { path: `body.${field}`, message };
      }),
    );
  assertMayTarget(principal, merged.storeIds);
  // Only what the patch sends: stores and SKUs already on the promotion existed and still do.
  await assertPromotionReferences({ storeIds: changes.storeIds, scope: changes.scope });
  const next: Promotion = {
    ...merged,
    version: current.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: principal.userId,
  };
  await replacePromotion(current, next, now);
  return view(next, now);
};
