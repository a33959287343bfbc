/**
 * Swedish organisation codes and names.
 *
 * Municipalities (kommuner) have a 4-digit kommunkod whose first two digits are the county (län).
 * Regions use the 2-digit länskod; Kolada writes a region as "00" + länskod.
 */

/** The valid länskoder: 01, 03–10, 12–14, 17–25 (02, 11, 15 and 16 were merged away). */
export const LANSKODER: readonly string[] = [
  '01',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '12',
  '13',
  '14',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
];

const lanskodSet = new Set(LANSKODER);

export type OrganisationType = 'kommun' | 'region';

/** A code read from a file, resolved to the kind of organisation it denotes. */
export interface ParsedOrganisationCode {
  type: OrganisationType;
  /** Canonical form: 4 digits for a kommun, 2 digits for a region. */
  code: string;
}

/** True when `code` is exactly two digits and one of {@link LANSKODER}. */
export function isValidLanskod(code: string): boolean {
  return lanskodSet.has(code);
}

/** True when `code` is exactly four digits and starts with a valid länskod. */
export function isValidKommunkod(code: string): boolean {
  return /^\d{4}$/.test(code) && isValidLanskod(code.slice(0, 2));
}

function digitsOf(input: string | number): string | null {
  const text = typeof input === 'number' ? (Number.isInteger(input) && input >= 0 ? String(input) : '') : input.trim();
  return /^\d{1,4}$/.test(text) ? text : null;
}

/**
 * Reads a kommunkod as it may appear in a spreadsheet.
 *
 * @returns the 4-digit code with its leading zero (`180` → `0180`, because Excel strips it), or
 *   null when the input is not a valid kommunkod.
 */
export function normaliseKommunkod(input: string | number): string | null {
  const digits = digitsOf(input);
  if (digits === null || digits.length < 3) return null;
  const padded = digits.padStart(4, '0');
  return isValidKommunkod(padded) ? padded : null;
}

/**
 * Reads a länskod as it may appear in a spreadsheet: `12`, `1` (Excel-stripped `01`) or Kolada's `0012`.
 *
 * @returns the 2-digit länskod, or null when the input is not a valid one.
 */
export function normaliseLanskod(input: string | number): string | null {
  const digits = digitsOf(input);
  if (digits === null) return null;
  const candidate = digits.length === 4 && digits.startsWith('00') ? digits.slice(2) : digits.padStart(2, '0');
  return candidate.length === 2 && isValidLanskod(candidate) ? candidate : null;
}

/**
 * Classifies a code from a file as a kommun or a region.
 *
 * One or two digits are a länskod; three or four digits are a kommunkod, except Kolada's
 * "00" + länskod, which is a region.
 *
 * @returns the canonical code and its type, or null when it is neither a kommunkod nor a länskod.
 */
export function parseOrganisationCode(input: string | number): ParsedOrganisationCode | null {
  const digits = digitsOf(input);
  if (digits === null) return null;
  if (digits.length <= 2 || digits.padStart(4, '0').startsWith('00')) {
    const lan = normaliseLanskod(digits.length === 3 ? digits.padStart(4, '0') : digits);
    return lan === null ? null : { type: 'region', code: lan };
  }
  const kommun = normaliseKommunkod(digits);
  return kommun === null ? null : { type: 'kommun', code: kommun };
}

// Order matters: "Stockholms läns region" loses "region" first, then "läns".
const SUFFIXES = ['kommun', 'stad', 'municipality', 'city', 'regionen', 'region', 'landsting', 'lans', 'lan'];
const PREFIXES = ['region', 'city of', 'municipality of'];

/**
 * Reduces an organisation name to a key for matching names across sources.
 *
 * Lower-cases, removes diacritics and punctuation, and drops the words kommun, stad and Region
 * (and their English forms) together with the genitive s they leave behind:
 * "Stockholms stad" → "stockholm", "Region Skåne" → "skane", "Borås kommun" → "boras".
 *
 * @returns the matching key; an empty string when nothing is left.
 */
export function normaliseOrganisationName(name: string): string {
  let key = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  let trimmedAffix = false;
  for (const prefix of PREFIXES) {
    if (key.startsWith(`${prefix} `)) {
      key = key.slice(prefix.length + 1);
      trimmedAffix = true;
    }
  }
  for (const suffix of SUFFIXES) {
    if (key.endsWith(` ${suffix}`)) {
      key = key.slice(0, -(suffix.length + 1));
      trimmedAffix = true;
    } else if (suffix === 'regionen' && key.endsWith(suffix) && key.length > suffix.length) {
      // "Västra Götalandsregionen" is written as one word.
      key = key.slice(0, -suffix.length);
      trimmedAffix = true;
    }
  }
  // Names that end in -ås/-äs/-fors/-ums ("Borås kommun") take no genitive s, so keep theirs.
  if (trimmedAffix && key.endsWith('s') && !/(as|fors|ums)$/.test(key)) key = key.slice(0, -1);
  return key.trim();
}
