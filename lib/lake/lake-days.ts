/** Lake partitions are UTC days, `YYYY-MM-DD`. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Whether `value` is a real calendar day in the lake's spelling (2026-02-30 is not). */
export const isLakeDay = (value: string): boolean => {
  if (!DAY.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
};

export const assertLakeDay = (value: string): string => {
  if (!isLakeDay(value)) throw new RangeError(`Not a day (YYYY-MM-DD): ${value}`);
  return value;
};

/** The UTC day an instant falls on. */
export const lakeDayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string =>
  lakeDayOf(new Date(Date.parse(`${assertLakeDay(day)}T00:00:00.000Z`) + days * DAY_MS));

export const previousDay = (day: string): string => addDays(day, -1);

/** The instant a day ends (exclusive), for "as at the end of the day" figures. */
export const endOfDay = (day: string): Date => new Date(Date.parse(`${addDays(day, 1)}T00:00:00.000Z`));
