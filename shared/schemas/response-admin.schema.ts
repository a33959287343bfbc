import { z } from 'zod';
import { Instant } from './campaign.schema';
import { visibleText } from './visible-text';

/** What the kansli chose, seeing the response: `reopen` a submitted one, `extend` the time of one that is not. */
export const ReopenIntentSchema = z.enum(['reopen', 'extend']);
export type ReopenIntent = z.infer<typeof ReopenIntentSchema>;

/** POST …/responses/{code}/reopen: reopen a submitted response and/or set the organisation's own deadline. */
export const ReopenInputSchema = z.object({
  closesAt: Instant.optional(),
  reason: visibleText(z.string().trim().min(3).max(1000), { multiline: true }),
  /** 409 `response_changed` when the response is no longer as the kansli saw it. */
  intent: ReopenIntentSchema.optional(),
});
export type ReopenInput = z.infer<typeof ReopenInputSchema>;

/** POST …/responses/{code}/excuse: mark an organisation as excused from answering this year (or undo it). */
export const ExcuseInputSchema = z.object({
  excused: z.boolean().default(true),
  reason: visibleText(z.string().trim().min(3).max(1000), { multiline: true }),
});
export type ExcuseInput = z.output<typeof ExcuseInputSchema>;
