import { z } from 'zod';
import { EditorSchema, type ProgressStatus, ProgressStatusSchema, ScoreSummarySchema } from './response.schema';

// Defined beside the response's status: organisation.schema needs it, not this module's rows.
export { type ProgressStatus, ProgressStatusSchema };

/** Why mail may not reach an organisation: a contact's email state, or a role the statutes require. */
export const EmailProblemSchema = z.object({
  code: z.enum(['bounced', 'unsubscribed', 'complained', 'missing_politician', 'missing_official']),
  message: z.string(),
  contactId: z.string().optional(),
  email: z.string().optional(),
});
export type EmailProblem = z.infer<typeof EmailProblemSchema>;

/** One row of GET /api/admin/campaigns/{year}/progress. */
export const ProgressRowSchema = z.object({
  organisationId: z.string(),
  name: z.string(),
  type: z.enum(['kommun', 'region']),
  status: ProgressStatusSchema,
  /** Share (0–1) of the visible required questions answered at the last save (`responseProgress`). */
  answeredShare: z.number().min(0).max(1),
  updatedAt: z.string().nullable(),
  updatedBy: EditorSchema.nullable(),
  /**
   * Reminder occasions: the distinct steps the organisation was reminded at, each scheduled step and
   * each day of "Påminn nu" once, however many of its contacts got it (the invitation not counted).
   */
  remindersSent: z.number().int().min(0),
  emailProblems: z.array(EmailProblemSchema),
  /**
   * The organisation's own deadline, set by the kansli when reopening or extending: only when it
   * is later than the campaign's deadline (an earlier one has no effect), otherwise null.
   */
  closesAtOverride: z.string().nullable(),
  /**
   * The stored score's headline (the one the export and scorecard show) when the status is
   * `submitted`, otherwise null: a reopened draft's earlier score is not its result.
   */
  score: ScoreSummarySchema.nullable(),
  /**
   * How many of a submitted response's adjustments were made on an answer the member has changed
   * since (the response's stored `overridesToCheck`); 0 otherwise, as for `score`: a reopened
   * draft's answers are compared again when it is submitted.
   */
  overridesToCheck: z.number().int().min(0),
  /**
   * Whether it is a member on one of the campaign's answer days (`isCampaignMember`). False for an
   * organisation listed only for its response item: unless it submitted, Klimatläget does not count
   * it as asked (docs/klimatlaget.md), so the console says why its counts differ from the report's.
   */
  inCampaign: z.boolean(),
});
export type ProgressRow = z.infer<typeof ProgressRowSchema>;

export const ProgressSortSchema = z.enum(['code', 'name', 'status', 'answeredShare', 'updatedAt', 'remindersSent']);

/** Query of the progress list: filter by status and type, sort by one column. */
export const ProgressQuerySchema = z.object({
  status: ProgressStatusSchema.optional(),
  type: z.enum(['kommun', 'region']).optional(),
  sort: ProgressSortSchema.default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
