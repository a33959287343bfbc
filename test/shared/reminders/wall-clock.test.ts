import { describe, expect, it } from 'vitest';
import { daysInMonth, impossibleWallClockField, stockholmInstant } from '../../../shared/reminders/send-window';

describe('daysInMonth', () => {
  it('knows the short months and February in leap years, century years included', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2026, month))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});

describe('impossibleWallClockField', () => {
  const noon = { year: 2026, month: 6, day: 15, hour: 12, minute: 0 };

  it('accepts real readings, the ends of each range and the skipped spring hour', () => {
    for (const wall of [
      noon,
      { year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 },
      { year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59 },
      { year: 2028, month: 2, day: 29, hour: 10, minute: 0 },
      { year: 2026, month: 3, day: 29, hour: 2, minute: 30 },
    ]) {
      expect(impossibleWallClockField(wall), JSON.stringify(wall)).toBeNull();
    }
  });

  it.each([
    ['31 November', { ...noon, month: 11, day: 31 }, 'day'],
    ['29 February of a common year', { ...noon, month: 2, day: 29 }, 'day'],
    ['30 February of a leap year', { ...noon, year: 2028, month: 2, day: 30 }, 'day'],
    ['day 0', { ...noon, day: 0 }, 'day'],
    ['month 13 (2026-13-45)', { ...noon, month: 13, day: 45 }, 'month'],
    ['month 0', { ...noon, month: 0 }, 'month'],
    ['hour 24', { ...noon, hour: 24 }, 'hour'],
    ['minute 60', { ...noon, minute: 60 }, 'minute'],
    ['second 60', { ...noon, second: 60 }, 'second'],
    ['a fraction of a day', { ...noon, day: 1.5 }, 'day'],
    ['NaN for an hour', { ...noon, hour: Number.NaN }, 'hour'],
  ] as const)('names the field of %s', (_name, wall, field) => {
    expect(impossibleWallClockField(wall)).toBe(field);
  });

  it('is needed: stockholmInstant rolls the same readings over to another day', () => {
    // Why the check exists: 31 November at 10:00 is 1 December at 10:00 to Date.UTC.
    expect(stockholmInstant({ year: 2026, month: 11, day: 31, hour: 10, minute: 0 }).toISOString()).toBe(
      '2026-12-01T09:00:00.000Z',
    );
  });
});
