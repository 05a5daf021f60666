import { beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../lib/customers/customer-schemas.js';
import type { Feedback } from '../../lib/customers/feedback-schemas.js';
import type {
  PointsAdjustmentResult as PointsAdjustment,
  PointsStatement,
} from '../../lib/loyalty/points-schemas.js';
import type { Store } from '../../lib/stores/store-schemas.js';
import { customerInput } from '../support/customer-fixtures.js';
import { api, errorPaths, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createStore } from '../support/e2e-resources.js';

let admin: string;
let finance: string;
let store: Store;
let otherStore: Store;
let staff: string;
let otherStaff: string;

beforeAll(async () => {
  admin = await tokenFor('admin');
  finance = await tokenFor('finance');
  store = await createStore(admin, { name: 'Feedback store' });
  otherStore = await createStore(admin, { name: 'Other store' });
  staff = await tokenFor('staff', [store.storeId]);
  otherStaff = await tokenFor('staff', [otherStore.storeId]);
});

const prescription = {
  right: { sphere: -2.25 },
  left: { sphere: -2.5, cylinder: -0.75, axis: 170 },
  baseCurve: 8.6,
  diameter: 14.2,
  issuedOn: '2025-03-01',
  expiresOn: '2027-03-01',
  prescriber: 'Dr Priya Raman',
};

const create = async (token: string, overrides: Parameters<typeof customerInput>[0] = {}) =>
  expectSuccess(await api<Customer>('POST', '/customers', { token, body: customerInput(overrides) }), 201);

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

describe('customers over HTTP', () => {
  it('lets staff register a customer: 201 with ETag and Location, zero points, normalised contacts', async () => {
    const input = customerInput({ prescription, tags: ['contact-lens-wearer'] });
    const response = await api<Customer>('POST', '/customers', {
      token: staff,
      body: {
        ...input,
        email: input.email?.toUpperCase(),
        phone: input.phone?.replace(/^(\+\d{2})(\d{3})/, '$1 $2 '),
      },
    });
    const customer = expectSuccess(response, 201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/customers/${customer.customerId}`);
    expect(customer).toMatchObject({
      email: input.email,
      phone: input.phone,
      pointsBalance: 0,
      marketingOptIn: false,
      prescription,
      updatedBy: 'dev-staff',
    });
    const fetched = await api<Customer>('GET', `/customers/${customer.customerId}`, { token: finance });
    expect(expectSuccess(fetched, 200)).toEqual(customer);
    expect(fetched.headers.etag).toBe('"1"');
  });

  it('finds a customer by exactly one of email or phone', async () => {
    const customer = await create(admin);
    const byEmail = await api<{ items: Customer[] }>(
      'GET',
      `/customers?email=${encodeURIComponent(customer.email?.toUpperCase() ?? '')}`,
      { token: staff },
    );
    expect(expectSuccess(byEmail, 200).items).toEqual([customer]);
    const byPhone = await api<{ items: Customer[] }>(
      'GET',
      `/customers?phone=${encodeURIComponent(customer.phone ?? '')}`,
      {
        token: finance,
      },
    );
    expect(expectSuccess(byPhone, 200).items).toEqual([customer]);
    const none = await api<{ items: Customer[] }>('GET', '/customers?email=nobody%40example.com', {
      token: staff,
    });
    expect(expectSuccess(none, 200)).toEqual({ items: [] });
    expect(errorPaths(await rejected('GET', '/customers', 400, { token: staff }))).toEqual(['query.email']);
    const both = await rejected('GET', `/customers?email=a%40b.com&phone=%2B61412345678`, 400, {
      token: staff,
    });
    expect(errorPaths(both)).toEqual(['query.phone']);
    expect(errorPaths(await rejected('GET', '/customers?phone=12', 400, { token: staff }))).toEqual([
      'query.phone',
    ]);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: undefined, phone: undefined }, 'body.email'],
      [{ email: 'not-an-email' }, 'body.email'],
      [{ phone: '0412 345 678' }, 'body.phone'],
      [{ prescription: { ...prescription, right: { sphere: -20.5 } } }, 'body.prescription.right.sphere'],
      [{ prescription: { ...prescription, right: { sphere: -1.1 } } }, 'body.prescription.right.sphere'],
      [
        { prescription: { ...prescription, left: { sphere: -1, cylinder: -0.5 } } },
        'body.prescription.left.axis',
      ],
      [
        { prescription: { ...prescription, left: { sphere: -1, cylinder: 0.5, axis: 90 } } },
        'body.prescription.left.cylinder',
      ],
      [{ prescription: { ...prescription, expiresOn: '2024-01-01' } }, 'body.prescription.expiresOn'],
      [{ pointsBalance: 500 }, 'body.pointsBalance'],
      [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'body.tags'],
    ];
    for (const [change, path] of cases) {
      const problem = await rejected('POST', '/customers', 400, {
        token: staff,
        body: { ...customerInput(), ...change },
      });
      expect(errorPaths(problem), path).toContain(path);
    }
    const unknownStore = await rejected('POST', '/customers', 400, {
      token: staff,
      body: customerInput({ preferences: { preferredStoreId: 'st_nowhere' } }),
    });
    expect(errorPaths(unknownStore)).toEqual(['body.preferences.preferredStoreId']);
  });

  it('refuses a duplicate email or phone with 409 naming the field', async () => {
    const customer = await create(admin);
    const email = await rejected('POST', '/customers', 409, {
      token: staff,
      body: customerInput({ email: customer.email?.toUpperCase() }),
    });
    expect(errorPaths(email)).toEqual(['body.email']);
    const phone = await rejected('POST', '/customers', 409, {
      token: staff,
      body: customerInput({ phone: customer.phone }),
    });
    expect(errorPaths(phone)).toEqual(['body.phone']);
  });

  it('refuses writes by finance with 403', async () => {
    const customer = await create(admin);
    await rejected('POST', '/customers', 403, { token: finance, body: customerInput() });
    await rejected('PATCH', `/customers/${customer.customerId}`, 403, {
      token: finance,
      body: { firstName: 'X' },
      headers: ifMatch(1),
    });
    await rejected('POST', `/customers/${customer.customerId}/feedback`, 403, {
      token: finance,
      body: { kind: 'question', message: 'Hello?' },
    });
  });

  it('updates with If-Match, moving the email guard; stale 412, missing 428, unknown 404', async () => {
    const customer = await create(staff);
    const path = `/customers/${customer.customerId}`;
    const newEmail = `new.${customer.email}`;
    const updated = await api<Customer>('PATCH', path, {
      token: staff,
      body: {
        email: newEmail,
        marketingOptIn: true,
        preferences: { preferredStoreId: store.storeId, contactChannel: 'sms' },
      },
      headers: ifMatch(1),
    });
    expect(expectSuccess(updated, 200)).toMatchObject({
      email: newEmail,
      marketingOptIn: true,
      version: 2,
      pointsBalance: 0,
    });
    expect(updated.headers.etag).toBe('"2"');
    // The old email is free again.
    await create(staff, { email: customer.email });

    const stale = await rejected('PATCH', path, 412, {
      token: staff,
      body: { firstName: 'Lost' },
      headers: ifMatch(1),
    });
    expect(stale.currentVersion).toBe(2);
    await rejected('PATCH', path, 428, { token: staff, body: { firstName: 'No precondition' } });
    const noContact = await rejected('PATCH', path, 400, {
      token: staff,
      body: { email: null, phone: null },
      headers: ifMatch(2),
    });
    expect(errorPaths(noContact)).toEqual(['body.email']);
    expect(
      errorPaths(
        await rejected('PATCH', path, 400, { token: staff, body: { pointsBalance: 1 }, headers: ifMatch(2) }),
      ),
    ).toContain('body.pointsBalance');
    await rejected('PATCH', '/customers/cu_missing', 404, {
      token: staff,
      body: { firstName: 'X' },
      headers: ifMatch(1),
    });
    await rejected('GET', '/customers/cu_missing', 404, { token: staff });
  });

  it('shows the points balance and ledger', async () => {
    const customer = await create(admin);
    const statement = await api<PointsStatement>('GET', `/customers/${customer.customerId}/points?limit=10`, {
      token: finance,
    });
    expect(expectSuccess(statement, 200)).toEqual({ balance: 0, entries: [], nextCursor: null });
    await rejected('GET', '/customers/cu_missing/points', 404, { token: finance });
    expect(
      errorPaths(
        await rejected('GET', `/customers/${customer.customerId}/points?limit=0`, 400, { token: finance }),
      ),
    ).toEqual(['query.limit']);
  });
});

describe('customer feedback over HTTP', () => {
  it('records feedback, lists it by status and lets only its store resolve it, once', async () => {
    const customer = await create(staff);
    const base = `/customers/${customer.customerId}/feedback`;
    const complaint = expectSuccess(
      await api<Feedback>('POST', base, {
        token: staff,
        body: {
          kind: 'complaint',
          message: 'Lenses arrived late.',
          storeId: store.storeId,
        },
      }),
      201,
    );
    expect(complaint).toMatchObject({ status: 'open', version: 1, storeId: store.storeId });
    const compliment = expectSuccess(
      await api<Feedback>('POST', base, {
        token: staff,
        body: { kind: 'compliment', message: 'Great fitting.' },
      }),
      201,
    );

    const listed = expectSuccess(await api<{ items: Feedback[] }>('GET', base, { token: finance }), 200);
    expect(listed.items.map((f) => f.feedbackId)).toEqual([compliment.feedbackId, complaint.feedbackId]);

    const resolve = { status: 'resolved', resolution: 'Apologised and sent 200 points.' };
    const path = `${base}/${complaint.feedbackId}`;
    await rejected('PATCH', path, 403, { token: otherStaff, body: resolve, headers: ifMatch(1) });
    await rejected('PATCH', path, 403, { token: finance, body: resolve, headers: ifMatch(1) });
    await rejected('PATCH', path, 412, { token: staff, body: resolve, headers: ifMatch(3) });
    const badStatus = await rejected('PATCH', path, 400, {
      token: staff,
      body: { status: 'open', resolution: 'x' },
      headers: ifMatch(1),
    });
    expect(errorPaths(badStatus)).toEqual(['body.status']);
    const resolved = await api<Feedback>('PATCH', path, { token: staff, body: resolve, headers: ifMatch(1) });
    expect(expectSuccess(resolved, 200)).toMatchObject({
      status: 'resolved',
      resolvedBy: 'dev-staff',
      version: 2,
    });
    expect(resolved.headers.etag).toBe('"2"');
    const again = await rejected('PATCH', path, 409, { token: staff, body: resolve, headers: ifMatch(2) });
    expect(again.type).toBe('/problems/feedback-already-resolved');

    const open = expectSuccess(
      await api<{ items: Feedback[] }>('GET', `${base}?status=open`, { token: staff }),
      200,
    );
    expect(open.items.map((f) => f.feedbackId)).toEqual([compliment.feedbackId]);
    const done = expectSuccess(
      await api<{ items: Feedback[] }>('GET', `${base}?status=resolved`, { token: staff }),
      200,
    );
    expect(done.items.map((f) => f.feedbackId)).toEqual([complaint.feedbackId]);
  });

  it('refuses bad feedback naming the field, and unknown customers or feedback with 404', async () => {
    const customer = await create(staff);
    const base = `/customers/${customer.customerId}/feedback`;
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'rant', message: 'x' }, 'body.kind'],
      [{ kind: 'question', message: '' }, 'body.message'],
      [{ kind: 'question', message: 'x'.repeat(2001) }, 'body.message'],
      [{ kind: 'question', message: 'x', storeId: 'st_nowhere' }, 'body.storeId'],
    ];
    for (const [body, path] of cases)
      expect(errorPaths(await rejected('POST', base, 400, { token: staff, body }))).toEqual([path]);
    await rejected('POST', '/customers/cu_missing/feedback', 404, {
      token: staff,
      body: { kind: 'question', message: 'x' },
    });
    await rejected('GET', '/customers/cu_missing/feedback', 404, { token: staff });
    await rejected('PATCH', `${base}/fb_01jz0000000000000000000000`, 404, {
      token: staff,
      body: { status: 'resolved', resolution: 'x' },
      headers: ifMatch(1),
    });
    expect(errorPaths(await rejected('GET', `${base}?status=closed`, 400, { token: staff }))).toEqual([
      'query.status',
    ]);
  });
});

describe('points adjustments over HTTP', () => {
  const adjust = (customerId: string) => `/customers/${customerId}/points/adjustments`;
  const key = () => ({ 'idempotency-key': `e2e-${crypto.randomUUID()}` });

  it('lets admin and managers credit or take points once per key; staff and finance get 403', async () => {
    const customer = await create(admin);
    const manager = await tokenFor('manager', [store.storeId]);
    const headers = key();
    const body = { delta: 400, note: 'Goodwill: fitting ran late' };
    const first = await api<PointsAdjustment>('POST', adjust(customer.customerId), {
      token: manager,
      body,
      headers,
    });
    expect(expectSuccess(first, 201)).toMatchObject({
      entry: { delta: 400, reason: 'adjusted', note: body.note, actor: 'dev-manager' },
      balance: 400,
    });
    const retry = await api<PointsAdjustment>('POST', adjust(customer.customerId), {
      token: manager,
      body,
      headers,
    });
    expect(expectSuccess(retry, 200)).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const taken = await api<PointsAdjustment>('POST', adjust(customer.customerId), {
      token: admin,
      body: { delta: -150, note: 'Correction: double credit' },
      headers: key(),
    });
    expect(expectSuccess(taken, 201).balance).toBe(250);
    const statement = expectSuccess(
      await api<PointsStatement>('GET', `/customers/${customer.customerId}/points`, { token: finance }),
      200,
    );
    expect(statement.balance).toBe(250);
    expect(statement.entries.map((entry) => entry.delta)).toEqual([-150, 400]);
    for (const token of [staff, finance]) {
      await rejected('POST', adjust(customer.customerId), 403, { token, body, headers: key() });
    }
  });

  it('answers bad input, a reused key, an overdraft and an unknown customer with problems, writing nothing', async () => {
    const customer = await create(admin);
    const path = adjust(customer.customerId);
    const bad = async (body: unknown, headers: Record<string, string> = key()) =>
      errorPaths(await rejected('POST', path, 400, { token: admin, body, headers }));
    expect(await bad({ delta: 0, note: 'x' })).toEqual(['body.delta']);
    expect(await bad({ delta: 1.5, note: 'x' })).toEqual(['body.delta']);
    expect(await bad({ delta: 10 })).toEqual(['body.note']);
    expect(await bad({ delta: 10, note: '   ' })).toEqual(['body.note']);
    expect(await bad({ delta: 10, note: 'x', reason: 'earned' })).toEqual(['body.reason']);
    expect(await bad({ delta: 10, note: 'x' }, {})).toEqual(['headers.idempotency-key']);

    const headers = key();
    expectSuccess(
      await api('POST', path, { token: admin, body: { delta: 10, note: 'Welcome' }, headers }),
      201,
    );
    const reused = await rejected('POST', path, 422, {
      token: admin,
      body: { delta: 11, note: 'Welcome' },
      headers,
    });
    expect(errorPaths(reused)).toEqual(['headers.idempotency-key']);
    const overdraft = await rejected('POST', path, 409, {
      token: admin,
      body: { delta: -11, note: 'Correction' },
      headers: key(),
    });
    expect(overdraft).toMatchObject({ balance: 10, requested: 11 });
    await rejected('POST', adjust('cu_missing'), 404, {
      token: admin,
      body: { delta: 1, note: 'x' },
      headers: key(),
    });
  });
});
