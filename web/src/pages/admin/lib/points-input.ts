/**
 * The point override's text field: what the kansli types, in Swedish ("2,5") or English ("2.5"),
 * and the value shown back in the reader's format. Pure, so unit-tested; the API takes a JSON number.
 */
import type { Lang } from '../../../i18n';

export type PointsInput =
  | { ok: true; value: number }
  /** `empty`: nothing typed; `not_a_number`: not a plain decimal number; `out_of_range`: below 0 or above `max`. */
  | { ok: false; reason: 'empty' | 'not_a_number' | 'out_of_range' };

// Digits with at most one decimal comma or point ("2", "2,5", "2.5", ",5"); a sign only to say
// "out of range" rather than "not a number". No grouping, exponents or words: points are small.
const DECIMAL = /^([-\u2212+]?)(\d*)(?:[.,](\d+))?$/;

/** Reads typed points: a decimal comma and a decimal point alike, spaces around ignored. */
export function parsePoints(text: string, max: number): PointsInput {
  const trimmed = text.replace(/[\s\u00a0]+/g, '');
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const match = DECIMAL.exec(trimmed);
  if (!match || (match[2] === '' && match[3] === undefined)) return { ok: false, reason: 'not_a_number' };
  const [, sign, whole, fraction] = match;
  const magnitude = Number(`${whole || '0'}.${fraction ?? '0'}`);
  const value = sign === '-' || sign === '\u2212' ? -magnitude : magnitude;
  if (!Number.isFinite(value)) return { ok: false, reason: 'not_a_number' };
  if (value < 0 || value > max) return { ok: false, reason: 'out_of_range' };
  // -0 would be sent as 0 anyway; say 0.
  return { ok: true, value: value === 0 ? 0 : value };
}

const locales: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

/** 2.5 → "2,5" / "2.5": for the field, so without grouping, and as precise as scores are stored. */
export function formatPointsInput(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang], { useGrouping: false, maximumFractionDigits: 6 }).format(value);
}
