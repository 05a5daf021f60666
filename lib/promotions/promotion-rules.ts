import type { PromotionDraft, PromotionType } from './promotion-schemas.js';

type AmountField = 'percentOff' | 'amountOff' | 'minSpend' | 'currency';

/** Which amount fields each type needs; the others must be absent, so a promotion reads one way only. */
const FIELDS_BY_TYPE: Record<PromotionType, readonly AmountField[]> = {
  percentage: ['percentOff'],
  fixed_amount: ['amountOff', 'currency'],
  spend_threshold: ['minSpend', 'amountOff', 'currency'],
};
const AMOUNT_FIELDS: readonly AmountField[] = ['percentOff', 'amountOff', 'minSpend', 'currency'];

export interface RuleIssue {
  path: string[];
  message: string;
}

/**
 * Rules that involve several fields, checked on a create body and again on the promotion a
 * PATCH would produce (so a patch cannot leave, say, a percentage without `percentOff`).
 */
export const promotionRuleIssues = (promotion: Partial<PromotionDraft>): RuleIssue[] => {
  const issues: RuleIssue[] = [];
  if (promotion.type) {
    const needed = FIELDS_BY_TYPE[promotion.type];
    for (const field of AMOUNT_FIELDS) {
      const present = promotion[field] !== undefined && promotion[field] !== null;
      if (needed.includes(field) && !present)
        issues.push({ path: [field], message: `Required for a ${promotion.type} promotion.` });
      if (!needed.includes(field) && present)
        issues.push({ path: [field], message: `Not used by a ${promotion.type} promotion.` });
    }
  }
  if (promotion.startsAt && promotion.endsAt && promotion.endsAt <= promotion.startsAt)
    issues.push({ path: ['endsAt'], message: 'Must be after startsAt.' });
  return issues;
};
