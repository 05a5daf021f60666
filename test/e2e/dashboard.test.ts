/**
 * The finance dashboard in a real headless Chromium (Debian's, driven by playwright-core): a runtime
 * with the event flow, orders placed through the API in two stores, two categories and two channels
 * (with payments by card and cash, a refund and a cancellation, and a sale that crosses a reorder
 * point and plans a replenishment), then /dashboard/?user=finance. Each chart must have drawn, hold
 * exactly what the reports API answered, agree with the orders placed, and have its table fallback;
 * the console must stay free of errors. A screenshot goes to test/e2e/artifacts/ (gitignored).
 * The page and the test read the live reports API.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dailyMeasures,
  groupBars,
  salesByDayPerStore,
  takingsByMethod,
  topSellerBars,
} from '../../dashboard/src/chart-data.js';
import { addDays, daysBetween } from '../../dashboard/src/dates.js';
import type { SalesReport, StockReport, TakingsReport } from '../../dashboard/src/report-types.js';
import type { LocalRuntime } from '../../infra/local/local-runtime.js';
import { REPO_ROOT } from '../../infra/local/repo-paths.js';
import { apiCaller, type EventFlowRuntime, startEventFlowRuntime } from '../support/event-flow-runtime.js';
import { productInput, storeInput, uniqueSuffix } from '../support/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const REPORT_PATHS = ['/reports/sales', '/reports/takings', '/reports/stock'] as const;
const ARTIFACTS = join(REPO_ROOT, 'test', 'e2e', 'artifacts');
const CHART_IDS = [
  'sales-by-day',
  'margin-by-day',
  'sales-by-category',
  'sales-by-channel',
  'takings-by-method',
  'top-sellers',
] as const;

let runtime: LocalRuntime;
let flow: EventFlowRuntime | undefined;
let admin: string;
let finance: string;
let browser: Browser;
/** Answers a reports path from the live API, as finance. */
let report: <T>(path: (typeof REPORT_PATHS)[number], query: Record<string, string>) => Promise<T>;

const call = apiCaller(
  () => runtime.url,
  () => admin,
);

const ok = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
  const answer = await call<T>(method, path, { body });
  expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
  return answer.body;
};

interface Order {
  orderId: string;
  total: number;
  amountDue: number;
}

const placeOrder = (storeId: string, channel: string, lines: { sku: string; quantity: number }[]) =>
  call<Order>('POST', '/orders', {
    body: { storeId, channel, lines },
    headers: { 'idempotency-key': `dashboard-${randomUUID()}` },
  }).then((answer) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  });

const pay = (order: Order, method: string) =>
  ok<Order>('POST', `/orders/${order.orderId}/payments`, { method, amount: order.amountDue });

const today = new Date().toISOString().slice(0, 10);
const from = addDays(today, -6);

/** What the test placed, to check the charts against. */
const placed = {
  stores: [] as { storeId: string; name: string }[],
  categories: ['contact-lenses', 'sunglasses'],
  lowSku: '',
  /** Units of the SKUs North sold and kept sold (the one refunded is left out). */
  soldAtNorth: new Map<string, number>(),
  cardTakings: 0,
  cashTakings: 0,
  refunded: 0,
};

