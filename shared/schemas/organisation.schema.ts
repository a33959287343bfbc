import { z } from 'zod';

export const OrganisationTypeSchema = z.enum(['kommun', 'region']);
export type OrganisationType = z.infer<typeof OrganisationTypeSchema>;

/** A member organisation. Its id is the official code: 4-digit kommunkod or 2-digit länskod. */
export const OrganisationSchema = z.object({
  id: z.string().regex(/^\d{2}(\d{2})?$/),
  name: z.string().trim().min(1).max(200),
  type: OrganisationTypeSchema,
  population: z.number().int().nonnegative().optional(),
  memberSince: z.string().date().optional(),
  memberUntil: z.string().date().optional(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;
