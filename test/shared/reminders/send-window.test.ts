import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSwedishHoliday } from '../../../shared/domain/swedish-holidays';
import {
  earliestSendTime,
  isInWindow,
  isWindowDay,
  nextWindowOpening,
  type SendWindow,
  stockholmDate,
  stockholmInstant,
  stockholmParts,
  WEEKDAYS,
} from '../../../shared/reminders/index';

const weekdays9to5: SendWindow = { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '17:00' };

describe('stockholmParts', () => {
  it.each([
    [
      'winter time is UTC+1',
      '2025-01-15T07:00:00Z',
      { year: 2025, month: 1, day: 15, hour: 8, minute: 0, weekday: 'wed' },
    ],
    [
      'summer time is UTC+2',
      '2025-07-15T06:00:00Z',
      { year: 2025, month: 7, day: 15, hour: 8, minute: 0, weekday: 'tue' },
    ],
    [
      'the last second before the spring change is 01:59:59',
      '2025-03-30T00:59:59Z',
      { hour: 1, minute: 59, second: 59 },
    ],
    ['the spring change jumps from 02:00 to 03:00', '2025-03-30T01:00:00Z', { hour: 3, minute: 0, weekday: 'sun' }],
    ['the first 02:30 on the autumn change is summer time', '2025-10-26T00:30:00Z', { hour: 2, minute: 30 }],
    ['the second 02:30 on the autumn change is winter time', '2025-10-26T01:30:00Z', { hour: 2, minute: 30 }],
    [
      'UTC midnight is already the next day in Stockholm',
      '2024-12-31T23:30:00Z',
      { year: 2025, month: 1, day: 1, hour: 0 },
    ],
  ])('%s', (_name, iso, expected) => {
    // Arrange
    const instant = new Date(iso);
    // Act
    const parts = stockholmParts(instant);
    // Assert
    expect(parts).toMatchObject(expected);
  });

  it('rejects an invalid date', () => {
    // Arrange
    const invalid = new Date('not a date');
    // Act / Assert
    expect(() => stockholmParts(invalid)).toThrow(RangeError);
  });
});

describe('stockholmInstant', () => {
  it.each([
    ['an ordinary winter time', { year: 2025, month: 2, day: 10, hour: 8, minute: 0 }, '2025-02-10T07:00:00.000Z'],
    ['an ordinary summer time', { year: 2025, month: 6, day: 10, hour: 8, minute: 0 }, '2025-06-10T06:00:00.000Z'],
    [
      '08:00 on the spring change day',
      { year: 2025, month: 3, day: 30, hour: 8, minute: 0 },
      '2025-03-30T06:00:00.000Z',
    ],
    [
      'a skipped time maps to the moment the clocks jump',
      { year: 2025, month: 3, day: 30, hour: 2, minute: 30 },
      '2025-03-30T01:00:00.000Z',
    ],
    [
      'a repeated time maps to its first occurrence',
      { year: 2025, month: 10, day: 26, hour: 2, minute: 30 },
      '2025-10-26T00:30:00.000Z',
    ],
    [
      '08:00 on the autumn change day',
      { year: 2025, month: 10, day: 26, hour: 8, minute: 0 },
      '2025-10-26T07:00:00.000Z',
    ],
  ])('%s', (_name, wall, expectedIso) => {
    // Arrange / Act
    const instant = stockholmInstant(wall);
    // Assert
    expect(instant.toISOString()).toBe(expectedIso);
  });
});

