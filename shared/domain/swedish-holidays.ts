/**
 * Swedish public holidays (allmänna helgdagar, lag 1989:253) and the eves offices close on as if
 * they were (julafton, nyårsafton, midsommarafton, the bank holidays beside them), computed for any
 * Gregorian year. Pure: no zone, no clock; a date is a Stockholm calendar date.
 *
 * Written here rather than taken from npm: the candidates were either 11 MB with data for every
 * country (date-holidays) or young single-maintainer packages reading dates in the host's zone; the
 * rules are short and tested here for several years.
 */
import type { LocalDate } from '../reminders/send-window';

/** `public`: an allmän helgdag; `eve`: julafton, nyårsafton or midsommarafton, closed in practice. */
export type SwedishHolidayKind = 'public' | 'eve';

export interface SwedishHoliday {
  date: LocalDate;
  /** The Swedish name, lower case as in running text ("juldagen"). */
  name: string;
  /** The English name, for messages in English ("Christmas Day"). */
  nameEn: string;
  kind: SwedishHolidayKind;
}

const DAY_MS = 86_400_000;

function shift(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
function sundayFirstWeekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** The first `weekday` (0 = Sunday … 6 = Saturday) on or after `from`. */
function firstOnOrAfter(from: LocalDate, weekday: number): LocalDate {
  return shift(from, (weekday - sundayFirstWeekday(from) + 7) % 7);
}

/**
 * Easter Sunday of a Gregorian year by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 * @throws RangeError for a year that is not a whole number from 1583 (the first Gregorian Easter).
 */
export function easterSunday(year: number): LocalDate {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`Inget gregorianskt påskdatum för år ${year}.`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

function computeHolidays(year: number): SwedishHoliday[] {
  const on = (month: number, day: number): LocalDate => ({ year, month, day });
  const easter = easterSunday(year);
  const SATURDAY = 6;
  const midsommardagen = firstOnOrAfter(on(6, 20), SATURDAY);
  const list: SwedishHoliday[] = [
    { date: on(1, 1), name: 'nyårsdagen', nameEn: "New Year's Day", kind: 'public' },
    { date: on(1, 6), name: 'trettondedag jul', nameEn: 'Epiphany', kind: 'public' },
    { date: shift(easter, -2), name: 'långfredagen', nameEn: 'Good Friday', kind: 'public' },
    { date: easter, name: 'påskdagen', nameEn: 'Easter Sunday', kind: 'public' },
    { date: shift(easter, 1), name: 'annandag påsk', nameEn: 'Easter Monday', kind: 'public' },
    { date: on(5, 1), name: 'första maj', nameEn: 'May Day', kind: 'public' },
    { date: shift(easter, 39), name: 'Kristi himmelsfärds dag', nameEn: 'Ascension Day', kind: 'public' },
    { date: shift(easter, 49), name: 'pingstdagen', nameEn: 'Whit Sunday', kind: 'public' },
    { date: on(6, 6), name: 'Sveriges nationaldag', nameEn: 'National Day of Sweden', kind: 'public' },
    { date: shift(midsommardagen, -1), name: 'midsommarafton', nameEn: 'Midsummer Eve', kind: 'eve' },
    { date: midsommardagen, name: 'midsommardagen', nameEn: 'Midsummer Day', kind: 'public' },
    { date: firstOnOrAfter(on(10, 31), SATURDAY), name: 'alla helgons dag', nameEn: "All Saints' Day", kind: 'public' },
    { date: on(12, 24), name: 'julafton', nameEn: 'Christmas Eve', kind: 'eve' },
    { date: on(12, 25), name: 'juldagen', nameEn: 'Christmas Day', kind: 'public' },
    { date: on(12, 26), name: 'annandag jul', nameEn: 'Boxing Day', kind: 'public' },
    { date: on(12, 31), name: 'nyårsafton', nameEn: "New Year's Eve", kind: 'eve' },
  ];
  // Pingstdagen can fall on 6 June (e.g. 2049): one date, two names; the list keeps both.
  return list.sort((x, y) => x.date.month - y.date.month || x.date.day - y.date.day);
}

const byYear = new Map<number, { list: SwedishHoliday[]; byDay: Map<number, SwedishHoliday> }>();

function holidaysOf(year: number) {
  let entry = byYear.get(year);
  if (!entry) {
    const list = computeHolidays(year);
    const byDay = new Map<number, SwedishHoliday>();
    for (const holiday of list) {
      const key = holiday.date.month * 100 + holiday.date.day;
      if (!byDay.has(key)) byDay.set(key, holiday);
    }
    entry = { list, byDay };
    byYear.set(year, entry);
  }
  return entry;
}

/**
 * The holidays of a year in date order: the 13 named allmänna helgdagar and the three eves. The law
 * makes every Sunday a helgdag too; those are not listed, the send window's weekdays decide about them.
 * @throws RangeError for a year before 1583.
 */
export function swedishHolidays(year: number): SwedishHoliday[] {
  return holidaysOf(year).list.map((holiday) => ({ ...holiday, date: { ...holiday.date } }));
}

/** The holiday on a date, or undefined on an ordinary day. Years before 1583 have none. */
export function swedishHolidayOn(date: LocalDate): SwedishHoliday | undefined {
  if (!Number.isInteger(date.year) || date.year < 1583) return undefined;
  return holidaysOf(date.year).byDay.get(date.month * 100 + date.day);
}

/** Whether Swedish offices are closed on `date` for a holiday (weekends aside). */
export function isSwedishHoliday(date: LocalDate): boolean {
  return swedishHolidayOn(date) !== undefined;
}
