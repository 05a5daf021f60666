import { describe, expect, it } from 'vitest';
import {
  cardWithPromotion,
  type LivePromotionsCard,
  MAX_LIVE_PROMOTIONS,
} from '../../../lib/promotions/live-promotions-card.js';
import type { Promotion } from '../../../lib/promotions/promotion-schemas.js';

const now = new Date('2026-06-01T00:00:00Z');
const promotion = (id: string, overrides: Partial<Promotion> = {}): Promotion => ({
  promotionId: id,
  name: `Promotion ${id}`,
  type: 'percentage',
  percentOff: 10,
  scope: { appliesTo: 'all' },
  startsAt: '2026-01-01T00:00:00.000Z',
  endsAt: '2026-12-31T00:00:00.000Z',
  stackable: false,
  status: 'active',
  usedCount: 7,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  updatedBy: 'us_admin',
  ...overrides,
});
const ids = (card: LivePromotionsCard | undefined) => card?.promotions.map((p) => p.promotionId);

describe('the live promotions card', () => {
  it('adds a live promotion without its usage counter, which sales move', () => {
    const next = cardWithPromotion({ promotions: [] }, promotion('a'), now);
    expect(ids(next)).toEqual(['a']);
    expect(next?.promotions[0]).not.toHaveProperty('usedCount');
  });

  it('replaces an edited promotion and drops a disabled or ended one', () => {
    const card = cardWithPromotion({ promotions: [] }, promotion('a'), now) as LivePromotionsCard;
    const renamed = cardWithPromotion(card, promotion('a', { name: 'Renamed', version: 2 }), now);
    expect(renamed?.promotions).toEqual([expect.objectContaining({ promotionId: 'a', name: 'Renamed' })]);
    expect(ids(cardWithPromotion(card, promotion('a', { status: 'disabled' }), now))).toEqual([]);
    expect(ids(cardWithPromotion(card, promotion('a', { endsAt: '2026-05-01T00:00:00.000Z' }), now))).toEqual(
      [],
    );
  });

  it('keeps scheduled promotions, prunes others that ended meanwhile, and skips a write that changes nothing', () => {
    const card: LivePromotionsCard = {
      promotions: [
        promotion('ended', { endsAt: '2026-05-31T00:00:00.000Z' }),
        promotion('scheduled', { startsAt: '2026-07-01T00:00:00.000Z' }),
      ],
    };
    expect(ids(cardWithPromotion(card, promotion('b'), now))).toEqual(['scheduled', 'b']);
    expect(cardWithPromotion(card, promotion('c', { status: 'disabled' }), now)).toBeUndefined();
  });

  it('refuses another live promotion beyond the bound with 409, but lets one be disabled', () => {
    const full: LivePromotionsCard = {
      promotions: Array.from({ length: MAX_LIVE_PROMOTIONS }, (_, i) => promotion(`p${i}`)),
    };
    expect(() => cardWithPromotion(full, promotion('one-more'), now)).toThrow(
      expect.objectContaining({ status: 409, errors: [expect.objectContaining({ path: 'body.status' })] }),
    );
    expect(ids(cardWithPromotion(full, promotion('p0', { status: 'disabled' }), now))).toHaveLength(
      MAX_LIVE_PROMOTIONS - 1,
    );
  });

  it('refuses promotions that together would not fit in one item', () => {
    const skus = Array.from({ length: 4000 }, (_, i) => `SKU-${String(i).padStart(8, '0')}`);
    const big = (id: string) => promotion(id, { scope: { appliesTo: 'skus', skus } });
    let card: LivePromotionsCard = { promotions: [] };
    const add = (id: string) => {
      card = cardWithPromotion(card, big(id), now) as LivePromotionsCard;
    };
    for (let i = 0; i < 3; i++) add(`big${i}`);
    expect(() => {
      for (let i = 3; i < 10; i++) add(`big${i}`);
    }).toThrow(expect.objectContaining({ status: 409 }));
  });
});