describe('isInWindow', () => {
  it.each([
    ['Monday 08:00 is the opening instant', '2025-03-17T07:00:00Z', true],
    ['Monday 07:59 is before opening', '2025-03-17T06:59:00Z', false],
    ['Friday 16:59 is inside', '2025-03-21T15:59:00Z', true],
    ['Friday 17:00 is the (exclusive) end', '2025-03-21T16:00:00Z', false],
    ['Saturday noon is outside', '2025-03-22T11:00:00Z', false],
    ['Monday 08:00 summer time is 06:00 UTC', '2025-03-31T06:00:00Z', true],
    ['Monday 07:30 summer time is outside although 07:30 UTC would be inside in winter', '2025-03-31T05:30:00Z', false],
    ['Friday 25 December 2026 (juldagen) is outside all day', '2026-12-25T09:00:00Z', false],
    ['Thursday 24 December 2026 (julafton) is outside', '2026-12-24T09:00:00Z', false],
    ['Friday 19 June 2026 (midsommarafton) is outside', '2026-06-19T08:00:00Z', false],
    ['Thursday 14 May 2026 (Kristi himmelsfärds dag) is outside', '2026-05-14T08:00:00Z', false],
    ['Monday 6 April 2026 (annandag påsk) is outside', '2026-04-06T08:00:00Z', false],
    ['Wednesday 23 December 2026 is an ordinary working day', '2026-12-23T09:00:00Z', true],
    ['Monday 28 December 2026 is an ordinary working day', '2026-12-28T09:00:00Z', true],
  ])('%s', (_name, iso, expected) => {
    // Arrange
    const at = new Date(iso);
    // Act
    const inside = isInWindow(weekdays9to5, at);
    // Assert
    expect(inside).toBe(expected);
  });
});

