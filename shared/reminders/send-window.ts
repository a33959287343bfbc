// The Stockholm date and wall-clock reading live in a zod-free module (the console's bundle); re-exported here.
import { type LocalDate, stockholmDate, stockholmParts } from '../domain/stockholm-date';
import { swedishHolidayOn } from '../domain/swedish-holidays';
import { minutesOfDay, type SendWindow, WEEKDAYS, type Weekday } from './reminder-policy.schema';

export {
  type LocalDate,
  STOCKHOLM_TIME_ZONE,
  type StockholmParts,
  stockholmDate,
  stockholmParts,
} from '../domain/stockholm-date';

const DAY_MS = 86_400_000;

/** Calendar arithmetic on a date; done in UTC because a date has no zone and UTC has no DST. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Whole calendar days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / DAY_MS);
}

/** The weekday of a calendar date. */
export function weekdayOf(date: LocalDate): Weekday {
  const sundayFirst = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7] as Weekday;
}

function wallClockMs(parts: LocalDate & { hour: number; minute: number; second?: number }): number {
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second ?? 0);
}

/** Stockholm's UTC offset at `instant`, in ms (3 600 000 in winter, 7 200 000 in summer). */
function offsetMs(instant: number): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return wallClockMs(stockholmParts(new Date(wholeSecond))) - wholeSecond;
}

/** A wall-clock reading as a person writes it; `second` defaults to 0. */
export type WallClock = LocalDate & { hour: number; minute: number; second?: number };

/** The field of a wall-clock reading that no calendar or clock has (see `impossibleWallClockField`). */
export type WallClockField = 'month' | 'day' | 'hour' | 'minute' | 'second';

/** Days in `month` (1–12) of `year`: 28 or 29 for February by the Gregorian leap-year rule. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The first field of `wall` that does not exist (month 1–12, a day of that month, hour 0–23, minute
 * and second 0–59, each a whole number), or null when the reading is a real date and time. Check
 * what a person typed with this first: `Date.UTC`, `new Date(iso)` and `stockholmInstant` roll an
 * impossible reading over silently (31 November becomes 1 December). March's skipped hour is a real
 * reading here; `stockholmInstant` moves it to the jump.
 */
export function impossibleWallClockField(wall: WallClock): WallClockField | null {
  const within = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;
  if (!within(wall.month, 1, 12)) return 'month';
  if (!Number.isInteger(wall.year) || !within(wall.day, 1, daysInMonth(wall.year, wall.month))) return 'day';
  if (!within(wall.hour, 0, 23)) return 'hour';
  if (!within(wall.minute, 0, 59)) return 'minute';
  if (!within(wall.second ?? 0, 0, 59)) return 'second';
  return null;
}

/**
 * The first instant at which Stockholm's clock shows `wall` or later. For an ordinary time that is
 * the time itself; in October's repeated hour it is the first (summer-time) occurrence; in March's
 * skipped hour (02:00–03:00 does not exist) it is the moment the clocks jump, 03:00 CEST. This is the
 * same rule `isInWindow` uses, so a window opening and "is the window open" never disagree.
 * The fields are not checked: an impossible one rolls over, as in Date.UTC (impossibleWallClockField).
 */
export function stockholmInstant(wall: WallClock): Date {
  const target = wallClockMs(wall);
  // Offsets a day either side bracket any transition near `target`; transitions are months apart.
  const offsetBefore = offsetMs(target - DAY_MS);
  const offsetAfter = offsetMs(target + DAY_MS);
  const exact = [target - offsetBefore, target - offsetAfter].filter(
    (candidate) => candidate + offsetMs(candidate) === target,
  );
  if (exact.length > 0) return new Date(Math.min(...exact));
  // In the spring gap: search for the jump between the two candidates.
  let low = target - offsetAfter;
  let high = target - offsetBefore;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (middle + offsetMs(middle) >= target) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/** `YYYY-MM-DD HH:MM` in Stockholm time, for messages and logs. */
export function formatStockholm(date: Date): string {
  const p = stockholmParts(date);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

function assertNonEmpty(window: SendWindow): void {
  if (window.weekdays.length === 0 || minutesOfDay(window.start) >= minutesOfDay(window.end)) {
    throw new RangeError('Sändfönstret är tomt.');
  }
}

/**
 * Whether the window sends on `date` at all: one of its weekdays, and not a Swedish public holiday
 * or julafton, nyårsafton or midsommarafton (`shared/domain/swedish-holidays.ts`), when offices are
 * closed and an email would wait under a pile until the next working day.
 */
export function isWindowDay(window: SendWindow, date: LocalDate): boolean {
  return window.weekdays.includes(weekdayOf(date)) && swedishHolidayOn(date) === undefined;
}

/**
 * Whether mail may go out at `at`: a window day (a window weekday that is no holiday), and
 * Stockholm time in [start, end).
 */
export function isInWindow(window: SendWindow, at: Date): boolean {
  const p = stockholmParts(at);
  if (!window.weekdays.includes(p.weekday) || swedishHolidayOn(p) !== undefined) return false;
  const seconds = p.hour * 3600 + p.minute * 60 + p.second;
  return seconds >= minutesOfDay(window.start) * 60 && seconds < minutesOfDay(window.end) * 60;
}

/**
 * Days `nextWindowOpening` looks ahead. Holidays fall on the same weekday at most two weeks running
 * (e.g. juldagen and nyårsdagen), so a one-weekday window finds a day within three weeks; five leave room.
 */
const LOOK_AHEAD_DAYS = 35;

/**
 * The first window opening at or after `at` (so `at` itself if it is exactly an opening), on a
 * window day: holidays are skipped like days outside the window. Inside an open window this is the
 * next window day's opening; use `earliestSendTime` for "when could this go out".
 * @throws RangeError if the window is empty (no weekdays, or start ≥ end).
 */
export function nextWindowOpening(window: SendWindow, at: Date): Date {
  assertNonEmpty(window);
  const startMinutes = minutesOfDay(window.start);
  const today = stockholmDate(at);
  for (let offset = 0; offset <= LOOK_AHEAD_DAYS; offset += 1) {
    const date = addDays(today, offset);
    if (!isWindowDay(window, date)) continue;
    const opening = stockholmInstant({ ...date, hour: Math.floor(startMinutes / 60), minute: startMinutes % 60 });
    if (opening.getTime() >= at.getTime()) return opening;
  }
  throw new RangeError('Sändfönstret är tomt.');
}

/**
 * When something that becomes sendable at `at` may actually go out: `at` if the window is open,
 * otherwise the next opening (after a weekend or holiday, the next working day's).
 * @throws RangeError if the window is empty.
 */
export function earliestSendTime(window: SendWindow, at: Date): Date {
  return isInWindow(window, at) ? at : nextWindowOpening(window, at);
}
