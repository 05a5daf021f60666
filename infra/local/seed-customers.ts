/**
 * Demo customers, feedback, loyalty points and promotions, written through the services
 * exactly as the API would write them. Call after the stores are seeded (it references
 * st_syd_cbd, st_parramatta, st_web and st_melb_cbd). Idempotent: each item is created only
 * if missing, so a second run (or a run after one that died half-way) writes only what is missing.
 * Ids are fixed so that sample events (events/http/) and docs can reference them.
 */
import { encodeTime } from 'ulid';
import type * as z from 'zod/mini';
import type { Principal } from '../../lib/auth/principal.js';
import { findCustomer } from '../../lib/customers/customer-repository.js';
import { CreateCustomerBody } from '../../lib/customers/customer-schemas.js';
import { createCustomer } from '../../lib/customers/customer-service.js';
import { findFeedback } from '../../lib/customers/feedback-repository.js';
import type { CreateFeedbackInput, ResolveFeedbackInput } from '../../lib/customers/feedback-schemas.js';
import { createFeedback, resolveFeedback } from '../../lib/customers/feedback-service.js';
import type { SystemActor } from '../../lib/db/item-meta.js';
import { changePoints, getPointsStatement } from '../../lib/loyalty/points-service.js';
import { findPromotion } from '../../lib/promotions/promotion-repository.js';
import { CreatePromotionBody } from '../../lib/promotions/promotion-schemas.js';
import { createPromotion } from '../../lib/promotions/promotion-service.js';

type CustomerBodyInput = z.input<typeof CreateCustomerBody>;
type PromotionBodyInput = z.input<typeof CreatePromotionBody>;

const CUSTOMERS: Record<string, CustomerBodyInput> = {
  cu_mia_chen: {
    firstName: 'Mia',
    lastName: 'Chen',
    email: 'mia.chen@example.com',
    phone: '+61412345678',
    birthDate: '1991-04-12',
    marketingOptIn: true,
    preferences: { preferredStoreId: 'st_syd_cbd', contactChannel: 'email' },
    tags: ['contact-lens-wearer', 'vip'],
    prescription: {
      right: { sphere: -2.25 },
      left: { sphere: -2.5, cylinder: -0.75, axis: 170 },
      baseCurve: 8.4,
      diameter: 14.2,
      issuedOn: '2025-03-01',
      expiresOn: '2027-03-01',
      prescriber: 'Dr Priya Raman, optometrist',
    },
  },
  cu_james_wilson: {
    firstName: 'James',
    lastName: 'Wilson',
    phone: '+61498765432',
    preferences: { preferredStoreId: 'st_melb_cbd', contactChannel: 'sms' },
  },
  cu_aroha_ngata: {
    firstName: 'Aroha',
    lastName: 'Ngata',
    email: 'aroha.ngata@example.com',
    birthDate: '1984-11-02',
    preferences: { preferredStoreId: 'st_parramatta', contactChannel: 'email' },
    tags: ['glasses'],
  },
  cu_liam_obrien: {
    firstName: 'Liam',
    lastName: "O'Brien",
    email: 'liam.obrien@example.com',
    phone: '+61400111222',
    preferences: { contactChannel: 'none' },
  },
};

interface DemoFeedback {
  customerId: string;
  /** Fixed time and random part: a stable id whose ULID still carries the time. */
  at: string;
  randomPart: string;
  body: CreateFeedbackInput;
  resolution?: ResolveFeedbackInput;
}

/** Stable feedback ids (DEMO_FEEDBACK_IDS); events/http/resolve-feedback.json resolves the first. */
const FEEDBACK: DemoFeedback[] = [
  {
    customerId: 'cu_mia_chen',
    at: '2025-05-20T01:30:00.000Z',
    randomPart: '0000000000000001',
    body: {
      kind: 'complaint',
      message: 'My two-weekly lenses were not in stock when I came to pick them up.',
      storeId: 'st_syd_cbd',
    },
  },
  {
    customerId: 'cu_mia_chen',
    at: '2025-04-02T23:10:00.000Z',
    randomPart: '0000000000000002',
    body: {
      kind: 'compliment',
      message: 'Thanks to Sam for a very thorough contact lens fitting.',
      storeId: 'st_syd_cbd',
    },
    resolution: { status: 'resolved', resolution: 'Passed on to Sam and the store manager.' },
  },
  {
    customerId: 'cu_james_wilson',
    at: '2025-05-28T06:45:00.000Z',
    randomPart: '0000000000000003',
    body: { kind: 'question', message: 'Do you stock daily lenses for astigmatism?', storeId: 'st_melb_cbd' },
  },
];

