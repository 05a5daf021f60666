import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  dayToEpochSeconds,
  epochSecondsToDay,
  isIsoDay,
  utcDay,
} from '../../../dashboard/src/dates.js';
import {
  formatMoney,
  formatMoneyTick,
  formatPercent,
  marginRate,
  minorDigits,
  toMajor,
} from '../../../dashboard/src/money.js';

describe('money in minor units', () => {
  it('knows each currency’s minor digits', () => {
    expect(minorDigits('AUD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(toMajor(12_345, 'AUD')).toBe(123.45);
    expect(toMajor(500, 'JPY')).toBe(500);
  });

  it('formats amounts and axis ticks', () => {
    expect(formatMoney(12_345, 'AUD', 'en-AU')).toBe('$123.45');
    expect(formatMoney(-500, 'AUD', 'en-AU')).toBe('-$5.00');
    expect(formatMoneyTick(12_345, 'AUD', 'en-AU')).toBe('$123');
    expect(formatMoneyTick(2_500_000, 'AUD', 'en-AU')).toBe('$25K');
  });

  it('gives margin as a share of net, none without sales', () => {
    expect(marginRate(250, 1000)).toBe(0.25);
    expect(marginRate(0, 0)).toBeUndefined();
    expect(formatPercent(0.3633, 'en')).toBe('36.3%');
    expect(formatPercent(undefined)).toBe('–');
  });
});

describe('days', () => {
  it('accepts only real calendar days', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2026-02-30')).toBe(false);
    expect(isIsoDay('2026-2-3')).toBe(false);
    expect(isIsoDay('2026-02-28T00:00:00Z')).toBe(false);
  });

  it('counts days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('places a day at its UTC midnight on the time axis, and back', () => {
    expect(dayToEpochSeconds('1970-01-02')).toBe(86_400);
    expect(epochSecondsToDay(dayToEpochSeconds('2026-07-04'))).toBe('2026-07-04');
  });

  it('takes today as the UTC day, as the reports count', () => {
    expect(utcDay(new Date('2026-01-05T23:59:59+10:00'))).toBe('2026-01-05');
    expect(utcDay(new Date('2026-01-06T09:59:59+10:00'))).toBe('2026-01-05');
  });
});
