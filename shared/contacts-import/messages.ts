/**
 * Every problem the contacts import reports, in words: a stable `code`, the Swedish `message` (what
 * the API has always sent) and the English `messageEn`, as the emissions import does
 * (shared/emissions-import/messages.ts). Both travel with each issue, so the console shows the
 * reader's language and can switch without asking again.
 */

import { LANSKODER } from '../domain/organisation-codes';
import { type InputMessageKey, inputText } from '../i18n/input-messages';
import type { ContactImportIssue } from '../schemas/contact-import.schema';

/** The issue codes, one per kind of problem; a test checks each has its words in both languages. */
export const CONTACT_IMPORT_ISSUE_CODES = [
  // The whole file.
  'wrong_separator',
  'bad_header',
  'no_contacts',
  'too_many_rows',
  'more_errors',
  // A row.
  'wrong_field_count',
  'unreadable_characters',
  'duplicate_email',
  'code_missing',
  'code_not_organisation',
  'code_malformed',
  'name_missing',
  'name_too_long',
  'name_not_visible',
  'email_missing',
  'email_invalid',
  'role_missing',
  'role_invalid',
  // Added by the API, which knows the register and the admins.
  'unknown_organisation',
  'email_is_admin',
] as const;
export type ContactImportIssueCode = (typeof CONTACT_IMPORT_ISSUE_CODES)[number];

/** An issue's words: its code, the Swedish message and the English one. */
export interface ContactIssueText {
  code: ContactImportIssueCode;
  message: string;
  messageEn: string;
}

/** The issue at a row and column (null for the whole file) with its words. */
export function contactIssue(row: number | null, column: string | null, text: ContactIssueText): ContactImportIssue {
  return { row, column, ...text };
}

const text = (code: ContactImportIssueCode, message: string, messageEn: string): ContactIssueText => ({
  code,
  message,
  messageEn,
});

/** An issue worded as the schemas word the same input problem. */
const textOf = (code: ContactImportIssueCode, key: InputMessageKey): ContactIssueText => ({ code, ...inputText(key) });

/** The file format as the kansli writes it; the column names are the file's, so they stay Swedish. */
export const CONTACT_FORMAT = 'kod;namn;e-post;roll';

