import { z } from 'zod';
import { inputMessage } from '../i18n/input-messages';

/** A year as a path writes it: four plain digits, nothing else ("2026", not "02026", " 2026" or "0x7EA"). */
const FOUR_DIGITS = /^\d{4}$/;
/** A whole number as a path or query writes it: plain digits ("0x10", " 2" and "1e3" are not). */
const DIGITS = /^\d{1,9}$/;

/**
 * A whole number in a path or query: only plain digits become a number; anything else reaches the
 * schema as it came and fails there (400 invalid_input), so the message and its English name the
 * same value ("abc", not zod.coerce's NaN). A preprocess rather than z.coerce (which reads "0x7EA",
 * " 2026" and "02026" as 2026) and rather than a string pipe, so the OpenAPI document still shows an
 * integer with its bounds.
 */
export function wholeNumberParam<T extends z.ZodType>(schema: T, digits: RegExp = DIGITS) {
  return z.preprocess((value) => (typeof value === 'string' && digits.test(value) ? Number(value) : value), schema);
}

const YEAR_MESSAGE = inputMessage('yearParam');

/**
 * `{year}` in the API's paths (and `?campaign=` in the audit's query), for the member's, the
 * kansli's and the public routes alike: one message for every way it can be wrong.
 */
export const YearSchema = wholeNumberParam(
  z.number({ error: YEAR_MESSAGE }).int({ error: YEAR_MESSAGE }).min(2000, YEAR_MESSAGE).max(2100, YEAR_MESSAGE),
  FOUR_DIGITS,
);

/** `{code}` in the API's paths: a kommun's four digits or a region's two. */
export const OrganisationCodeParam = z.string().regex(/^\d{2}(\d{2})?$/, inputMessage('organisationCode'));

const IMPORT_ID_MESSAGE = inputMessage('importIdParam');
/** `{id}` of an emission or contact import: the UUID the preview answered. */
export const ImportIdParam = z.uuid({ error: IMPORT_ID_MESSAGE });

const CONTACT_ID_MESSAGE = inputMessage('contactIdParam');
/** `{id}` of a contact: a UUID, or a seeded id such as tjansteperson-1281. */
export const ContactIdParam = z.string().min(1, CONTACT_ID_MESSAGE).max(100, CONTACT_ID_MESSAGE);

const QUESTION_MESSAGE = inputMessage('questionParam');
/** `{question}`: a question's name in the survey JSON. */
export const QuestionParam = z.string().min(1, QUESTION_MESSAGE).max(200, QUESTION_MESSAGE);

const EMAIL_MESSAGE = inputMessage('emailParam');
/** An address in a path, read as the stored one is (trimmed, lower case; contact.schema.ts's EmailSchema). */
export const EmailParam = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: EMAIL_MESSAGE }).max(254, EMAIL_MESSAGE));

const CURSOR_MESSAGE = inputMessage('auditCursor');
/** `?cursor=` of the audit: the same message whether its length or its content is wrong. */
export const AuditCursorParam = z.string().min(1, CURSOR_MESSAGE).max(400, CURSOR_MESSAGE);
