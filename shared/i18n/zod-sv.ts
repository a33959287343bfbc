/**
 * zod's Swedish locale with its number and type words put right. The shipped one says "antal" (a
 * count) for a number, leaves "number", "string" and "int" in English, and words a number out of
 * range as "För lite(t): förväntade number att ha >=2000". A schema's own message (shared/i18n/
 * input-messages.ts) still comes first; this is for the issues no schema words itself.
 */
import type { z } from 'zod';
import sv from 'zod/v4/locales/sv.js';
import { inputMessage } from './input-messages';

/** The types zod names, in Swedish, as what was expected or received. */
const TYPES_SV: Record<string, string> = {
  number: 'ett tal',
  int: 'ett heltal',
  bigint: 'ett heltal',
  nan: 'inget tal',
  string: 'text',
  boolean: 'sant eller falskt',
  array: 'en lista',
  object: 'ett objekt',
  date: 'ett datum',
  null: 'null',
  undefined: 'inget värde',
};

/** What zod's own `parsedType` calls a value, for the received type. */
function typeOf(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'nan' : 'number';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  return typeof value;
}

const NUMERIC = new Set(['number', 'int', 'bigint']);

/** The locale for `z.config`: zod's Swedish, with these issues worded here. */
export function swedishZodLocale(): { localeError: z.core.$ZodErrorMap } {
  const shipped = sv().localeError;
  return {
    localeError: (issue) => {
      if (issue.code === 'invalid_type' && !/^[A-Z]/.test(issue.expected)) {
        const expected = TYPES_SV[issue.expected] ?? issue.expected;
        const received = typeOf(issue.input);
        return `Ogiltig inmatning: förväntade ${expected}, fick ${TYPES_SV[received] ?? received}`;
      }
      // The same words as the policy's own bounds, so the English is found for them (input-details.ts).
      if (issue.code === 'too_small' && NUMERIC.has(issue.origin)) {
        const minimum = String(issue.minimum);
        return inputMessage(issue.inclusive ? 'policyTooSmall' : 'valueAbove', { minimum });
      }
      if (issue.code === 'too_big' && NUMERIC.has(issue.origin)) {
        const maximum = String(issue.maximum);
        return inputMessage(issue.inclusive ? 'policyTooBig' : 'valueBelow', { maximum });
      }
      // The shipped "För stor(t): förväntade string att ha <=100 tecken" names the type in English.
      if (issue.code === 'too_small' && issue.origin === 'string' && !issue.exact) {
        return inputMessage('textTooShort', { minimum: String(issue.minimum) });
      }
      if (issue.code === 'too_big' && issue.origin === 'string' && !issue.exact) {
        return inputMessage('textTooLong', { maximum: String(issue.maximum) });
      }
      return shipped(issue);
    },
  };
}
