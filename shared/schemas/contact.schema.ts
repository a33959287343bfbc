import { z } from 'zod';

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
