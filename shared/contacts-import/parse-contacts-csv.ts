/**
 * Parses the kansli's contacts CSV, `kod;namn;e-post;roll`, as Swedish Excel saves it: semicolons,
 * an optional header row, codes that may have lost their leading zero. Pure: it knows nothing of
 * the stored register, so whether an organisation exists is checked by the caller.
 */
import Papa from 'papaparse';
import { parseOrganisationCode } from '../domain/organisation-codes';
import { type ContactRole, ContactSchema, EmailSchema } from '../schemas/contact.schema';
import type { ContactImportIssue, ContactImportRow } from '../schemas/contact-import.schema';
import { type VisibleTextProblem, visibleTextProblem } from '../schemas/visible-text';
import { type ContactIssueText, contactIssue, contactIssueText as say } from './messages';

export const CONTACT_COLUMNS = ['kod', 'namn', 'e-post', 'roll'] as const;
/** More rows than every member's contacts several times over; keeps a preview well inside one item. */
export const MAX_CONTACT_ROWS = 2000;
/** At most this many errors are listed; the rest are counted in a closing line. */
export const MAX_LISTED_ERRORS = 200;

export interface ParsedContactsCsv {
  /** Data rows (header and blank lines not counted). */
  rows: number;
  valid: ContactImportRow[];
  errors: ContactImportIssue[];
}

const HEADER_WORDS: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['kod', 'code', 'organisationskod', 'kommunkod']),
  new Set(['namn', 'name']),
  new Set(['e-post', 'epost', 'e-postadress', 'email', 'e-mail', 'mejl']),
  new Set(['roll', 'role']),
];

const ROLES: Record<string, ContactRole> = {
  politiker: 'politician',
  politician: 'politician',
  fortroendevald: 'politician',
  tjansteperson: 'official',
  tjansteman: 'official',
  official: 'official',
};

/** A problem the caller finds with a row the file itself allows (e.g. a code not in the register). */
export interface RowProblem {
  column: (typeof CONTACT_COLUMNS)[number];
  text: ContactIssueText;
}

/**
 * Reads the CSV text.
 * @param checkRow the caller's own check of each row the file allows: its problems join the
 *   parser's in row order under the same cap of MAX_LISTED_ERRORS and the one "… and N more" line,
 *   and the row is not valid.
 * @returns the number of data rows, the valid rows (code canonical, email lower-cased, role as
 *   `politician|official`) and per-row errors with line number, column, code and the message in
 *   Swedish and English (messages.ts). A file whose separator is a comma or a tab gets one error
 *   that says so, and no rows. A row holding U+FFFD, the mark of text decoded in the wrong encoding,
 *   is refused (the page decodes Windows-1252 files itself: shared/text-encoding/decode-text.ts).
 */
export function parseContactsCsv(
  text: string,
  checkRow?: (row: ContactImportRow) => RowProblem | undefined,
): ParsedContactsCsv {
  const body = text.replace(/^\uFEFF/, '');
  const separatorError = wrongSeparator(body);
  if (separatorError) return { rows: 0, valid: [], errors: [contactIssue(null, null, separatorError)] };

  const lines = Papa.parse<string[]>(body, { delimiter: ';', skipEmptyLines: false }).data;
  const errors = new ErrorList();
  const valid: ContactImportRow[] = [];
  const rowOfEmail = new Map<string, number>();
  let rows = 0;

  lines.forEach((cells, index) => {
    const row = index + 1;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (rows === 0 && valid.length === 0 && errors.count === 0 && looksLikeHeader(cells)) {
      checkHeader(cells, errors);
      return;
    }
    rows++;
    if (rows > MAX_CONTACT_ROWS) return;
    // A replacement character means the text was decoded in the wrong encoding: "Åsa" is now "\uFFFDsa"
    // and must not be saved, nor reported as a bad role or name.
    const unreadable = cells.findIndex((cell) => cell.includes('\uFFFD'));
    if (unreadable >= 0) {
      errors.add(row, CONTACT_COLUMNS[unreadable] ?? null, say.unreadableCharacters());
      return;
    }
    if (cells.length !== CONTACT_COLUMNS.length) {
      errors.add(row, null, say.wrongFieldCount(cells.length));
      return;
    }
    const parsed = parseRow(row, cells, errors);
    if (!parsed) return;
    const earlier = rowOfEmail.get(parsed.email);
    if (earlier !== undefined) {
      errors.add(row, 'e-post', say.duplicateEmail(parsed.email, earlier));
      return;
    }
    rowOfEmail.set(parsed.email, row);
    const problem = checkRow?.(parsed);
    if (problem) {
      errors.add(row, problem.column, problem.text);
      return;
    }
    valid.push(parsed);
  });

  if (rows > MAX_CONTACT_ROWS) {
    errors.add(null, null, say.tooManyRows(rows, MAX_CONTACT_ROWS));
  }
  if (rows === 0 && errors.count === 0) errors.add(null, null, say.noContacts());
  return { rows, valid, errors: errors.finish() };
}

