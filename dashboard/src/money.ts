/** Money as the API sends it: integer minor units with an ISO 4217 currency. */

/** Minor-unit digits of a currency (2 for AUD, 0 for JPY), as Intl knows them. */
export const minorDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

export const toMajor = (amount: number, currency: string): number => amount / 10 ** minorDigits(currency);

export const formatMoney = (amount: number, currency: string, locale?: string): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(toMajor(amount, currency));

/** Axis ticks: no cents, thousands as `k`, so a narrow axis stays readable. */
export const formatMoneyTick = (amount: number, currency: string, locale?: string): string => {
  const major = toMajor(amount, currency);
  const compact = Math.abs(major) >= 10_000;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    ...(compact ? { notation: 'compact' } : {}),
  }).format(major);
};

/** Margin as a share of net sales, or undefined when nothing was sold. */
export const marginRate = (margin: number, net: number): number | undefined =>
  net === 0 ? undefined : margin / net;

export const formatPercent = (rate: number | undefined, locale?: string): string =>
  rate === undefined
    ? '–'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
