import { describe, expect, it } from 'vitest';
import {
  isoToStockholmInput,
  stockholmDate,
  stockholmInputToIso,
  stockholmOffsetMinutes,
} from '../../web/src/pages/admin/lib/stockholm-time';

describe('Europe/Stockholm ↔ ISO for datetime-local inputs (admin console)', () => {
  it('reads an instant as Stockholm wall-clock time, winter and summer', () => {
    expect(isoToStockholmInput('2026-12-12T22:59:00.000Z')).toBe('2026-12-12T23:59');
    expect(isoToStockholmInput('2026-06-15T06:00:00Z')).toBe('2026-06-15T08:00');
    expect(isoToStockholmInput('2026-12-31T23:30:00Z')).toBe('2027-01-01T00:30');
    expect(isoToStockholmInput('2026-06-15T08:00:00+02:00')).toBe('2026-06-15T08:00');
    expect(isoToStockholmInput(undefined)).toBe('');
    expect(isoToStockholmInput('not a date')).toBe('');
  });

  it('turns Stockholm wall-clock time into the right UTC instant', () => {
    expect(stockholmInputToIso('2026-12-12T23:59')).toBe('2026-12-12T22:59:00.000Z');
    expect(stockholmInputToIso('2026-06-15T08:00')).toBe('2026-06-15T06:00:00.000Z');
    expect(stockholmInputToIso('2027-01-01T00:30')).toBe('2026-12-31T23:30:00.000Z');
  });

  it('round-trips every hour of a year, whatever the machine time zone', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      const iso = new Date(t).toISOString();
      const local = isoToStockholmInput(iso);
      const back = stockholmInputToIso(local);
      // The repeated autumn hour maps to its first occurrence; every other hour comes back exactly.
      if (back !== iso) expect(Date.parse(iso) - Date.parse(back!)).toBe(3_600_000);
    }
  });

  it('handles the spring gap and the autumn repeat as the clocks do', () => {
    // 29 March 2026: 02:00 → 03:00. 02:30 does not exist; it lands at 03:30 CEST.
    expect(stockholmInputToIso('2026-03-29T02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(isoToStockholmInput('2026-03-29T01:30:00.000Z')).toBe('2026-03-29T03:30');
    // 25 October 2026: 03:00 → 02:00. 02:30 happens twice; the first (CEST) is chosen.
    expect(stockholmInputToIso('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(stockholmOffsetMinutes(Date.UTC(2026, 0, 1))).toBe(60);
    expect(stockholmOffsetMinutes(Date.UTC(2026, 6, 1))).toBe(120);
  });

  it('rejects what is not a date and time', () => {
    expect(stockholmInputToIso('')).toBeNull();
    expect(stockholmInputToIso('2026-02-30T10:00')).toBeNull();
    expect(stockholmInputToIso('2026-13-01T10:00')).toBeNull();
    expect(stockholmInputToIso('12/12/2026 10:00')).toBeNull();
    expect(stockholmInputToIso('2026-12-12T24:00')).toBeNull();
  });

  it('gives the Stockholm calendar date', () => {
    expect(stockholmDate('2026-11-26T23:30:00Z')).toBe('2026-11-27');
  });
});
