import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  isSwedishHoliday,
  swedishHolidayOn,
  swedishHolidays,
} from '../../../shared/domain/swedish-holidays';

const iso = (date: { year: number; month: number; day: number }) =>
  `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
const date = (text: string) => {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};
const weekday = (text: string) => new Date(`${text}T12:00:00Z`).getUTCDay();

describe('easterSunday', () => {
  it.each([
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i is %s', (year, expected) => {
    // Act
    const easter = easterSunday(year);
    // Assert
    expect(iso(easter)).toBe(expected);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2200; year++) {
      // Act
      const easter = iso(easterSunday(year));
      // Assert
      expect(weekday(easter), easter).toBe(0);
      expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25', easter).toBe(true);
    }
  });

  it('refuses a year before the Gregorian calendar', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(2025.5)).toThrow(RangeError);
  });
});

describe('swedishHolidays', () => {
  it.each([
    [
      2024,
      [
        '2024-01-01 nyårsdagen',
        '2024-01-06 trettondedag jul',
        '2024-03-29 långfredagen',
        '2024-03-31 påskdagen',
        '2024-04-01 annandag påsk',
        '2024-05-01 första maj',
        '2024-05-09 Kristi himmelsfärds dag',
        '2024-05-19 pingstdagen',
        '2024-06-06 Sveriges nationaldag',
        '2024-06-21 midsommarafton',
        '2024-06-22 midsommardagen',
        '2024-11-02 alla helgons dag',
        '2024-12-24 julafton',
        '2024-12-25 juldagen',
        '2024-12-26 annandag jul',
        '2024-12-31 nyårsafton',
      ],
    ],
    [
      2025,
      [
        '2025-01-01 nyårsdagen',
        '2025-01-06 trettondedag jul',
        '2025-04-18 långfredagen',
        '2025-04-20 påskdagen',
        '2025-04-21 annandag påsk',
        '2025-05-01 första maj',
        '2025-05-29 Kristi himmelsfärds dag',
        '2025-06-06 Sveriges nationaldag',
        '2025-06-08 pingstdagen',
        '2025-06-20 midsommarafton',
        '2025-06-21 midsommardagen',
        '2025-11-01 alla helgons dag',
        '2025-12-24 julafton',
        '2025-12-25 juldagen',
        '2025-12-26 annandag jul',
        '2025-12-31 nyårsafton',
      ],
    ],
    [
      2026,
      [
        '2026-01-01 nyårsdagen',
        '2026-01-06 trettondedag jul',
        '2026-04-03 långfredagen',
        '2026-04-05 påskdagen',
        '2026-04-06 annandag påsk',
        '2026-05-01 första maj',
        '2026-05-14 Kristi himmelsfärds dag',
        '2026-05-24 pingstdagen',
        '2026-06-06 Sveriges nationaldag',
        '2026-06-19 midsommarafton',
        '2026-06-20 midsommardagen',
        '2026-10-31 alla helgons dag',
        '2026-12-24 julafton',
        '2026-12-25 juldagen',
        '2026-12-26 annandag jul',
        '2026-12-31 nyårsafton',
      ],
    ],
    [
      2027,
      [
        '2027-01-01 nyårsdagen',
        '2027-01-06 trettondedag jul',
        '2027-03-26 långfredagen',
        '2027-03-28 påskdagen',
        '2027-03-29 annandag påsk',
        '2027-05-01 första maj',
        '2027-05-06 Kristi himmelsfärds dag',
        '2027-05-16 pingstdagen',
        '2027-06-06 Sveriges nationaldag',
        '2027-06-25 midsommarafton',
        '2027-06-26 midsommardagen',
        '2027-11-06 alla helgons dag',
        '2027-12-24 julafton',
        '2027-12-25 juldagen',
        '2027-12-26 annandag jul',
        '2027-12-31 nyårsafton',
      ],
    ],
  ])('lists %i in date order', (year, expected) => {
    // Act
    const holidays = swedishHolidays(year);
    // Assert
    expect(holidays.map((holiday) => `${iso(holiday.date)} ${holiday.name}`)).toEqual(expected);
  });

  it('marks only julafton, nyårsafton and midsommarafton as eves', () => {
    // Act
    const eves = swedishHolidays(2026).filter((holiday) => holiday.kind === 'eve');
    // Assert
    expect(eves.map((holiday) => holiday.name)).toEqual(['midsommarafton', 'julafton', 'nyårsafton']);
  });

  it('puts midsommar on Friday and Saturday 19–26 June and alla helgons dag on Saturday 31 October–6 November, every year', () => {
    for (let year = 2000; year <= 2100; year++) {
      // Act
      const byName = new Map(swedishHolidays(year).map((holiday) => [holiday.name, iso(holiday.date)]));
      // Assert
      const afton = byName.get('midsommarafton') as string;
      const dagen = byName.get('midsommardagen') as string;
      const allaHelgon = byName.get('alla helgons dag') as string;
      expect([weekday(afton), weekday(dagen), weekday(allaHelgon)], String(year)).toEqual([5, 6, 6]);
      expect(afton >= `${year}-06-19` && afton <= `${year}-06-25`, afton).toBe(true);
      expect(dagen >= `${year}-06-20` && dagen <= `${year}-06-26`, dagen).toBe(true);
      expect(allaHelgon >= `${year}-10-31` && allaHelgon <= `${year}-11-06`, allaHelgon).toBe(true);
    }
  });

  it('never puts holidays on the same weekday three weeks running, so a one-day send window waits at most three weeks', () => {
    // Arrange: every holiday date of 1900–2200 as a day number
    const days = new Set<number>();
    for (let year = 1900; year <= 2200; year++) {
      for (const holiday of swedishHolidays(year))
        days.add(Date.UTC(year, holiday.date.month - 1, holiday.date.day) / 86_400_000);
    }
    // Act
    const threeRunning = [...days].filter((day) => days.has(day + 7) && days.has(day + 14));
    // Assert
    expect(threeRunning).toEqual([]);
  });

  it('gives a copy the caller may change without changing the next answer', () => {
    // Arrange
    const first = swedishHolidays(2026);
    // Act
    (first[0] as { date: { day: number } }).date.day = 2;
    // Assert
    expect(iso((swedishHolidays(2026)[0] as { date: { year: number; month: number; day: number } }).date)).toBe(
      '2026-01-01',
    );
  });
});

describe('swedishHolidayOn / isSwedishHoliday', () => {
  it.each([
    ['2026-12-25', 'juldagen'],
    ['2026-12-24', 'julafton'],
    ['2026-06-19', 'midsommarafton'],
    ['2026-05-14', 'Kristi himmelsfärds dag'],
    ['2027-03-29', 'annandag påsk'],
    // Pingstdagen on nationaldagen: one date, the first name in date order.
    ['2049-06-06', 'pingstdagen'],
  ])('%s is %s', (text, name) => {
    expect(swedishHolidayOn(date(text))?.name).toBe(name);
    expect(isSwedishHoliday(date(text))).toBe(true);
  });

  it('names every holiday in English too, for messages in English', () => {
    // Act
    const names = swedishHolidays(2026).map((holiday) => [holiday.name, holiday.nameEn]);
    // Assert
    expect(Object.fromEntries(names)).toEqual({
      nyårsdagen: "New Year's Day",
      'trettondedag jul': 'Epiphany',
      långfredagen: 'Good Friday',
      påskdagen: 'Easter Sunday',
      'annandag påsk': 'Easter Monday',
      'första maj': 'May Day',
      'Kristi himmelsfärds dag': 'Ascension Day',
      pingstdagen: 'Whit Sunday',
      'Sveriges nationaldag': 'National Day of Sweden',
      midsommarafton: 'Midsummer Eve',
      midsommardagen: 'Midsummer Day',
      'alla helgons dag': "All Saints' Day",
      julafton: 'Christmas Eve',
      juldagen: 'Christmas Day',
      'annandag jul': 'Boxing Day',
      nyårsafton: "New Year's Eve",
    });
    expect(swedishHolidayOn(date('2026-12-25'))?.nameEn).toBe('Christmas Day');
  });

  it.each([
    ['an ordinary Wednesday', '2026-12-23'],
    ['the Monday after Christmas', '2026-12-28'],
    ['the day after midsommardagen', '2026-06-21'],
    ['a Saturday that is no holiday (weekends are the window’s business)', '2026-11-28'],
    ['a year before the Gregorian calendar', '1500-12-25'],
  ])('%s (%s) is not a holiday', (_name, text) => {
    expect(swedishHolidayOn(date(text))).toBeUndefined();
    expect(isSwedishHoliday(date(text))).toBe(false);
  });
});
