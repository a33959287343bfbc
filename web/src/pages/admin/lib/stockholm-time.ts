/**
 * Converting between ISO instants and the value of an `<input type="datetime-local">`, always in
 * Europe/Stockholm time whatever the browser's own time zone is. Pure, so it is unit-tested.
 */
export const STOCKHOLM = 'Europe/Stockholm';

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;
const DAY_MS = 86_400_000;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: STOCKHOLM,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClock(instant: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    y: Number(parts.year),
    mo: Number(parts.month),
    d: Number(parts.day),
    h: Number(parts.hour) % 24,
    mi: Number(parts.minute),
    s: Number(parts.second),
  };
}

/** Stockholm's offset from UTC in minutes at `instant` (60 in winter, 120 in summer). */
export function stockholmOffsetMinutes(instant: number): number {
  const w = wallClock(instant);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-12T23:59" as Stockholm shows `iso`; '' for a missing or unreadable instant. */
export function isoToStockholmInput(iso: string | undefined | null): string {
  if (!iso) return '';
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  const w = wallClock(instant);
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

/**
 * The instant (as an ISO string in UTC) that Stockholm's clocks show as `local`, or null when
 * `local` is not a date and time. An ambiguous time in the autumn hour that repeats is the first
 * (summer-time) one; a time in the spring hour that does not exist moves forward by an hour, as
 * the clocks do (02:30 becomes 03:30).
 */
export function stockholmInputToIso(local: string): string | null {
  const match = LOCAL_INPUT.exec(local.trim());
  if (!match) return null;
  const [y, mo, d, h, mi] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(naive).getUTCDate() !== d) return null; // 31 February and the like
  // The offsets in force around that day; the larger first, so a repeated hour resolves to the earlier instant.
  const offsets = [...new Set([stockholmOffsetMinutes(naive - DAY_MS), stockholmOffsetMinutes(naive + DAY_MS)])].sort(
    (a, b) => b - a,
  );
  for (const offset of offsets) {
    const candidate = naive - offset * 60_000;
    if (isoToStockholmInput(new Date(candidate).toISOString()) === `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`) {
      return new Date(candidate).toISOString();
    }
  }
  // A wall-clock time skipped by the spring change: read it with the winter offset (it lands an hour later).
  return new Date(naive - Math.min(...offsets) * 60_000).toISOString();
}

/** "2026-11-26" for `instant` in Stockholm: the value of an `<input type="date">`. */
export function stockholmDate(instant: number | string): string {
  return isoToStockholmInput(typeof instant === 'number' ? new Date(instant).toISOString() : instant).slice(0, 10);
}
