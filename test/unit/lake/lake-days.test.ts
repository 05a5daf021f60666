import { describe, expect, it } from 'vitest';
import { addDays, endOfDay, isLakeDay, lakeDayOf, previousDay } from '../../../lib/lake/lake-days.js';

describe('lake days', () => {
  it('accepts real calendar days only', () => {
    expect(isLakeDay('2024-02-29')).toBe(true);
    expect(isLakeDay('2026-02-29')).toBe(false);
    expect(isLakeDay('2026-13-01')).toBe(false);
    expect(isLakeDay('2026-1-01')).toBe(false);
    expect(isLakeDay('2026-12-01T00:00:00Z')).toBe(false);
  });

  it('steps across months and years in UTC', () => {
    expect(previousDay('2026-01-01')).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(lakeDayOf(new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11-30');
    expect(endOfDay('2026-11-30').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(() => previousDay('yesterday')).toThrow(RangeError);
  });
});
