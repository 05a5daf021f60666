import { describe, expect, it } from 'vitest';
import {
  currenciesByOrders,
  dailyMeasures,
  groupBars,
  hasData,
  latestSalesDay,
  openReplenishments,
  salesByDayPerStore,
  takingsByMethod,
  topSellerBars,
} from '../../../dashboard/src/chart-data.js';
import { dayToEpochSeconds } from '../../../dashboard/src/dates.js';
import type {
  Figures,
  Replenishment,
  SalesReport,
  StockReport,
  TakingsReport,
} from '../../../dashboard/src/report-types.js';

const figures = (overrides: Partial<Figures> = {}): Figures => ({
  currency: 'AUD',
  orders: 1,
  units: 1,
  gross: 1000,
  discounts: 0,
  net: 1000,
  refunds: 0,
  cost: 400,
  margin: 600,
  averageBasket: 1000,
  ...overrides,
});

const sales = (groups: (Partial<Figures> & { key: string })[], totals: Figures[] = []): SalesReport => ({
  from: '2026-03-01',
  to: '2026-03-03',
  groupBy: 'day',
  totals,
  groups: groups.map((group) => ({ ...figures(group), key: group.key })),
});

const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03'];

describe('salesByDayPerStore', () => {
  it('gives every day of the range, 0 where the report omits a day, one series per store that sold', () => {
    const data = salesByDayPerStore(
      DAYS,
      [
        {
          label: 'Sydney',
          report: sales([
            { key: '2026-03-01', net: 500 },
            { key: '2026-03-03', net: 700 },
          ]),
        },
        { label: 'Geelong', report: sales([]) },
        { label: 'Melbourne', report: sales([{ key: '2026-03-02', net: 300 }]) },
      ],
      'AUD',
    );
    expect(data.kind).toBe('time');
    expect(data.x).toEqual(DAYS.map(dayToEpochSeconds));
    expect(data.labels).toEqual(DAYS);
    expect(data.series).toEqual([
      { label: 'Sydney', values: [500, 0, 700] },
      { label: 'Melbourne', values: [0, 300, 0] },
    ]);
  });

  it('keeps to one currency: another currency’s days neither show nor add up', () => {
    const report = sales([
      { key: '2026-03-01', net: 500 },
      { key: '2026-03-01', net: 9_999, currency: 'NZD' },
    ]);
    expect(salesByDayPerStore(DAYS, [{ label: 'Sydney', report }], 'AUD').series).toEqual([
      { label: 'Sydney', values: [500, 0, 0] },
    ]);
    expect(salesByDayPerStore(DAYS, [{ label: 'Sydney', report }], 'NZD').series[0]?.values).toEqual([
      9_999, 0, 0,
    ]);
  });
});

describe('dailyMeasures', () => {
  it('draws several measures of one report over the same days', () => {
    const report = sales([{ key: '2026-03-02', net: 1000, cost: 400, margin: 600 }]);
    const data = dailyMeasures(DAYS, report, 'AUD', [
      { label: 'Net', measure: 'net' },
      { label: 'Margin', measure: 'margin' },
    ]);
    expect(data.series).toEqual([
      { label: 'Net', values: [0, 1000, 0] },
      { label: 'Margin', values: [0, 600, 0] },
    ]);
  });
});

describe('groupBars', () => {
  it('orders bars by the first measure, largest first, ties by name, and names keys', () => {
    const report = sales([
      { key: 'online', net: 200, margin: 50 },
      { key: 'in_store', net: 900, margin: 300 },
      { key: 'marketplace', net: 200, margin: 80 },
      { key: 'in_store', net: 1, currency: 'NZD' },
    ]);
    const data = groupBars(
      report,
      'AUD',
      [
        { label: 'Net', measure: 'net' },
        { label: 'Margin', measure: 'margin' },
      ],
      (key) => key.toUpperCase(),
    );
    expect(data).toEqual({
      kind: 'category',
      x: [0, 1, 2],
      labels: ['IN_STORE', 'MARKETPLACE', 'ONLINE'],
      series: [
        { label: 'Net', values: [900, 200, 200] },
        { label: 'Margin', values: [300, 80, 50] },
      ],
    });
  });
});

