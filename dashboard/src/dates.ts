/** Calendar days as the reports API names them: `YYYY-MM-DD`. */

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const isIsoDay = (value: string): boolean =>
  ISO_DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** The UTC day of `now`: the reports count by the UTC day, as the lake partitions by it. */
export const utcDay = (now: Date): string => now.toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Every day from `from` to `to`, both included; empty when `from` is after `to`. */
export const daysBetween = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
};

/** uPlot's time axis counts seconds since the epoch; a day is placed at its UTC midnight. */
export const dayToEpochSeconds = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 1000;

export const epochSecondsToDay = (seconds: number): string =>
  new Date(seconds * 1000).toISOString().slice(0, 10);
