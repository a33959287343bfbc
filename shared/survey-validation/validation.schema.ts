/** zod schemas for validation results; types inferred from them. */
import { z } from 'zod';

/**
 * One problem with an answer; `question` is the data key (empty for the payload as a whole).
 * `message` is Swedish and `messageEn` English, whatever language the request asked for: the page
 * shows the person's language and can switch without asking again.
 */
export const ValidationDetailSchema = z.object({
  question: z.string(),
  /** A draft check's code (e.g. `wrong_type`, `too_long`), or `survey_<survey-core error type>` from submission. */
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type ValidationDetail = z.infer<typeof ValidationDetailSchema>;

export const ValidationResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    data: z.record(z.string(), z.unknown()),
    /** Keys left out because they are no question (or allowed comment) of the survey. */
    dropped: z.array(z.string()).optional(),
  }),
  z.object({ ok: z.literal(false), details: z.array(ValidationDetailSchema).min(1) }),
]);
export type ValidationResult = z.infer<typeof ValidationResultSchema>;
