import { z } from 'zod';

export const MailKindSchema = z.enum([
  'login-link',
  'not-a-member',
  'invitation',
  'reminder',
  'receipt',
  'review-note',
  'reopened',
  'other',
]);
export type MailKind = z.infer<typeof MailKindSchema>;

/** An email as the mail port accepts it. */
export const MailMessageSchema = z.object({
  to: z.array(z.string()).min(1),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  kind: MailKindSchema,
  headers: z.record(z.string(), z.string()).optional(),
});
export type MailMessage = z.infer<typeof MailMessageSchema>;

/** A message kept in the local outbox, readable at GET /api/dev/outbox. */
export const OutboxEntrySchema = MailMessageSchema.omit({ headers: true }).extend({
  id: z.string(),
  sentAt: z.string(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