/** Mia's opening balance: migrated, then a goodwill top-up. */
const POINTS = [
  {
    customerId: 'cu_mia_chen',
    delta: 1000,
    note: 'Opening balance migrated from the previous loyalty scheme.',
  },
  { customerId: 'cu_mia_chen', delta: 250, note: 'Goodwill after the stock-out complaint.' },
];

const NSW_STORES = ['st_syd_cbd', 'st_parramatta', 'st_web'];

const PROMOTIONS: Record<string, PromotionBodyInput> = {
  pm_welcome10: {
    name: 'Welcome: 10% off your first order',
    description: 'Coupon for new customers, any store or channel.',
    type: 'percentage',
    percentOff: 10,
    scope: { appliesTo: 'all' },
    startsAt: '2025-01-01T00:00:00Z',
    endsAt: '2030-12-31T13:00:00Z',
    couponCode: 'WELCOME10',
    usageLimit: 10_000,
  },
  pm_nsw_lens_care: {
    name: '10% off lens care in NSW',
    type: 'percentage',
    percentOff: 10,
    scope: { appliesTo: 'categories', categories: ['lens-care'] },
    storeIds: NSW_STORES,
    startsAt: '2025-01-01T00:00:00Z',
    endsAt: '2030-12-31T13:00:00Z',
  },
  pm_spend150: {
    name: 'Spend $150, save $20',
    type: 'spend_threshold',
    minSpend: 15_000,
    amountOff: 2_000,
    currency: 'AUD',
    scope: { appliesTo: 'all' },
    channels: ['online'],
    stackable: true,
    startsAt: '2025-01-01T00:00:00Z',
    endsAt: '2030-12-31T13:00:00Z',
  },
};

export const DEMO_CUSTOMER_IDS = Object.keys(CUSTOMERS);
export const DEMO_PROMOTION_IDS = Object.keys(PROMOTIONS);
export const DEMO_FEEDBACK_IDS = FEEDBACK.map(({ at, randomPart }) =>
  `fb_${encodeTime(Date.parse(at), 10)}${randomPart}`.toLowerCase(),
);

export interface SeedCustomersResult {
  /** False when everything was already there. */
  created: boolean;
  customers: number;
  feedback: number;
  promotions: number;
}

export const seedCustomers = async (actor: SystemActor): Promise<SeedCustomersResult> => {
  let created = false;
  // Feedback resolution is an action of a person at a store; the seed acts as an admin.
  const resolver: Principal = { userId: actor.userId, role: 'admin', storeIds: 'all' };

  for (const [customerId, body] of Object.entries(CUSTOMERS)) {
    if (await findCustomer(customerId)) continue;
    await createCustomer(actor, CreateCustomerBody.parse(body), { customerId });
    created = true;
  }
  for (const item of FEEDBACK) {
    const id = `fb_${encodeTime(Date.parse(item.at), 10)}${item.randomPart}`.toLowerCase();
    let feedback = await findFeedback(item.customerId, id);
    if (!feedback) {
      feedback = await createFeedback(actor, item.customerId, item.body, new Date(item.at), {
        randomPart: item.randomPart,
      });
      created = true;
    }
    if (item.resolution && feedback.status === 'open') {
      await resolveFeedback(resolver, item.customerId, id, item.resolution, feedback.version);
      created = true;
    }
  }
  const withPoints = new Set(POINTS.map((p) => p.customerId));
  for (const customerId of withPoints) {
    if ((await getPointsStatement(customerId, { limit: 1 })).entries.length > 0) continue;
    for (const { delta, note } of POINTS.filter((p) => p.customerId === customerId))
      await changePoints(actor, { customerId, delta, reason: 'adjusted', note });
    created = true;
  }
  for (const [promotionId, body] of Object.entries(PROMOTIONS)) {
    if (await findPromotion(promotionId)) continue;
    await createPromotion(actor, CreatePromotionBody.parse(body), { promotionId });
    created = true;
  }
  return {
    created,
    customers: DEMO_CUSTOMER_IDS.length,
    feedback: FEEDBACK.length,
    promotions: DEMO_PROMOTION_IDS.length,
  };
};