beforeAll(async () => {
  flow = await startEventFlowRuntime('dashboard', (stateDir) => ({
    dashboard: { outDir: join(stateDir, 'dashboard') },
  }));
  runtime = flow.runtime;
  admin = await runtime.signToken({ role: 'admin' });
  finance = await runtime.signToken({ role: 'finance' });

  const openapi = await call<{ paths: Record<string, unknown> }>('GET', '/openapi.json');
  const present = REPORT_PATHS.filter((path) => path in openapi.body.paths);
  expect(present).toEqual([...REPORT_PATHS]);

  // Two stores of one region (UTC, so every definition of "the day" agrees), two categories.
  const region = `dash-${uniqueSuffix().toLowerCase()}`;
  for (const [name, channels] of [
    ['Dashboard North', ['in_store', 'online']],
    ['Dashboard South', ['in_store']],
  ] as const) {
    const store = await ok<{ storeId: string }>(
      'POST',
      '/stores',
      storeInput({ name, region, timezone: 'UTC', channels: [...channels] }),
    );
    placed.stores.push({ storeId: store.storeId, name });
  }
  const [north, south] = placed.stores.map((store) => store.storeId) as [string, string];
  const lenses = await ok<{ variants: { sku: string }[] }>('POST', '/products', productInput());
  const shades = await ok<{ variants: { sku: string }[] }>(
    'POST',
    '/products',
    productInput({
      name: `Aviator ${uniqueSuffix()}`,
      category: 'sunglasses',
      // Not empty: the stream translation refuses items holding an empty map (see the report).
      attributes: { frame: 'metal' },
      variants: [
        {
          sku: `SUN-${uniqueSuffix()}`,
          options: { colour: 'black' },
          price: 12_000,
          cost: 5_000,
          currency: 'AUD',
        },
      ],
    }),
  );
  const [lensA, lensB] = lenses.variants.map((variant) => variant.sku) as [string, string];
  const shade = shades.variants[0]?.sku ?? '';
  placed.lowSku = lensB;
  const receive = (storeId: string, sku: string, delta: number) =>
    ok('POST', `/stores/${storeId}/inventory/${sku}/adjustments`, { delta, reason: 'received' });
  for (const [storeId, sku, units] of [
    [north, lensA, 20],
    [north, lensB, 10],
    [north, shade, 5],
    [south, lensA, 30],
    [south, lensB, 60],
    [south, shade, 10],
  ] as const)
    await receive(storeId, sku, units);
  await ok('PUT', `/stores/${north}/inventory/${lensB}/reorder-rule`, {
    reorderPoint: 5,
    reorderQuantity: 10,
  });

  // North, in store, by card: lensB 10 → 4, at or below its point of 5 (plans a transfer from South).
  const first = await pay(
    await placeOrder(north, 'in_store', [
      { sku: lensA, quantity: 2 },
      { sku: lensB, quantity: 6 },
    ]),
    'card',
  );
  placed.cardTakings += first.total;
  placed.soldAtNorth.set(lensA, 2).set(lensB, 6);
  // North, online, in cash, then one unit refunded.
  const second = await pay(await placeOrder(north, 'online', [{ sku: shade, quantity: 1 }]), 'cash');
  placed.cashTakings += second.total;
  await ok('POST', `/orders/${second.orderId}/fulfil`, {});
  const refund = await ok<{ amountRefunded: number }>('POST', `/orders/${second.orderId}/refunds`, {
    lines: [{ sku: shade, quantity: 1 }],
    restock: 'available',
    reason: 'Scratched on arrival',
  });
  placed.refunded = refund.amountRefunded;
  // South, in store, in cash; and an order left unpaid and cancelled (no takings, no sales).
  placed.cashTakings += (
    await pay(await placeOrder(south, 'in_store', [{ sku: lensA, quantity: 3 }]), 'cash')
  ).total;
  const abandoned = await placeOrder(south, 'in_store', [{ sku: shade, quantity: 1 }]);
  await ok('POST', `/orders/${abandoned.orderId}/cancel`, { reason: 'Customer left' });

  // Stream → events → rollups and the planner; the planner's own writes go round once more.
  for (let round = 0; round < 3; round++) await runtime.events?.idle();

  report = async <T>(path: string, query: Record<string, string>) => {
    const answer = await call<T>('GET', `${path}?${new URLSearchParams(query)}`, { token: finance });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await flow?.stop();
});

/** A page that records every console error, uncaught exception and failed request. */
const openPage = async (): Promise<{ page: Page; problems: string[] }> => {
  const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  return { page, problems };
};

const waitUntilSettled = (page: Page) =>
  page.waitForFunction(
    () =>
      ['ready', 'error', 'signed-out'].includes(
        (globalThis as unknown as PageGlobals).storefleetDashboard?.status ?? '',
      ),
    undefined,
    { timeout: 30_000 },
  );

/** What page.evaluate callbacks see of the page (the root tsconfig has no DOM types). */
interface PageGlobals {
  storefleetDashboard?: {
    status: string;
    charts: Record<
      string,
      { drawn: boolean; labels: string[]; series: Drawn['series']; plotData: () => number[][] }
    >;
  };
  document: { querySelectorAll(selector: string): { length: number } };
}

interface Drawn {
  drawn: boolean;
  labels: string[];
  series: { label: string; values: number[] }[];
  plotData: number[][];
  tableRows: number;
}

const chartsOf = (page: Page): Promise<Record<string, Drawn>> =>
  page.evaluate(() => {
    const { storefleetDashboard, document } = globalThis as unknown as PageGlobals;
    return Object.fromEntries(
      Object.entries(storefleetDashboard?.charts ?? {}).map(([id, chart]) => [
        id,
        {
          drawn: chart.drawn,
          labels: chart.labels,
          series: chart.series,
          plotData: chart.plotData(),
          tableRows: document.querySelectorAll(`figure[data-chart="${id}"] details table tbody tr`).length,
        },
      ]),
    );
  });

describe('the finance dashboard in headless Chromium', () => {
  it('draws every chart from the reports API, with table fallbacks and no console errors', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${runtime.dashboardUrl}?user=finance&from=${from}&to=${today}`);
    await waitUntilSettled(page);
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).storefleetDashboard?.status),
    ).toBe('ready');
    // The dev token's role is gone from the address once used.
    expect(new URL(page.url()).searchParams.has('user')).toBe(false);

    const charts = await chartsOf(page);
    expect(Object.keys(charts).sort()).toEqual([...CHART_IDS].sort());
    for (const [id, chart] of Object.entries(charts)) {
      expect(chart.drawn, `${id} drew`).toBe(true);
      // What uPlot holds is the shaped data: x, then one column per series.
      expect(chart.plotData.slice(1), id).toEqual(chart.series.map((series) => series.values));
      expect(chart.tableRows, `${id} has a table row per point`).toBe(chart.labels.length);
      expect(
        chart.series.some((series) => series.values.some((value) => value > 0)),
        id,
      ).toBe(true);
    }

    // Each chart holds what the API answers for the same question.
    const [north, south] = placed.stores;
    const range = { from, to: today };
    const days = daysBetween(from, today);
    // The page lists stores by name.
    const byName = [...placed.stores].sort((a, b) => a.name.localeCompare(b.name));
    const perStore = await Promise.all(
      byName.map(async (store) => ({
        label: store.name,
        report: await report<SalesReport>('/reports/sales', {
          ...range,
          groupBy: 'day',
          storeId: store.storeId,
        }),
      })),
    );
    const byDay = await report<SalesReport>('/reports/sales', { ...range, groupBy: 'day' });
    const byCategory = await report<SalesReport>('/reports/sales', { ...range, groupBy: 'category' });
    const byChannel = await report<SalesReport>('/reports/sales', { ...range, groupBy: 'channel' });
    const takings = await report<TakingsReport>('/reports/takings', { date: today });
    const stock = await report<StockReport>('/reports/stock', { storeId: north?.storeId ?? '' });
    const netAndMargin = [
      { label: 'Net sales', measure: 'net' as const },
      { label: 'Margin', measure: 'margin' as const },
    ];
    expect(charts['sales-by-day']?.series).toEqual(salesByDayPerStore(days, perStore, 'AUD').series);
    expect(charts['margin-by-day']?.series).toEqual(
      dailyMeasures(days, byDay, 'AUD', [
        { label: 'Net sales', measure: 'net' },
        { label: 'Cost', measure: 'cost' },
        { label: 'Margin', measure: 'margin' },
      ]).series,
    );
    expect(charts['sales-by-category']?.series).toEqual(groupBars(byCategory, 'AUD', netAndMargin).series);
    expect(charts['sales-by-channel']?.series).toEqual(groupBars(byChannel, 'AUD', netAndMargin).series);
    expect(charts['takings-by-method']?.series).toEqual(takingsByMethod(takings, 'AUD').series);
    expect(charts['top-sellers']?.series).toEqual(topSellerBars(stock).series);

    // …and the API agrees with what was placed, in what every definition of the reports shares.
    expect(charts['sales-by-day']?.series.map((series) => series.label).sort()).toEqual(
      [north?.name, south?.name].sort(),
    );
    for (const series of charts['sales-by-day']?.series ?? [])
      expect(series.values.at(-1)).toBeGreaterThan(0);
    expect(charts['sales-by-category']?.labels.sort()).toEqual(expect.arrayContaining(['contact-lenses']));
    for (const label of charts['sales-by-category']?.labels ?? []) expect(placed.categories).toContain(label);
    expect(charts['sales-by-channel']?.labels).toEqual(expect.arrayContaining(['In store', 'Online']));
    const methods = charts['takings-by-method'];
    const paid = (method: string) => methods?.series[0]?.values[methods.labels.indexOf(method)];
    expect(paid('card')).toBe(placed.cardTakings);
    expect(paid('cash')).toBe(placed.cashTakings);
    expect(methods?.series[1]?.values.reduce((sum, value) => sum + value, 0)).toBe(placed.refunded);
    const topSellers = charts['top-sellers'];
    expect(topSellers?.labels).toEqual(expect.arrayContaining([...placed.soldAtNorth.keys()]));
    expect(topSellers?.series[0]?.values[topSellers.labels.indexOf(placed.lowSku)]).toBe(6);

    // The stock section: the store that sold most, its low-stock list and its open replenishment.
    expect(await page.locator('#store').inputValue()).toBe(north?.storeId);
    await expect
      .poll(() => page.locator('#low-stock table tbody tr').allInnerTexts())
      .toEqual([expect.stringContaining(placed.lowSku)]);
    const replenishments = await page.locator('#replenishments table tbody tr').allInnerTexts();
    expect(replenishments).toEqual([expect.stringContaining(placed.lowSku)]);
    expect(replenishments[0]).toContain(`from ${south?.name}`);
    expect(await page.locator('[data-kpi="Orders"] dd').textContent()).toBe(
      String(byDay.totals.find((figures) => figures.currency === 'AUD')?.orders),
    );

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('shows a manager only their stores', async () => {
    const [north, south] = placed.stores;
    const { page, problems } = await openPage();
    await page.goto(`${runtime.dashboardUrl}?user=manager&stores=${south?.storeId}&from=${from}&to=${today}`);
    await waitUntilSettled(page);
    const charts = await chartsOf(page);
    expect(charts['sales-by-day']?.series.map((series) => series.label)).toEqual([south?.name]);
    expect(await page.locator('#store option').evaluateAll((options) => options.length)).toBe(1);
    expect(await page.locator('#store').inputValue()).toBe(south?.storeId);
    expect(await page.locator('#stock-title').textContent()).toBe(`Stock at ${south?.name}`);
    expect(await page.locator('#who').textContent()).toContain('(manager)');
    expect(JSON.stringify(charts)).not.toContain(north?.name ?? '');
    expect(problems).toEqual([]);
  });

  it('asks for a token when none is given, and tells staff they cannot read reports', async () => {
    const { page, problems } = await openPage();
    await page.goto(runtime.dashboardUrl ?? '');
    await waitUntilSettled(page);
    expect(await page.locator('#sign-in').isVisible()).toBe(true);
    expect(await page.getByLabel('Cognito ID token').isVisible()).toBe(true);
    // No Cognito pool locally, so no password form: the local runtime has dev tokens instead.
    expect(await page.locator('#password-form').isVisible()).toBe(false);

    const staff = await runtime.signToken({ role: 'staff', stores: [placed.stores[0]?.storeId ?? ''] });
    await page.getByLabel('Cognito ID token').fill(staff);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('cannot read reports');
    expect(await chartsOf(page)).toEqual({});
    expect(problems).toEqual([]);
  });

  it('refuses a dev token it cannot make, naming the field, and serves only the built files', async () => {
    const manager = await fetch(`${runtime.url}/dashboard/dev-token?user=manager`);
    expect(manager.status).toBe(400);
    expect(await manager.json()).toMatchObject({
      errors: [expect.objectContaining({ path: 'query.stores' })],
    });
    const role = await fetch(`${runtime.url}/dashboard/dev-token?user=root`);
    expect(role.status).toBe(400);
    // Paths that only look like the dashboard's are the API's: behind its authorizer.
    expect((await fetch(`${runtime.url}/dashboards`)).status).toBe(401);
    expect((await fetch(`${runtime.url}/dashboard/`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${runtime.url}/dashboard/%2e%2e%2fpackage.json`)).status).toBe(404);
    const redirect = await fetch(`${runtime.url}/dashboard?user=finance`, { redirect: 'manual' });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('/dashboard/?user=finance');
    const index = await fetch(`${runtime.url}/dashboard/`);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