describe('nextWindowOpening', () => {
  it.each([
    ['a Saturday waits until Monday 08:00', '2025-03-15T10:00:00Z', weekdays9to5, '2025-03-17T07:00:00.000Z'],
    ['Friday evening waits until Monday 08:00', '2025-03-21T16:00:00Z', weekdays9to5, '2025-03-24T07:00:00.000Z'],
    ['early Tuesday waits until 08:00 the same day', '2025-03-18T05:00:00Z', weekdays9to5, '2025-03-18T07:00:00.000Z'],
    ['an opening instant is its own next opening', '2025-03-18T07:00:00Z', weekdays9to5, '2025-03-18T07:00:00.000Z'],
    [
      'inside the window the next opening is tomorrow',
      '2025-03-18T09:00:00Z',
      weekdays9to5,
      '2025-03-19T07:00:00.000Z',
    ],
    [
      'the weekend of the spring change waits until Monday 08:00 summer time',
      '2025-03-29T11:00:00Z',
      weekdays9to5,
      '2025-03-31T06:00:00.000Z',
    ],
    [
      'the weekend of the autumn change waits until Monday 08:00 winter time',
      '2025-10-25T10:00:00Z',
      weekdays9to5,
      '2025-10-27T07:00:00.000Z',
    ],
    [
      'a Wednesday-only window waits a week from Wednesday evening',
      '2025-03-19T17:00:00Z',
      { weekdays: ['wed'], start: '09:30', end: '11:00' } satisfies SendWindow,
      '2025-03-26T08:30:00.000Z',
    ],
    [
      'Christmas: Wednesday evening 23 December 2026 waits past julafton, juldagen and the weekend to Monday 28th',
      '2026-12-23T16:00:00Z',
      weekdays9to5,
      '2026-12-28T07:00:00.000Z',
    ],
    [
      'Easter: Thursday evening before långfredagen 2027 waits past annandag påsk to Tuesday',
      '2027-03-25T16:00:00Z',
      weekdays9to5,
      '2027-03-30T06:00:00.000Z',
    ],
    [
      'midsommarafton 2026 (a Friday) waits until Monday 22 June',
      '2026-06-19T06:00:00Z',
      weekdays9to5,
      '2026-06-22T06:00:00.000Z',
    ],
    [
      'a Friday-only window skips two holiday Fridays in a row (juldagen and nyårsdagen 2027)',
      '2026-12-19T10:00:00Z',
      { weekdays: ['fri'], start: '08:00', end: '17:00' } satisfies SendWindow,
      '2027-01-08T07:00:00.000Z',
    ],
    [
      'a Saturday window skips midsommardagen',
      '2026-06-19T10:00:00Z',
      { weekdays: ['sat'], start: '10:00', end: '12:00' } satisfies SendWindow,
      '2026-06-27T08:00:00.000Z',
    ],
    [
      'a window starting in the skipped hour opens when the clocks jump',
      '2025-03-29T23:00:00Z',
      { weekdays: ['sun'], start: '02:30', end: '05:00' } satisfies SendWindow,
      '2025-03-30T01:00:00.000Z',
    ],
  ])('%s', (_name, iso, window, expectedIso) => {
    // Arrange
    const at = new Date(iso);
    // Act
    const opening = nextWindowOpening(window, at);
    // Assert
    expect(opening.toISOString()).toBe(expectedIso);
    expect(isInWindow(window, opening)).toBe(true);
  });

  it.each([
    ['no weekdays', { weekdays: [], start: '08:00', end: '17:00' }],
    ['start equal to end', { weekdays: ['mon'], start: '08:00', end: '08:00' }],
  ] as [string, SendWindow][])('throws for an empty window: %s', (_name, window) => {
    // Arrange
    const at = new Date('2025-03-17T07:00:00Z');
    // Act / Assert
    expect(() => nextWindowOpening(window, at)).toThrow(RangeError);
  });

  it('finds a window day for every one-weekday window on every day of 2024–2027', () => {
    for (const weekday of WEEKDAYS) {
      const window: SendWindow = { weekdays: [weekday], start: '08:00', end: '17:00' };
      for (let at = Date.parse('2024-01-01T12:00:00Z'); at < Date.parse('2028-01-01T00:00:00Z'); at += 86_400_000) {
        // Act
        const opening = nextWindowOpening(window, new Date(at));
        // Assert
        expect(isInWindow(window, opening)).toBe(true);
        expect(isSwedishHoliday(stockholmDate(opening))).toBe(false);
        expect(opening.getTime() - at).toBeLessThan(22 * 86_400_000);
      }
    }
  });

  it('finds the first instant the window is open, for any instant and window', () => {
    // Arrange
    const windowArb = fc
      .record({
        weekdays: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1 }),
        startMinutes: fc.integer({ min: 0, max: 22 * 60 }),
        length: fc.integer({ min: 15, max: 10 * 60 }),
      })
      .map(({ weekdays, startMinutes, length }) => {
        const end = Math.min(startMinutes + length, 24 * 60);
        const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        return { weekdays, start: hhmm(startMinutes), end: hhmm(end) } satisfies SendWindow;
      });
    const instantArb = fc.date({
      min: new Date('2024-01-01T00:00:00Z'),
      max: new Date('2027-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(windowArb, instantArb, fc.double({ min: 0, max: 1, noNaN: true }), (window, at, fraction) => {
        // Act
        const sendAt = earliestSendTime(window, at);
        // Assert
        expect(sendAt.getTime()).toBeGreaterThanOrEqual(at.getTime());
        // A holiday falls on one weekday at most two weeks running (juldagen, then nyårsdagen).
        expect(sendAt.getTime() - at.getTime()).toBeLessThan(22 * 86_400_000);
        expect(isInWindow(window, sendAt)).toBe(true);
        expect(isSwedishHoliday(stockholmDate(sendAt))).toBe(false);
        // Nothing between `at` and the answer is inside the window (checked at a random whole second).
        const between = new Date(
          Math.floor((at.getTime() + (sendAt.getTime() - at.getTime()) * fraction) / 1000) * 1000,
        );
        if (between.getTime() > at.getTime() && between.getTime() < sendAt.getTime()) {
          expect(isInWindow(window, between)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('isWindowDay', () => {
  it.each([
    ['an ordinary Wednesday', { year: 2026, month: 12, day: 23 }, true],
    ['a Saturday, outside the weekdays', { year: 2026, month: 12, day: 19 }, false],
    ['julafton on a Thursday', { year: 2026, month: 12, day: 24 }, false],
    ['nyårsafton on a Thursday', { year: 2026, month: 12, day: 31 }, false],
    ['trettondedag jul on a Wednesday', { year: 2027, month: 1, day: 6 }, false],
    ['första maj on a Friday', { year: 2026, month: 5, day: 1 }, false],
    [
      'alla helgons dag is a Saturday anyway, and the Friday before is a working day',
      { year: 2026, month: 10, day: 30 },
      true,
    ],
  ])('%s', (_name, date, expected) => {
    expect(isWindowDay(weekdays9to5, date)).toBe(expected);
  });
});
