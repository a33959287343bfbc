import { z } from 'zod';
import { ContactRoleSchema, ContactSchema } from './contact.schema';
import { ImportIdParam } from './params';

/** POST /api/admin/contacts/import: the CSV text (`kod;namn;e-post;roll`) inside JSON. */
export const ContactImportInputSchema = z.object({ csv: z.string().min(1).max(1_000_000) });

/** One valid CSV row, resolved: the organisation code in canonical form, the role in the API's words. */
export const ContactImportRowSchema = z.object({
  /** Line number in the file, the header being line 1. */
  row: z.number().int().min(1),
  organisationId: z.string(),
  name: ContactSchema.shape.name,
  email: ContactSchema.shape.email,
  role: ContactRoleSchema,
});
export type ContactImportRow = z.infer<typeof ContactImportRowSchema>;

/**
 * A problem in the file; `row` and `column` are null when it concerns the whole file. `code` says
 * which kind of problem it is (CONTACT_IMPORT_ISSUE_CODES in shared/contacts-import/messages.ts);
 * `message` is Swedish and `messageEn` English, whatever language the request asked for, so the
 * console shows the reader's language. Previews stored before issues had codes read with the code
 * `unspecified` and no English.
 */
export const ContactImportIssueSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  code: z.string().min(1).default('unspecified'),
  message: z.string(),
  messageEn: z.string().min(1).optional(),
});
export type ContactImportIssue = z.infer<typeof ContactImportIssueSchema>;

/** What a valid row would do to the register: a new contact, a change (name, role or organisation), or nothing. */
export const ContactImportChangeSchema = z.enum(['new', 'changed', 'unchanged']);

export const ContactImportPreviewRowSchema = ContactImportRowSchema.extend({
  change: ContactImportChangeSchema,
  /** For a changed row: the stored contact's values before. */
  before: ContactSchema.pick({ organisationId: true, name: true, role: true }).optional(),
});

/** The preview of an import, stored until it is committed. */
export const ContactImportPreviewSchema = z.object({
  id: z.string(),
  /** Data rows in the file (header and blank lines not counted). */
  rows: z.number().int().min(0),
  valid: z.array(ContactImportPreviewRowSchema),
  errors: z.array(ContactImportIssueSchema),
  changes: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string(),
  committedAt: z.string().optional(),
});
export type ContactImportPreview = z.infer<typeof ContactImportPreviewSchema>;

/** POST /api/admin/contacts/import/{id}/commit. `alreadyCommitted` is true on a repeated commit, which changes nothing. */
export const ContactImportCommitResultSchema = z.object({
  id: z.string(),
  committedAt: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  alreadyCommitted: z.boolean(),
});
export type ContactImportCommitResult = z.infer<typeof ContactImportCommitResultSchema>;

export const ContactImportIdParamSchema = z.object({ id: ImportIdParam });
