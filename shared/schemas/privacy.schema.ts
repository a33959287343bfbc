import { z } from 'zod';
import { ContactSchema, EmailSchema } from './contact.schema';
import { OutboxEntrySchema } from './outbox.schema';
import type { EditorSchema } from './response.schema';

/** What a response shows as its editor once the person has been erased. */
export const ERASED_EDITOR = { name: 'raderad kontakt', email: '' } as const satisfies z.infer<typeof EditorSchema>;

/** GET /api/admin/contacts/{id}/export: everything stored about one contact (GDPR art. 15). */
export const ContactExportSchema = z.object({
  exportedAt: z.string(),
  contact: ContactSchema,
  /** Sign-in sessions: when they started and end, never the session id (a credential). */
  sessions: z.array(z.object({ createdAt: z.string(), expiresAt: z.string(), active: z.boolean() })),
  /** Email sent to the contact (the local outbox; SES keeps no copy in the table). */
  outbox: z.array(OutboxEntrySchema),
  /** Reminder-log entries of every campaign for this contact. */
  reminderLog: z.array(z.record(z.string(), z.unknown())),
  /** Responses the contact last saved or submitted. */
  responses: z.array(
    z.object({
      year: z.number().int(),
      organisationId: z.string(),
      lastEditor: z.boolean(),
      submitter: z.boolean(),
      updatedAt: z.string().optional(),
      submittedAt: z.string().optional(),
    }),
  ),
  /** Audit entries of the contact's organisation that mention the contact. */
  audit: z.array(z.record(z.string(), z.unknown())),
});
export type ContactExport = z.infer<typeof ContactExportSchema>;

/** A contact record an erasure took away: one in the register, or one removed earlier (`removedBefore`). */
export const ErasedContactSchema = z.object({
  contactId: z.string(),
  organisationId: z.string(),
  removedBefore: z.boolean(),
});

/** What an erasure did, in counts only, never the personal data itself. */
const ErasureCountsSchema = z.object({
  sessionsEnded: z.number().int(),
  outboxDeleted: z.number().int(),
  /** Unused or unexpired sign-in links (they hold the name and address until they expire). */
  loginTokensDeleted: z.number().int(),
  reminderLogRedacted: z.number().int(),
  responsesRedacted: z.number().int(),
  /** Earlier audit entries whose name and address this erasure took out (over all its runs). */
  auditRedacted: z.number().int(),
});

/**
 * POST /api/admin/contacts/{id}/erase: the contact (in the register, or removed earlier), plus every
 * earlier removed contact record under the same address, listed in `contacts` (this one first).
 */
export const ErasureResultSchema = ErasureCountsSchema.extend({
  contactId: z.string(),
  organisationId: z.string(),
  contacts: z.array(ErasedContactSchema),
});
export type ErasureResult = z.infer<typeof ErasureResultSchema>;

/** POST /api/admin/contacts/erase: erasure by the address, for a person no longer in the register. */
export const AddressErasureInputSchema = z.object({ email: EmailSchema });
export type AddressErasureInput = z.infer<typeof AddressErasureInputSchema>;

/** What erasure by address answers: the removed contact records it found (often none) and the counts. */
export const AddressErasureResultSchema = ErasureCountsSchema.extend({
  contacts: z.array(ErasedContactSchema),
});
export type AddressErasureResult = z.infer<typeof AddressErasureResultSchema>;
