/** The in-memory grid both readers produce, so layout detection and parsing do not care about file type. */

/** A formula cell saved without its last calculated value (e.g. written by a script, never opened in Excel). */
export interface UncachedFormula {
  kind: 'uncached-formula';
  formula: string;
}

/** A cell holding an Excel error such as #REF! or #DIV/0!. */
export interface ExcelErrorValue {
  kind: 'excel-error';
  error: string;
}

export type CellValue = string | number | boolean | null | UncachedFormula | ExcelErrorValue;

/** A rectangle of merged cells, 0-based and inclusive, with its A1 reference for messages. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
  ref: string;
}

export interface SheetTable {
  /** The sheet name for XLSX; absent for CSV. */
  name?: string;
  /** rows[i] is spreadsheet row i + 1; a row may be shorter than others. */
  rows: CellValue[][];
  merges: CellRange[];
}

/** The spreadsheet column letter for a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A cell's text as a person would see it, for matching headers and quoting values in messages. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.kind === 'excel-error' ? value.error : `=${value.formula}`;
  return String(value).trim();
}

/** True when the cell holds nothing a person would see. */
export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