/** The valid länskoder as spans, "01, 03–10, 12–14 och 17–25" and "… and 17–25". */
const LANSKOD_SPANS: [string, string] = (() => {
  const spans: string[][] = [];
  for (const code of LANSKODER) {
    const last = spans.at(-1);
    if (last && Number(last.at(-1)) + 1 === Number(code)) last.push(code);
    else spans.push([code]);
  }
  const words = spans.map((span) => (span.length === 1 ? span[0] : `${span[0]}–${span.at(-1)}`));
  const head = words.slice(0, -1).join(', ');
  return [`${head} och ${words.at(-1)}`, `${head} and ${words.at(-1)}`];
})();

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** The words of every issue, by kind. Swedish texts are as the API has always sent them. */
export const contactIssueText = {
  separatorTab: () =>
    text(
      'wrong_separator',
      `Filen använder tabb som avgränsare. Använd semikolon (;) mellan fälten: ${CONTACT_FORMAT}.`,
      `The file uses tabs as separators. Use semicolons (;) between the fields: ${CONTACT_FORMAT}.`,
    ),
  separatorComma: () =>
    text(
      'wrong_separator',
      `Filen använder komma (,) som avgränsare. Använd semikolon (;) mellan fälten: ${CONTACT_FORMAT}. I Excel: spara som "CSV (semikolonavgränsad)".`,
      `The file uses commas (,) as separators. Use semicolons (;) between the fields: ${CONTACT_FORMAT}. In Excel: save as "CSV (semicolon delimited)".`,
    ),
  separatorMissing: () =>
    text(
      'wrong_separator',
      `Fälten ska skiljas med semikolon (;): ${CONTACT_FORMAT}.`,
      `The fields must be separated by semicolons (;): ${CONTACT_FORMAT}.`,
    ),
  badHeader: () =>
    text(
      'bad_header',
      `Rubrikraden ska vara ${CONTACT_FORMAT}, i den ordningen.`,
      `The header row must be ${CONTACT_FORMAT}, in that order.`,
    ),
  noContacts: () =>
    text(
      'no_contacts',
      `Filen innehåller inga kontakter. Formatet är ${CONTACT_FORMAT}.`,
      `The file holds no contacts. The format is ${CONTACT_FORMAT}.`,
    ),
  tooManyRows: (rows: number, max: number) =>
    text(
      'too_many_rows',
      `Filen har ${rows} rader; högst ${max} kan importeras på en gång.`,
      `The file has ${rows} rows; at most ${max} can be imported at once.`,
    ),
  moreErrors: (count: number) =>
    text(
      'more_errors',
      `… och ${count} fel till som inte visas.`,
      `… and ${count} more ${plural(count, 'error', 'errors')} not shown.`,
    ),
  wrongFieldCount: (fields: number) =>
    text(
      'wrong_field_count',
      `Raden har ${fields} fält men ska ha fyra: ${CONTACT_FORMAT}.`,
      `The row has ${fields} ${plural(fields, 'field', 'fields')} but must have four: ${CONTACT_FORMAT}.`,
    ),
  /** U+FFFD: a file in Windows-1252 read as UTF-8 somewhere on its way; its å, ä and ö are lost. */
  unreadableCharacters: () =>
    text(
      'unreadable_characters',
      "Filen har tecken som inte kunde läsas. Spara den som 'CSV UTF-8' i Excel och försök igen.",
      "The file has characters that could not be read. Save it as 'CSV UTF-8' in Excel and try again.",
    ),
  duplicateEmail: (email: string, earlierRow: number) =>
    text(
      'duplicate_email',
      `${email} finns redan på rad ${earlierRow}. En adress kan bara höra till en kontakt.`,
      `${email} is already on row ${earlierRow}. An address can belong to one contact only.`,
    ),
  codeMissing: () => text('code_missing', 'Koden saknas.', 'The code is missing.'),
  /** Digits that are no kommun or län (9999). */
  codeNotOrganisation: (code: string) =>
    text(
      'code_not_organisation',
      `${code} är ingen giltig kommun- eller länskod. En kommunkod har fyra siffror och börjar med länets kod ` +
        `(t.ex. 0180 eller 1281); länskoderna är ${LANSKOD_SPANS[0]}.`,
      `${code} is not a valid municipality or county code. A municipality code has four digits and starts with ` +
        `its county's code (e.g. 0180 or 1281); the county codes are ${LANSKOD_SPANS[1]}.`,
    ),
  codeMalformed: (code: string) =>
    text(
      'code_malformed',
      `${code} är ingen kommun- eller länskod. Ange fyra siffror för en kommun (t.ex. 0180) eller två för en region (t.ex. 12).`,
      `${code} is not a municipality or county code. Give four digits for a municipality (e.g. 0180) or two for a region (e.g. 12).`,
    ),
  nameMissing: () => text('name_missing', 'Namnet saknas.', 'The name is missing.'),
  nameTooLong: () =>
    text('name_too_long', 'Namnet är längre än 200 tecken.', 'The name is longer than 200 characters.'),
  // Control characters, line breaks or nothing visible: refused as the console's contact form refuses them.
  nameControlCharacter: () => textOf('name_not_visible', 'textControlCharacter'),
  nameLineBreak: () => textOf('name_not_visible', 'textLineBreak'),
  nameInvisible: () => textOf('name_not_visible', 'textInvisibleOnly'),
  emailMissing: () => text('email_missing', 'E-postadressen saknas.', 'The email address is missing.'),
  emailInvalid: (email: string) =>
    text('email_invalid', `${email} är ingen giltig e-postadress.`, `${email} is not a valid email address.`),
  roleMissing: () =>
    text(
      'role_missing',
      'Rollen saknas. Ange politiker eller tjänsteperson.',
      'The role is missing. Give politiker (politician) or tjänsteperson (official).',
    ),
  roleInvalid: (role: string) =>
    text(
      'role_invalid',
      `Rollen ska vara politiker eller tjänsteperson, inte "${role}".`,
      `The role must be politiker (politician) or tjänsteperson (official), not "${role}".`,
    ),
  unknownOrganisation: (code: string) =>
    text(
      'unknown_organisation',
      `Organisationen ${code} finns inte i medlemsregistret.`,
      `The organisation ${code} is not in the member register.`,
    ),
  emailIsAdmin: (email: string) =>
    text(
      'email_is_admin',
      `E-postadressen ${email} tillhör en administratör och kan inte användas för en medlemskontakt.`,
      `The email address ${email} belongs to an administrator and cannot be used for a member contact.`,
    ),
} satisfies Record<string, (...args: never[]) => ContactIssueText>;
