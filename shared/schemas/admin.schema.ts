import { z } from 'zod';
import { EmailSchema } from './contact.schema';
import { EmailParam } from './params';
import { VisibleNameInput } from './visible-text';

/** Kansli staff who may use the console, as stored. */
export const AdminSchema = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1).max(200),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type Admin = z.infer<typeof AdminSchema>;

/** POST /api/admin/admins. */
export const AddAdminInputSchema = AdminSchema.pick({ email: true, name: true }).extend({
  name: VisibleNameInput,
});

/**
 * One row of GET /api/admin/admins. `fromConfig` marks addresses in ADMIN_EMAILS: they are admins
 * whatever the table says, so they are removed by changing the configuration, not in the console.
 */
export const AdminListEntrySchema = AdminSchema.partial({ addedAt: true, addedBy: true }).extend({
  fromConfig: z.boolean(),
});
export type AdminListEntry = z.infer<typeof AdminListEntrySchema>;

export const AdminEmailParamSchema = z.object({ email: EmailParam });
