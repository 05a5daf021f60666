import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../lib/orders/order-schemas.js';
import type { Receipt } from '../../lib/orders/receipt-schemas.js';
import type { TaxRate } from '../../lib/tax/tax-rate-schemas.js';
import { api, errorPaths, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createProduct, createStore } from '../support/e2e-resources.js';
import { uniqueSuffix } from '../support/fixtures.js';

type Page<T> = { items: T[]; nextCursor: string | null };

let admin: string;
let manager: string;
let staff: string;
let finance: string;
let region: string;
let storeId: string;
let storeCode: string;
let lensSku: string;
let careSku: string;

const addRate = async (body: Record<string, unknown>) =>
  expectSuccess(await api<TaxRate>('POST', '/tax-rates', { token: admin, body }), 201);

beforeAll(async () => {
  admin = await tokenFor('admin');
  finance = await tokenFor('finance');
  region = `e2e-${uniqueSuffix().toLowerCase()}`;
  await addRate({
    region,
    category: 'default',
    name: 'GST',
    rate: 1000,
    effectiveFrom: '2000-07-01T00:00:00+10:00',
  });
  await addRate({
    region,
    category: 'contact-lenses',
    name: 'GST-free',
    rate: 0,
    effectiveFrom: '2000-07-01T00:00:00+10:00',
  });
  const store = await createStore(admin, { name: 'Tax e2e', region });
  storeId = store.storeId;
  storeCode = store.code;
  manager = await tokenFor('manager', [storeId]);
  staff = await tokenFor('staff', [storeId]);
  const lenses = await createProduct(admin, { status: 'active' });
  lensSku = lenses.variants[0]?.sku as string;
  const care = await createProduct(admin, {
    status: 'active',
    category: 'lens-care',
    attributes: {},
    variants: [{ sku: `CARE-${uniqueSuffix()}`, options: {}, price: 2000, cost: 800, currency: 'AUD' }],
  });
  careSku = care.variants[0]?.sku as string;
  for (const sku of [lensSku, careSku])
    expectSuccess(
      await api('POST', `/stores/${storeId}/inventory/${sku}/adjustments`, {
        token: admin,
        body: { delta: 20, reason: 'received' },
      }),
      201,
    );
});

describe('tax rates over HTTP', () => {
  it('lets admin add rates and every role read them; managers and staff may not add (403, nothing written)', async () => {
    const created = await api<TaxRate>('POST', '/tax-rates', {
      token: admin,
      body: {
        region,
        category: 'sunglasses',
        name: 'GST',
        rate: 1000,
        effectiveFrom: '2031-01-01T00:00:00Z',
      },
    });
    const rate = expectSuccess(created, 201);
    expect(created.headers.location).toBe(`/tax-rates/${rate.taxRateId}`);
    expect(created.headers.etag).toBe('"1"');
    for (const token of [manager, staff]) {
      await rejected('POST', '/tax-rates', 403, {
        token,
        body: { region, category: 'lens-care', name: 'GST', rate: 0, effectiveFrom: '2031-01-01T00:00:00Z' },
      });
    }
    for (const token of [admin, manager, staff, finance]) {
      expect(
        expectSuccess(await api<TaxRate>('GET', `/tax-rates/${rate.taxRateId}`, { token }), 200),
      ).toEqual(rate);
    }
    const listed = expectSuccess(
      await api<Page<TaxRate>>('GET', `/tax-rates?region=${region}`, { token: staff }),
      200,
    );
    expect(listed.items.map((each) => each.category)).toEqual(['contact-lenses', 'default', 'sunglasses']);
    const one = expectSuccess(
      await api<Page<TaxRate>>('GET', `/tax-rates?region=${region}&category=default`, { token: finance }),
      200,
    );
    expect(one.items.map((each) => each.rate)).toEqual([1000]);
    await rejected('GET', '/tax-rates/tx_missing', 404, { token: admin });
  });

  it('refuses bad rates with 400 naming the field, and a duplicate instant with 409', async () => {
    const good = {
      region,
      category: 'accessories',
      name: 'GST',
      rate: 1000,
      effectiveFrom: '2032-01-01T00:00:00Z',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, rate: 10_001 }, 'body.rate'],
      [{ ...good, rate: 12.5 }, 'body.rate'],
      [{ ...good, rate: -1 }, 'body.rate'],
      [{ ...good, rate: '1000' }, 'body.rate'],
      [{ ...good, region: 'NSW' }, 'body.region'],
      [{ ...good, category: 'Lens Care' }, 'body.category'],
      [{ ...good, effectiveFrom: '2032-01-01' }, 'body.effectiveFrom'],
      [{ ...good, name: '' }, 'body.name'],
      [{ ...good, extra: true }, 'body'],
    ];
    for (const [body, path] of cases) {
      const problem = await rejected('POST', '/tax-rates', 400, { token: admin, body });
      expect(
        errorPaths(problem).some((each) => each.startsWith(path)),
        JSON.stringify(body),
      ).toBe(true);
    }
    await rejected('GET', '/tax-rates?category=default', 400, { token: admin });
    await addRate(good);
    const clash = await rejected('POST', '/tax-rates', 409, { token: admin, body: good });
    expect(errorPaths(clash)).toEqual(['body.effectiveFrom']);
  });
});

