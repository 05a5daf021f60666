import { beforeAll, describe, expect, it } from 'vitest';
import type { PromotionView } from '../../lib/promotions/promotion-schemas.js';
import type { Store } from '../../lib/stores/store-schemas.js';
import { couponCode, promotionInput } from '../support/customer-fixtures.js';
import { api, errorPaths, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createStore } from '../support/e2e-resources.js';

type PromotionPage = { items: PromotionView[]; nextCursor: string | null };

let admin: string;
let finance: string;
let storeA: Store;
let storeB: Store;
let managerOfA: string;
let staffOfA: string;

beforeAll(async () => {
  admin = await tokenFor('admin');
  finance = await tokenFor('finance');
  storeA = await createStore(admin, { name: 'Promo store A' });
  storeB = await createStore(admin, { name: 'Promo store B' });
  managerOfA = await tokenFor('manager', [storeA.storeId]);
  staffOfA = await tokenFor('staff', [storeA.storeId]);
});

const create = async (token: string, overrides: Parameters<typeof promotionInput>[0] = {}) =>
  expectSuccess(
    await api<PromotionView>('POST', '/promotions', { token, body: promotionInput(overrides) }),
    201,
  );

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** Every promotion of a status the token may list, across pages. */
const listAll = async (token: string, query = 'status=active'): Promise<PromotionView[]> => {
  const all: PromotionView[] = [];
  let cursor: string | null = null;
  do {
    const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: PromotionPage = expectSuccess(
      await api<PromotionPage>('GET', `/promotions?${query}&limit=100${after}`, { token }),
      200,
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
};

describe('promotions over HTTP', () => {
  it('lets an admin create a coupon promotion: 201 with ETag and Location, then reads it back', async () => {
    const code = couponCode('W');
    const response = await api<PromotionView>('POST', '/promotions', {
      token: admin,
      body: promotionInput({ couponCode: code.toLowerCase(), usageLimit: 100, perCustomerLimit: 1 }),
    });
    const promo = expectSuccess(response, 201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/promotions/${promo.promotionId}`);
    expect(promo).toMatchObject({
      couponCode: code,
      usedCount: 0,
      phase: 'running',
      status: 'active',
      updatedBy: 'dev-admin',
    });
    const fetched = await api<PromotionView>('GET', `/promotions/${promo.promotionId}`, { token: staffOfA });
    expect(expectSuccess(fetched, 200)).toEqual(promo);
    expect((await listAll(finance)).map((p) => p.promotionId)).toContain(promo.promotionId);
  });

  it('lets a manager create one for their own stores only; all-store promotions are admin-only', async () => {
    const own = await create(managerOfA, { storeIds: [storeA.storeId], channels: ['in_store'] });
    expect(own.storeIds).toEqual([storeA.storeId]);
    const everywhere = await rejected('POST', '/promotions', 403, {
      token: managerOfA,
      body: promotionInput(),
    });
    expect(errorPaths(everywhere)).toEqual(['body.storeIds']);
    const foreign = await rejected('POST', '/promotions', 403, {
      token: managerOfA,
      body: promotionInput({ storeIds: [storeA.storeId, storeB.storeId] }),
    });
    expect(errorPaths(foreign)).toEqual(['body.storeIds']);
  });

  it('refuses staff and finance writing promotions with 403', async () => {
    await rejected('POST', '/promotions', 403, {
      token: staffOfA,
      body: promotionInput({ storeIds: [storeA.storeId] }),
    });
    await rejected('POST', '/promotions', 403, { token: finance, body: promotionInput() });
    const promo = await create(admin, { storeIds: [storeA.storeId] });
    for (const token of [staffOfA, finance])
      await rejected('PATCH', `/promotions/${promo.promotionId}`, 403, {
        token,
        body: { name: 'X' },
        headers: ifMatch(1),
      });
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ percentOff: 0 }, 'body.percentOff'],
      [{ percentOff: 101 }, 'body.percentOff'],
      [{ type: 'fixed_amount' }, 'body.percentOff'],
      [{ type: 'fixed_amount', percentOff: undefined, currency: 'AUD' }, 'body.amountOff'],
      [{ type: 'spend_threshold', percentOff: undefined, amountOff: 1000, currency: 'AUD' }, 'body.minSpend'],
      [{ endsAt: '2020-01-01T00:00:00Z' }, 'body.endsAt'],
      [{ scope: { appliesTo: 'skus' } }, 'body.scope.skus'],
      [{ channels: ['fax'] }, 'body.channels[0]'],
      [{ couponCode: 'NO SPACES' }, 'body.couponCode'],
      [{ usageLimit: 0 }, 'body.usageLimit'],
      [{ usedCount: 5 }, 'body.usedCount'],
    ];
    for (const [change, path] of cases) {
      const problem = await rejected('POST', '/promotions', 400, {
        token: admin,
        body: { ...promotionInput(), ...change },
      });
      expect(errorPaths(problem), path).toContain(path);
    }
    expect(errorPaths(await rejected('GET', '/promotions?status=expired', 400, { token: admin }))).toEqual([
      'query.status',
    ]);
  });

  it('refuses a duplicate coupon code with 409 naming body.couponCode', async () => {
    const code = couponCode('D');
    await create(admin, { couponCode: code });
    const problem = await rejected('POST', '/promotions', 409, {
      token: admin,
      body: promotionInput({ couponCode: code }),
    });
    expect(errorPaths(problem)).toEqual(['body.couponCode']);
  });

  it('updates with If-Match and moves the coupon guard; stale 412, missing 428, unknown 404', async () => {
    const [oldCode, newCode] = [couponCode('O'), couponCode('N')];
    const promo = await create(managerOfA, { storeIds: [storeA.storeId], couponCode: oldCode });
    const path = `/promotions/${promo.promotionId}`;
    const updated = await api<PromotionView>('PATCH', path, {
      token: managerOfA,
      body: { couponCode: newCode, percentOff: 15, stackable: true },
      headers: ifMatch(1),
    });
    expect(expectSuccess(updated, 200)).toMatchObject({
      couponCode: newCode,
      percentOff: 15,
      stackable: true,
      version: 2,
    });
    expect(updated.headers.etag).toBe('"2"');
    await create(admin, { couponCode: oldCode }); // freed
    const taken = await rejected('PATCH', path, 409, {
      token: admin,
      body: { couponCode: oldCode },
      headers: ifMatch(2),
    });
    expect(errorPaths(taken)).toEqual(['body.couponCode']);

    const stale = await rejected('PATCH', path, 412, {
      token: managerOfA,
      body: { name: 'Lost' },
      headers: ifMatch(1),
    });
    expect(stale.currentVersion).toBe(2);
    await rejected('PATCH', path, 428, { token: managerOfA, body: { name: 'No precondition' } });
    const widened = await rejected('PATCH', path, 403, {
      token: managerOfA,
      body: { storeIds: null },
      headers: ifMatch(2),
    });
    expect(errorPaths(widened)).toEqual(['body.storeIds']);
    const rule = await rejected('PATCH', path, 400, {
      token: managerOfA,
      body: { minSpend: 1000 },
      headers: ifMatch(2),
    });
    expect(errorPaths(rule)).toEqual(['body.minSpend']);
    expect(
      errorPaths(
        await rejected('PATCH', path, 400, {
          token: admin,
          body: { type: 'fixed_amount' },
          headers: ifMatch(2),
        }),
      ),
    ).toContain('body.type');
    await rejected('PATCH', '/promotions/pm_missing', 404, {
      token: admin,
      body: { name: 'X' },
      headers: ifMatch(1),
    });
    await rejected('GET', '/promotions/pm_missing', 404, { token: admin });
  });

  it('hides promotions for other stores from store-scoped callers (404), and lists by status', async () => {
    const forB = await create(admin, { storeIds: [storeB.storeId] });
    await rejected('GET', `/promotions/${forB.promotionId}`, 404, { token: staffOfA });
    await rejected('PATCH', `/promotions/${forB.promotionId}`, 404, {
      token: managerOfA,
      body: { name: 'X' },
      headers: ifMatch(1),
    });
    expect((await listAll(staffOfA)).map((p) => p.promotionId)).not.toContain(forB.promotionId);

    const disabled = expectSuccess(
      await api<PromotionView>('PATCH', `/promotions/${forB.promotionId}`, {
        token: admin,
        body: { status: 'disabled' },
        headers: ifMatch(1),
      }),
      200,
    );
    expect(disabled.status).toBe('disabled');
    expect((await listAll(admin, 'status=disabled')).map((p) => p.promotionId)).toContain(forB.promotionId);
    expect((await listAll(admin, 'status=active&current=true')).map((p) => p.promotionId)).not.toContain(
      forB.promotionId,
    );
  });
});
