/**
 * CSV as Swedish Excel opens it: UTF-8 with a byte order mark, semicolons, decimal commas and CRLF.
 * Text cells that a spreadsheet would run as a formula are neutralised, and control characters in them
 * are replaced.
 */

import { NOTE_CONTROL } from '../text/control-characters';

const NOTE_CONTROLS = new RegExp(NOTE_CONTROL, 'gu');

/** One cell: text, a number (written with a decimal comma), a boolean (Ja/Nej) or empty. */
export type Cell = string | number | boolean | null | undefined;

export const UTF8_BOM = '\uFEFF';

/** What starts a formula (or a DDE payload) in Excel, LibreOffice and Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises formula injection (OWASP "CSV injection"): text starting with `=`, `+`, `-`, `@`, a
 * tab or a carriage return gets a leading single quote, so the spreadsheet shows it as text.
 * Other text is returned unchanged.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number with a decimal comma and at most six decimals, never in exponent form for ordinary values. */
export function formatDecimal(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Math.round(value * 1e6) / 1e6;
  const text = Math.abs(rounded) < 1e21 ? rounded.toFixed(6).replace(/\.?0+$/, '') : String(rounded);
  return (text === '-0' ? '0' : text).replace('.', ',');
}

/**
 * Control characters become U+FFFD, so the reader sees that something was there: a NUL cuts a cell
 * short in some readers, and an answer or name stored before the checks may still hold one. Tab, LF
 * and CR stay (the cell is quoted).
 */
export function replaceControlCharacters(text: string): string {
  return text.replace(NOTE_CONTROLS, '\uFFFD');
}

/** One cell as CSV text: numbers are not neutralised (a negative number is a number), text always is. */
export function csvCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return formatDecimal(cell);
  if (typeof cell === 'boolean') return cell ? 'Ja' : 'Nej';
  const text = neutraliseCell(replaceControlCharacters(cell));
  return /[";\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, one line per row, cells separated by semicolons, lines ended by CRLF. */
export function toCsv(rows: ReadonlyArray<readonly Cell[]>): string {
  return `${UTF8_BOM}${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