describe('takingsByMethod', () => {
  const takings: TakingsReport = {
    date: '2026-03-02',
    stores: [
      {
        storeId: 'st_a',
        currency: 'AUD',
        payments: [
          { method: 'card', amount: 3000, count: 2 },
          { method: 'cash', amount: 500, count: 1 },
        ],
        refunds: [{ method: 'card', amount: 200, count: 1 }],
        net: 3300,
        count: 4,
      },
      {
        storeId: 'st_b',
        currency: 'AUD',
        payments: [{ method: 'cash', amount: 4000, count: 3 }],
        refunds: [{ method: 'other', amount: 100, count: 1 }],
        net: 3900,
        count: 4,
      },
      {
        storeId: 'st_nz',
        currency: 'NZD',
        payments: [{ method: 'card', amount: 7000, count: 1 }],
        refunds: [],
        net: 7000,
        count: 1,
      },
    ],
  };

  it('sums each method over the stores of the currency, payments and refunds side by side', () => {
    expect(takingsByMethod(takings, 'AUD')).toEqual({
      kind: 'category',
      x: [0, 1, 2],
      labels: ['cash', 'card', 'other'],
      series: [
        { label: 'Payments', values: [4500, 3000, 0] },
        { label: 'Refunds', values: [0, 200, 100] },
      ],
    });
  });

  it('has nothing to draw for a currency no store took', () => {
    expect(hasData(takingsByMethod(takings, 'JPY'))).toBe(false);
  });
});

describe('topSellerBars', () => {
  it('keeps the report’s ranking, at most the limit', () => {
    const stock = {
      topSellers: [
        { sku: 'A', productId: 'p', units: 9, net: 900 },
        { sku: 'B', productId: 'p', units: 5, net: 500 },
        { sku: 'C', productId: 'p', units: 1, net: 100 },
      ],
    } as StockReport;
    expect(topSellerBars(stock, 2)).toEqual({
      kind: 'category',
      x: [0, 1],
      labels: ['A', 'B'],
      series: [{ label: 'Units sold', values: [9, 5] }],
    });
  });
});

describe('currencies, latest day and open replenishments', () => {
  it('ranks currencies by orders, then by code', () => {
    expect(
      currenciesByOrders([
        figures({ currency: 'NZD', orders: 2 }),
        figures({ currency: 'AUD', orders: 9 }),
        figures({ currency: 'CNY', orders: 2 }),
      ]),
    ).toEqual(['AUD', 'CNY', 'NZD']);
  });

  it('finds the latest day with orders in the currency', () => {
    const report = sales([
      { key: '2026-03-01' },
      { key: '2026-03-03', orders: 0 },
      { key: '2026-03-02' },
      { key: '2026-03-03', currency: 'NZD' },
    ]);
    expect(latestSalesDay(report, 'AUD')).toBe('2026-03-02');
    expect(latestSalesDay(sales([]), 'AUD')).toBeUndefined();
  });

  it('lists open replenishments, the longest waiting first', () => {
    const item = (id: string, status: 'OPEN' | 'CLOSED', createdAt: string) =>
      ({ replenishmentId: id, sku: id, status, createdAt }) as Replenishment;
    expect(
      openReplenishments([
        item('late', 'OPEN', '2026-03-03T00:00:00Z'),
        item('done', 'CLOSED', '2026-03-01T00:00:00Z'),
        item('early', 'OPEN', '2026-03-01T00:00:00Z'),
      ]).map((r) => r.replenishmentId),
    ).toEqual(['early', 'late']);
  });

  it('sees no data in a chart of zeros', () => {
    expect(
      hasData({ kind: 'time', x: [1, 2], labels: ['a', 'b'], series: [{ label: 's', values: [0, 0] }] }),
    ).toBe(false);
    expect(hasData({ kind: 'time', x: [1], labels: ['a'], series: [{ label: 's', values: [-5] }] })).toBe(
      true,
    );
  });
});
