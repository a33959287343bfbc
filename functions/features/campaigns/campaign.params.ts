import { z } from 'zod';

/** A year as a path writes it: four plain digits, nothing else ("2026", not "02026", " 2026" or "0x7EA"). */
const FOUR_DIGITS = /^\d{4}$/;

/**
 * `{year}` in the API's paths, for the member's and the kansli's routes alike. Only four plain
 * digits become a number; anything else reaches z.number() as it came and fails there (400
 * invalid_input). A preprocess rather than z.coerce (which reads "0x7EA", " 2026" and "02026" as
 * 2026) and rather than a string pipe, so the OpenAPI document still shows an integer 2000–2100.
 */
export const YearSchema = z.preprocess(
  (value) => (typeof value === 'string' && FOUR_DIGITS.test(value) ? Number(value) : value),
  z.number().int().min(2000).max(2100),
);

export const YearParamSchema = z.object({ year: YearSchema });
