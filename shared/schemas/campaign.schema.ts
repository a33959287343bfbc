import { z } from 'zod';
import { inputMessage } from '../i18n/input-messages';
import { VisibleNameInput } from './visible-text';

export const CampaignStatusSchema = z.enum(['draft', 'open', 'closed', 'published']);
export type CampaignStatus = z.infer<typeof CampaignStatusSchema>;

/** A SurveyJS survey definition. Deeper checks (it loads, every scored question has points) happen in scoring. */
export const SurveyJsonSchema = z
  .looseObject({ pages: z.array(z.looseObject({ name: z.string().min(1) })).min(1) })
  .describe('SurveyJS JSON');
export type SurveyJson = z.infer<typeof SurveyJsonSchema>;

export const CampaignSurveysSchema = z.object({ kommun: SurveyJsonSchema, region: SurveyJsonSchema });

// Stored and compared in UTC: a time sent with an offset (+02:00) is rewritten to its instant, so
// every comparison of campaign times, as text or as dates, means the same moment. zod runs the
// overwrite even when the format check failed, so a value that is no date is left for that error.
export const Instant = z.iso.datetime({ offset: true }).overwrite((value) => {
  if (value.endsWith('Z')) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : instant.toISOString();
});

/** One year's survey: the medlemstest for each organisation type, its dates and state. */
export const CampaignSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(200),
  surveys: CampaignSurveysSchema,
  opensAt: Instant,
  closesAt: Instant,
  status: CampaignStatusSchema,
  /** Stored as given; the reminders feature owns its schema and defaults. */
  reminderPolicy: z.record(z.string(), z.unknown()).optional(),
  /**
   * The policy as chosen (the kansli's, the previous campaign's or the defaults) when the dates did
   * not allow all of it: `reminderPolicy` is it with those steps taken out. Kept so a later date
   * change and the next year's campaign start from it, not from what one year's dates allowed.
   * Absent when nothing was taken out.
   */
  chosenReminderPolicy: z.record(z.string(), z.unknown()).optional(),
  /**
   * When the kansli closed it (set by the close, kept when published, cleared when reopened). Absent
   * on campaigns closed before it was stored: they show their deadline.
   */
  closedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

const datesInOrder = (value: { opensAt?: string; closesAt?: string }) =>
  !value.opensAt || !value.closesAt || new Date(value.opensAt) < new Date(value.closesAt);
const datesMessage = { message: inputMessage('campaignDates'), path: ['closesAt'] };

/** POST /api/admin/campaigns. Without `surveys`, last year's are copied. */
export const CreateCampaignInputSchema = CampaignSchema.pick({
  year: true,
  title: true,
  opensAt: true,
  closesAt: true,
  reminderPolicy: true,
})
  .extend({ title: VisibleNameInput, surveys: CampaignSurveysSchema.optional() })
  .refine(datesInOrder, datesMessage);

/**
 * The `details` of 409 questions_removed: for each survey the update removes questions from, the
 * questions (name and title, as the stored survey has them) whose answers members would lose.
 */
export const RemovedQuestionsSchema = z.array(
  z.object({
    survey: z.enum(['kommun', 'region']),
    questions: z.array(z.object({ name: z.string(), title: z.string() })),
  }),
);
export type RemovedQuestions = z.infer<typeof RemovedQuestionsSchema>;

const RemovedNamesSchema = z.array(z.string().min(1).max(200)).max(2000);

/**
 * The questions the kansli confirms removing, by survey type: exactly the names the survey update
 * removes (as a 409 questions_removed lists them), so a confirmation given for one removal never
 * covers another.
 */
export const RemovedQuestionConfirmationSchema = z
  .object({ kommun: RemovedNamesSchema, region: RemovedNamesSchema })
  .partial()
  .describe(
    'Confirms that the survey update may remove these questions (by survey type) although members may have ' +
      'answered them: needed while the campaign is open, or when it has stored responses. Must name exactly the ' +
      'questions removed from that survey, else the answer is 409 questions_removed listing them.',
  );