/** A file that splits on commas or tabs but never on semicolons was saved with the wrong separator. */
function wrongSeparator(text: string): ContactIssueText | undefined {
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 50);
  if (lines.length === 0 || lines.some((line) => line.includes(';'))) return undefined;
  if (lines.some((line) => line.includes('\t'))) return say.separatorTab();
  if (lines.some((line) => line.includes(','))) return say.separatorComma();
  return say.separatorMissing();
}

function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
}

/** A first row whose code cell holds no digit is a header (a data row always starts with a code). */
function looksLikeHeader(cells: string[]): boolean {
  return !/\d/.test(cells[0] ?? '');
}

function checkHeader(cells: string[], errors: ErrorList): void {
  const matches =
    cells.length === CONTACT_COLUMNS.length && cells.every((cell, i) => HEADER_WORDS[i]?.has(fold(cell)) ?? false);
  if (!matches) errors.add(1, null, say.badHeader());
}

function parseRow(row: number, cells: string[], errors: ErrorList): ContactImportRow | undefined {
  const [code = '', name = '', email = '', role = ''] = cells.map((cell) => cell.trim());
  const before = errors.count;
  const organisation = parseOrganisationCode(code);
  if (!organisation) errors.add(row, 'kod', codeError(code));
  const parsedName = ContactSchema.shape.name.safeParse(name);
  if (!parsedName.success) errors.add(row, 'namn', name === '' ? say.nameMissing() : say.nameTooLong());
  const invisible = parsedName.success ? visibleTextProblem(name) : undefined;
  if (invisible) errors.add(row, 'namn', NAME_PROBLEMS[invisible]());
  const parsedEmail = EmailSchema.safeParse(email);
  if (!parsedEmail.success) errors.add(row, 'e-post', email === '' ? say.emailMissing() : say.emailInvalid(email));
  const parsedRole = ROLES[fold(role).replace(/[^a-z]/g, '')];
  if (!parsedRole) errors.add(row, 'roll', role === '' ? say.roleMissing() : say.roleInvalid(role));
  if (errors.count > before || !organisation || !parsedName.success || !parsedEmail.success || !parsedRole) {
    return undefined;
  }
  return { row, organisationId: organisation.code, name: parsedName.data, email: parsedEmail.data, role: parsedRole };
}

const NAME_PROBLEMS: Record<VisibleTextProblem, () => ContactIssueText> = {
  textControlCharacter: say.nameControlCharacter,
  textLineBreak: say.nameLineBreak,
  textInvisibleOnly: say.nameInvisible,
};

/** Why a code is no organisation's: missing, digits that are no kommun or län (9999), or no digits at all. */
function codeError(code: string): ContactIssueText {
  if (code === '') return say.codeMissing();
  if (/^\d{1,4}$/.test(code)) return say.codeNotOrganisation(code);
  return say.codeMalformed(code);
}

class ErrorList {
  private readonly listed: ContactImportIssue[] = [];
  private hidden = 0;

  get count(): number {
    return this.listed.length + this.hidden;
  }

  add(row: number | null, column: string | null, text: ContactIssueText): void {
    // A problem of the whole file (too many rows) is always listed, however many rows had errors.
    if (this.listed.length < MAX_LISTED_ERRORS || row === null) this.listed.push(contactIssue(row, column, text));
    else this.hidden++;
  }

  finish(): ContactImportIssue[] {
    return this.hidden > 0 ? [...this.listed, contactIssue(null, null, say.moreErrors(this.hidden))] : [...this.listed];
  }
}
