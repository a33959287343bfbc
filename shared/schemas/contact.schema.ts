import { z } from 'zod';
import { inputMessage } from '../i18n/input-messages';
import { ContactIdParam } from './params';
import { VisibleNameInput } from './visible-text';

export const ContactRoleSchema = z.enum(['politician', 'official']);
export type ContactRole = z.infer<typeof ContactRoleSchema>;

/** Whether mail can reach a contact; reminders stop for anything but `ok`. */
export const EmailStateSchema = z.enum(['ok', 'unsubscribed', 'bounced', 'complained']);
export type EmailState = z.infer<typeof EmailStateSchema>;

export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** A member contact: the statutes ask for one politician and one official per organisation. */
export const ContactSchema = z.object({
  id: z.string().min(1),
  organisationId: z.string(),
  email: EmailSchema,
  name: z.string().trim().min(1).max(200),
  role: ContactRoleSchema,
  emailState: EmailStateSchema.default('ok'),
});
export type Contact = z.infer<typeof ContactSchema>;

/** A contact of an organisation, as the kansli adds it. The id is made by the server. */
export const CreateContactInputSchema = ContactSchema.pick({ name: true, email: true, role: true }).extend({
  name: VisibleNameInput,
});

/**
 * PATCH /api/admin/contacts/{id}. Changing `organisationId` moves the contact; `emailState: ok`
 * re-enables an address after a bounce or an unsubscribe.
 */
export const UpdateContactInputSchema = ContactSchema.pick({ name: true, email: true, role: true })
  // Without ContactSchema's default: a partial schema still fills it in, and every rename or move
  // turned an unsubscribed or bounced address back to `ok`.
  .extend({
    name: VisibleNameInput,
    emailState: EmailStateSchema,
    organisationId: z.string().regex(/^\d{2}(\d{2})?$/, inputMessage('organisationCode')),
  })
  .partial();

/** Why an organisation's contacts fall short of the statutes (one politician and one official). */
export const ContactWarningSchema = z.object({
  code: z.enum(['missing_politician', 'missing_official']),
  message: z.string(),
});
export type ContactWarning = z.infer<typeof ContactWarningSchema>;

/** An organisation's contacts with the statute warnings. */
export const OrganisationContactsSchema = z.object({
  organisationId: z.string(),
  contacts: z.array(ContactSchema),
  warnings: z.array(ContactWarningSchema),
});

/** What a contact mutation answers: the contact and its organisation's warnings afterwards. */
export const ContactChangeResultSchema = z.object({
  contact: ContactSchema,
  warnings: z.array(ContactWarningSchema),
});

export const ContactIdParamSchema = z.object({ id: ContactIdParam });

/**
 * The details of a 409 `already_exists` for an address another contact has: that contact and its
 * organisation (the name when the organisation is still in the register), so the console can link to it.
 */
export const EmailHolderDetailsSchema = z.object({
  contactId: z.string(),
  organisationId: z.string(),
  organisationName: z.string().optional(),
});
export type EmailHolderDetails = z.infer<typeof EmailHolderDetailsSchema>;
