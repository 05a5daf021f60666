/**
 * What the dashboard shows, kept in the address (`?from=&to=&currency=&date=&store=`) so a view
 * can be bookmarked or shared. Days not given default to the last 14 UTC days up to today.
 */
import { addDays, isIsoDay, utcDay } from './dates.js';

export interface ViewState {
  from: string;
  to: string;
  currency?: string;
  /** Day of the takings; default the latest day with sales. */
  date?: string;
  /** Store of the stock report; default the store that sold most. */
  store?: string;
}

export const DEFAULT_DAYS = 14;

export const readViewState = (search: string, now: Date): ViewState => {
  const params = new URLSearchParams(search);
  const day = (name: string) => {
    const value = params.get(name);
    return value && isIsoDay(value) ? value : undefined;
  };
  const to = day('to') ?? utcDay(now);
  let from = day('from') ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) from = to;
  const text = (name: string) => params.get(name) || undefined;
  return {
    from,
    to,
    ...(text('currency') ? { currency: text('currency') } : {}),
    ...(day('date') ? { date: day('date') } : {}),
    ...(text('store') ? { store: text('store') } : {}),
  };
};

export const writeViewState = (state: ViewState, search: string): string => {
  const params = new URLSearchParams(search);
  for (const name of ['from', 'to', 'currency', 'date', 'store'] as const) {
    const value = state[name];
    if (value) params.set(name, value);
    else params.delete(name);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};
