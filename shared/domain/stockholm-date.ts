/**
 * Stockholm calendar dates and wall-clock readings of an instant, with no runtime import: the
 * console's organisation page uses `stockholmDay` without pulling in the reminder policy's zod
 * schemas (its bundle budget). `send-window.ts` and `membership.ts` re-export these. Pure.
 */
// Type only: erased from the bundle.
import type { Weekday } from '../reminders/reminder-policy.schema';

/** All reminder times are Stockholm wall-clock times; members and the kansli live there. */
export const STOCKHOLM_TIME_ZONE = 'Europe/Stockholm';

/** A calendar date without a time or zone. */
export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** A Stockholm wall-clock reading. */
export interface StockholmParts extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
}

// One formatter, reused: constructing Intl formatters is the expensive part. Made on first use,
// not at import: the first one with a time zone loads ICU's zone data (~18 ms of a cold start).
let partsFormatter: Intl.DateTimeFormat | undefined;
const newPartsFormatter = () =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: STOCKHOLM_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
  });

function assertValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('Ogiltigt datum.');
}

/**
 * Reads `date` as Stockholm wall-clock time, DST included (Intl carries the tz database).
 * @throws RangeError for an invalid Date.
 */
export function stockholmParts(date: Date): StockholmParts {
  assertValidDate(date);
  const fields: Record<string, string> = {};
  partsFormatter ??= newPartsFormatter();
  for (const part of partsFormatter.formatToParts(date)) fields[part.type] = part.value;
  const weekday = (fields.weekday ?? '').toLowerCase() as Weekday;
  return {
    year: Number(fields.year),
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
    weekday,
  };
}

/** The Stockholm calendar date of `date`. */
export function stockholmDate(date: Date): LocalDate {
  const { year, month, day } = stockholmParts(date);
  return { year, month, day };
}

/** A calendar date as `YYYY-MM-DD`, the register's way of writing it. */
export function isoDateOf(date: LocalDate): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.year}-${two(date.month)}-${two(date.day)}`;
}

/** The Stockholm calendar date of an instant, `YYYY-MM-DD`. */
export function stockholmDay(at: Date): string {
  return isoDateOf(stockholmDate(at));
}