describe('selling with tax and printing the receipt over HTTP', () => {
  it('shows each line’s tax, numbers the receipt when paid and prints it as JSON or 42-column text', async () => {
    const placed = await api<OrderDetail>('POST', '/orders', {
      token: staff,
      headers: { 'idempotency-key': `e2e-${randomUUID()}` },
      body: {
        storeId,
        channel: 'in_store',
        lines: [
          { sku: lensSku, quantity: 2 },
          { sku: careSku, quantity: 1 },
        ],
      },
    });
    const order = expectSuccess(placed, 201);
    expect(order).toMatchObject({ pricesIncludeTax: true, taxTotal: 182, total: 11_000 });
    expect(order.lines.map((line) => [line.taxName, line.taxRate, line.taxAmount])).toEqual([
      ['GST-free', 0, 0],
      ['GST', 1000, 182],
    ]);
    const path = `/orders/${order.orderId}`;
    await rejected('GET', `${path}/receipt`, 404, { token: staff });

    const paid = expectSuccess(
      await api<OrderDetail>('POST', `${path}/payments`, {
        token: staff,
        body: { method: 'card', amount: order.total, reference: 'EFTPOS 1' },
      }),
      201,
    );
    expect(paid.receiptNumber).toMatch(new RegExp(`^${storeCode}-\\d{6}$`));

    const json = await api<Receipt>('GET', `${path}/receipt`, { token: staff });
    const receipt = expectSuccess(json, 200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(receipt).toMatchObject({
      receiptNumber: paid.receiptNumber,
      store: { storeId, code: storeCode },
      total: 11_000,
      taxTotal: 182,
      taxBreakdown: [
        { taxName: 'GST-free', taxRate: 0, taxAmount: 0, grossAmount: 9000 },
        { taxName: 'GST', taxRate: 1000, netAmount: 1818, taxAmount: 182, grossAmount: 2000 },
      ],
      payments: [{ method: 'card', amount: 11_000, reference: 'EFTPOS 1' }],
    });
    expect(
      expectSuccess(await api<Receipt>('GET', `${path}/receipt`, { token: finance }), 200).receiptNumber,
    ).toBe(paid.receiptNumber);

    const text = await api<string>('GET', `${path}/receipt`, {
      token: staff,
      headers: { accept: 'text/plain' },
    });
    expect(text.status).toBe(200);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.text).toContain(String(paid.receiptNumber));
    expect(text.text).toMatch(/Includes GST 10% +1\.82/);
    for (const line of text.text.split('\n')) expect(line.length).toBeLessThanOrEqual(42);

    // A refund returns the line's tax and gets a credit-note number; the receipt lists it.
    expectSuccess(await api('POST', `${path}/fulfil`, { token: staff, body: {} }), 200);
    const refunded = expectSuccess(
      await api<OrderDetail>('POST', `${path}/refunds`, {
        token: manager,
        body: { lines: [{ sku: careSku, quantity: 1 }], restock: 'available', reason: 'Unopened' },
      }),
      201,
    );
    const creditNote = refunded.refunds[0];
    expect(creditNote).toMatchObject({
      amount: 2000,
      tax: 182,
      lines: [{ sku: careSku, amount: 2000, tax: 182 }],
    });
    expect(creditNote?.creditNoteNumber).toMatch(new RegExp(`^${storeCode}-CN-\\d{6}$`));
    expect(refunded.taxRefunded).toBe(182);
    const after = expectSuccess(await api<Receipt>('GET', `${path}/receipt`, { token: manager }), 200);
    expect(after.creditNotes).toMatchObject([
      { creditNoteNumber: creditNote?.creditNoteNumber, amount: 2000, tax: 182 },
    ]);

    const otherStore = await createStore(admin, { name: 'Tax e2e other' });
    const stranger = await tokenFor('staff', [otherStore.storeId]);
    await rejected('GET', `${path}/receipt`, 404, { token: stranger });
  });
});