/**
 * PATCH /api/admin/campaigns/{year}. Only the surveys sent are replaced: saving the kommun survey
 * leaves the region survey as stored.
 */
export const UpdateCampaignInputSchema = CampaignSchema.pick({
  title: true,
  opensAt: true,
  closesAt: true,
  reminderPolicy: true,
})
  .extend({
    title: VisibleNameInput,
    surveys: CampaignSurveysSchema.partial().describe('The surveys to replace; a type left out stays as stored.'),
    expectedUpdatedAt: z
      .string()
      .describe(
        "The campaign's updatedAt as the client loaded it. When the campaign has changed since, nothing is " +
          'saved and the answer is 409 version_conflict with the stored campaign in `current`.',
      ),
    confirmRemovedQuestions: RemovedQuestionConfirmationSchema,
  })
  .partial()
  .refine(datesInOrder, datesMessage);

/** The campaign as a member sees it: only the survey for their organisation type. */
export const CurrentCampaignSchema = CampaignSchema.pick({
  year: true,
  title: true,
  opensAt: true,
  closesAt: true,
  // An early close: the member's page judges an own deadline against it, as the API does.
  closedAt: true,
  status: true,
}).extend({
  survey: SurveyJsonSchema,
  /** The deadline that applies to the caller's organisation, after any extension. */
  closesAtForOrganisation: z.string(),
});

export const CampaignSummarySchema = CampaignSchema.omit({ surveys: true });

/** One step of the reminder policy that applies, on the campaign's dates (`reminderPlan`). */
export const ReminderScheduleStepSchema = z.object({
  stepId: z.string().describe('`invitation`, `d<days>` or `last-day`'),
  nominalAt: z
    .string()
    .describe('When the policy puts it: opensAt, or the closing day minus N days at the window start.'),
  dueAt: z.string().describe('When it goes out: nominalAt, or the next send-window opening (weekend, holiday).'),
  holiday: z
    .object({ name: z.string(), nameEn: z.string() })
    .optional()
    .describe('The Swedish holiday nominalAt falls on, which is why it moved.'),
  supersededBy: z
    .string()
    .optional()
    .describe(
      'Set when the send window moves another step onto the same instant: that step goes out, this one is not sent.',
    ),
});
export type ReminderScheduleStep = z.infer<typeof ReminderScheduleStepSchema>;

/** A warning about the policy on these dates (`validatePolicy`): it is accepted, but does not send what it says. */
export const ReminderPolicyWarningSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])).describe('Where in the policy, e.g. ["steps", 2].'),
  code: z.enum(['step_superseded', 'steps_too_close', 'too_many_steps', 'step_after_close', 'step_before_open']),
  message: z.string(),
  messageEn: z.string(),
});
export type ReminderPolicyWarning = z.infer<typeof ReminderPolicyWarningSchema>;

/**
 * What the console reads beside a campaign: its reminder schedule and the policy's warnings on its
 * dates, derived from `reminderPolicy`, `opensAt` and `closesAt` on every read (never stored), so a
 * changed deadline shows at once what it does to the schedule.
 */
export const ReminderPlanSchema = z.object({
  reminderSchedule: z
    .array(ReminderScheduleStepSchema)
    .describe('The steps inside the answer days, in send order, with when each goes out.'),
  reminderWarnings: z.array(ReminderPolicyWarningSchema),
});
export type ReminderPlan = z.infer<typeof ReminderPlanSchema>;

/** A campaign as the console's routes answer it: as stored, with its reminder plan. */
export const ConsoleCampaignSchema = CampaignSchema.extend(ReminderPlanSchema.shape);
export type ConsoleCampaign = z.infer<typeof ConsoleCampaignSchema>;
export const ConsoleCampaignSummarySchema = CampaignSummarySchema.extend(ReminderPlanSchema.shape);
