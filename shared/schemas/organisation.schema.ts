import { z } from 'zod';
import { isValidKommunkod, isValidLanskod } from '../domain/organisation-codes';
import { inputMessage } from '../i18n/input-messages';
import { ContactSchema, ContactWarningSchema } from './contact.schema';
import { OrganisationCodeParam } from './params';
import { ProgressStatusSchema } from './response.schema';
import { VisibleNameInput } from './visible-text';

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

const membershipInOrder = (value: { memberSince?: string | null; memberUntil?: string | null }) =>
  !value.memberSince || !value.memberUntil || value.memberSince <= value.memberUntil;
const membershipMessage = { message: inputMessage('membershipOrder'), path: ['memberUntil'] };

/**
 * POST /api/admin/organisations. The code must be a real one and agree with the type: a kommun has
 * a 4-digit kommunkod that starts with a valid länskod (0180), a region a valid 2-digit länskod (12).
 */
export const CreateOrganisationInputSchema = OrganisationSchema.extend({ name: VisibleNameInput })
  .superRefine((value, ctx) => {
    const { id, type } = value;
    if (type === 'kommun' && !isValidKommunkod(id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: inputMessage(isValidLanskod(id) ? 'kommunGivenLanskod' : 'kommunkodInvalid', { id }),
      });
    }
    if (type === 'region' && !isValidLanskod(id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: inputMessage(isValidKommunkod(id) ? 'regionGivenKommunkod' : 'lanskodInvalid', { id }),
      });
    }
  })
  .refine(membershipInOrder, membershipMessage);

/** PATCH /api/admin/organisations/{code}. The code and type never change; null clears an optional field. */
export const UpdateOrganisationInputSchema = OrganisationSchema.pick({ name: true })
  .extend({
    name: VisibleNameInput,
    population: OrganisationSchema.shape.population.unwrap().nullable(),
    memberSince: OrganisationSchema.shape.memberSince.unwrap().nullable(),
    memberUntil: OrganisationSchema.shape.memberUntil.unwrap().nullable(),
  })
  .partial()
  .refine(membershipInOrder, membershipMessage);

export const OrganisationCodeParamSchema = z.object({ code: OrganisationCodeParam });

/** GET /api/admin/organisations: search over name and code, filter by type. */
export const OrganisationListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  type: OrganisationTypeSchema.optional(),
});

/**
 * One organisation as the console lists it: the register fields, its contacts, the statute warnings
 * and its status in the current campaign (null when there is no campaign yet).
 */
export const OrganisationRowSchema = OrganisationSchema.extend({
  contacts: z.array(ContactSchema),
  warnings: z.array(ContactWarningSchema),
  currentCampaign: z
    .object({
      year: z.number().int(),
      status: ProgressStatusSchema,
      /** A member on one of the campaign's answer days (`isCampaignMember`, as the progress rows' `inCampaign`). */
      inCampaign: z.boolean(),
      /** Why not, when not: the membership ended before the campaign opened, or begins after it closed. */
      membership: z.enum(['member', 'ended', 'not_yet']),
    })
    .nullable(),
});
export type OrganisationRow = z.infer<typeof OrganisationRowSchema>;
