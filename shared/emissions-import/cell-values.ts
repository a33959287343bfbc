import type { CellValue } from './table';

/** Which decimal separator a file most likely uses; decides what a lone "1,234" means. */
export type DecimalHint = 'comma' | 'point';

export type NumberReading =
  | { kind: 'number'; value: number }
  | { kind: 'blank' }
  | { kind: 'invalid'; reason: 'text' | 'uncached-formula' | 'excel-error' };

// Swedish statistics write ".." for "not available" and "-" for "nothing"; neither is a value to import.
const MISSING_MARKERS = new Set(['', '..', '-', '–', '—', '…']);
// Space, no-break space, narrow no-break space, thin space and apostrophe all appear as thousands separators.
const THOUSANDS_SPACES = /[\s\u00a0\u202f\u2009']/g;

/**
 * Reads a number the way Swedish and English spreadsheets write it: "12 345,6", "12\u00a0345,6",
 * "12,345.6", "1.234.567", "−3,2" (Unicode minus), "1.2E+05".
 *
 * @returns the number; `blank` for empty cells and missing markers (".." and "-"); `invalid` for
 *   text, a formula without a cached value, or an Excel error.
 */
export function readNumber(cell: CellValue | undefined, hint: DecimalHint): NumberReading {
  if (cell === null || cell === undefined) return { kind: 'blank' };
  if (typeof cell === 'number') return Number.isFinite(cell) ? { kind: 'number', value: cell } : invalid('text');
  if (typeof cell === 'boolean') return invalid('text');
  if (typeof cell === 'object') return invalid(cell.kind);
  const trimmed = cell.trim();
  if (MISSING_MARKERS.has(trimmed)) return { kind: 'blank' };
  let text = trimmed.replace(/^[\u2212\u2013]/, '-').replace(THOUSANDS_SPACES, '');
  const lastComma = text.lastIndexOf(',');
  const lastPoint = text.lastIndexOf('.');
  if (lastComma >= 0 && lastPoint >= 0) {
    text = lastComma > lastPoint ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (lastComma >= 0) {
    const groupsOfThousands = /^-?\d{1,3}(,\d{3})+$/.test(text);
    const manyCommas = text.indexOf(',') !== lastComma;
    text = manyCommas || (groupsOfThousands && hint === 'point') ? text.replace(/,/g, '') : text.replace(',', '.');
  } else if (lastPoint >= 0 && text.indexOf('.') !== lastPoint) {
    text = text.replace(/\./g, '');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return invalid('text');
  return { kind: 'number', value: Number(text) };
}

function invalid(reason: 'text' | 'uncached-formula' | 'excel-error'): NumberReading {
  return { kind: 'invalid', reason };
}

/** Rounds to whole grams' worth of tonnes, so sums are free of floating-point noise and compare exactly. */
export function roundTonnes(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
