import { describe, expect, it } from 'vitest';
import { toFieldIssues } from '../../../lib/http/validation.js';
import { CreatePromotionBody, UpdatePromotionBody } from '../../../lib/promotions/promotion-schemas.js';

const valid = {
  name: 'Lens care 10% off',
  type: 'percentage',
  percentOff: 10,
  scope: { appliesTo: 'categories', categories: ['lens-care'] },
  startsAt: '2025-07-01T00:00:00+10:00',
  endsAt: '2025-08-01T00:00:00Z',
};

const paths = (body: unknown): string[] => {
  const result = CreatePromotionBody.safeParse(body);
  return result.success ? [] : toFieldIssues('body', result.error).map((issue) => issue.path);
};

describe('promotion create body', () => {
  it('accepts a valid promotion with defaults and normalises dates and coupon codes', () => {
    const parsed = CreatePromotionBody.parse({ ...valid, couponCode: ' welcome10 ' });
    expect(parsed).toMatchObject({
      stackable: false,
      status: 'active',
      couponCode: 'WELCOME10',
      startsAt: '2025-06-30T14:00:00.000Z',
      endsAt: '2025-08-01T00:00:00.000Z',
    });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a percentage without percentOff', { percentOff: undefined }, ['body.percentOff']],
    [
      'a percentage with amount fields',
      { amountOff: 100, currency: 'AUD' },
      ['body.amountOff', 'body.currency'],
    ],
    ['percentOff above 100', { percentOff: 101 }, ['body.percentOff']],
    ['a fractional percentOff', { percentOff: 12.5 }, ['body.percentOff']],
    [
      'a fixed amount without amount and currency',
      { type: 'fixed_amount', percentOff: undefined },
      ['body.amountOff', 'body.currency'],
    ],
    [
      'a threshold without minSpend',
      { type: 'spend_threshold', percentOff: undefined, amountOff: 1000, currency: 'AUD' },
      ['body.minSpend'],
    ],
    ['endsAt before startsAt', { endsAt: '2025-06-30T00:00:00Z' }, ['body.endsAt']],
    [
      'categories missing for a category scope',
      { scope: { appliesTo: 'categories' } },
      ['body.scope.categories'],
    ],
    ['skus on an all scope', { scope: { appliesTo: 'all', skus: ['A1'] } }, ['body.scope.skus']],
    ['a lower-case bad coupon', { couponCode: 'no spaces' }, ['body.couponCode']],
    ['an unknown channel', { channels: ['phone'] }, ['body.channels[0]']],
    ['repeated stores', { storeIds: ['st_a', 'st_a'] }, ['body.storeIds']],
    [
      'a float amount',
      { type: 'fixed_amount', percentOff: undefined, amountOff: 9.99, currency: 'AUD' },
      ['body.amountOff'],
    ],
    ['an unknown field', { priority: 1 }, ['body.priority']],
  ])('rejects %s, naming the field', (_label, change, expected) => {
    expect(paths({ ...valid, ...change })).toEqual(expect.arrayContaining(expected));
  });
});

describe('promotion patch body', () => {
  it('allows clearing optional fields with null but not changing the type', () => {
    expect(UpdatePromotionBody.parse({ couponCode: null, storeIds: null })).toEqual({
      couponCode: null,
      storeIds: null,
    });
    expect(UpdatePromotionBody.safeParse({ type: 'fixed_amount' }).success).toBe(false);
    expect(UpdatePromotionBody.safeParse({}).success).toBe(false);
  });
});
