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
