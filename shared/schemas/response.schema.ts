import { z } from 'zod';
import { ScoreOverrideSchema, ScoreResultSchema } from '../scoring/score.schema';
import { QuestionParam } from './params';
import { visibleText } from './visible-text';

export const ResponseStatusSchema = z.enum(['not_started', 'draft', 'submitted']);
export type ResponseStatus = z.infer<typeof ResponseStatusSchema>;

/** An organisation's state in a campaign: its response's status, or excused by the kansli. */
export const ProgressStatusSchema = z.enum([...ResponseStatusSchema.options, 'excused']);
export type ProgressStatus = z.infer<typeof ProgressStatusSchema>;

/** Answers keyed by question name, as SurveyJS produces them. */
export const SurveyDataSchema = z.record(z.string(), z.unknown());
export type SurveyData = z.infer<typeof SurveyDataSchema>;

export const EditorSchema = z.object({ name: z.string(), email: z.string() });
export type Editor = z.infer<typeof EditorSchema>;

/** An override with who set it and when; shown beside the computed points, never replacing them silently. */
export const StoredOverrideSchema = ScoreOverrideSchema.extend({
  reason: z.string().trim().min(1).max(1000),
  /**
   * The answer the override was made on: the question's value then, null when it was unanswered.
   * Absent on overrides stored before it was recorded. Overrides survive a reopen, so the review
   * compares it with the answer now (`shared/scoring/override-answers.ts`).
   */
  answer: z.unknown().optional(),
  by: z.string(),
  at: z.string(),
});

/**
 * An override as the review shows it: `answerChanged` is true when the response's answer now
 * differs from the one the override was made on (`answer`), false when it is the same, null when
 * the override was stored before its answer was recorded (unknown, not flagged).
 */
export const ReviewedOverrideSchema = StoredOverrideSchema.extend({ answerChanged: z.boolean().nullable() });
export type ReviewedOverride = z.infer<typeof ReviewedOverrideSchema>;

/** A note the kansli left for the member while reviewing; it is also emailed to the contacts. */
export const ReviewNoteSchema = z.object({
  message: z.string().trim().min(1).max(5000),
  by: z.string(),
  at: z.string(),
  /** How many contacts the note was emailed to. */
  emailedTo: z.number().int().min(0),
});
export type ReviewNote = z.infer<typeof ReviewNoteSchema>;

/**
 * What the kansli told the organisation when it reopened its response (`reopened`) or gave it more
 * time (`extended`): stored on the response in the reopen's own write, so the members read the
 * reason in the app, not only in the email. The reason is the one the email sends them.
 */
export const ReopenRecordSchema = z.object({
  kind: z.enum(['reopened', 'extended']),
  at: z.string(),
  reason: z.string(),
  /** The organisation's own deadline this reopen set; absent when it kept the one that applied. */
  closesAt: z.string().optional(),
});
export type ReopenRecord = z.infer<typeof ReopenRecordSchema>;

/** One organisation's answer to one campaign, shared by all its contacts. */
export const SurveyResponseSchema = z.object({
  year: z.number().int(),
  organisationId: z.string(),
  organisationType: z.enum(['kommun', 'region']),
  data: SurveyDataSchema,
  /** Increases by one on every accepted write; 0 means nothing saved yet. */
  version: z.number().int().min(0),
  status: ResponseStatusSchema,
  updatedAt: z.string().optional(),
  updatedBy: EditorSchema.optional(),
  submittedAt: z.string().optional(),
  submittedBy: EditorSchema.optional(),
  /** A per-organisation deadline set when the kansli reopens a response. */
  closesAtOverride: z.string().optional(),
  excused: z.boolean().default(false),
  answered: z.number().int().min(0).default(0),
  totalQuestions: z.number().int().min(0).default(0),
  /**
   * The effective score, the kansli's overrides included (`scoreWithOverrides`), as submit, an
   * override, re-scoring or publishing last stored it; every page reads it as is.
   */
  score: ScoreResultSchema.optional(),
  overrides: z.array(StoredOverrideSchema).default([]),
  /**
   * How many of the overrides that count were made on an answer the response no longer holds
   * (`countStaleOverrides`), as the write that last changed its answers or overrides (submit, an
   * adjustment, keeping or removing one) stored it: the review list flags the response from it
   * without reading the answers. Absent on a response no such write has touched since it was added.
   */
  overridesToCheck: z.number().int().min(0).optional(),
  notes: z.array(ReviewNoteSchema).default([]),
  /**
   * The reopens and extensions as told to the members, oldest first: the last
   * `REOPEN_HISTORY_LIMIT` (10), appended by each reopen's own write (shared/domain/kansli-messages.ts).
   */
  reopens: z.array(ReopenRecordSchema).optional(),
  /**
   * The form items written before `reopens` hold: the latest reopen alone. Read as a history of one;
   * the next reopen moves it into `reopens` and removes it.
   */
  reopen: ReopenRecordSchema.optional(),
});
export type SurveyResponse = z.infer<typeof SurveyResponseSchema>;

/**
 * A stored score's headline: points of the maximum, share, band and basic requirements, without
 * the per-section and per-question detail (most of a score's size).
 */
export const ScoreSummarySchema = ScoreResultSchema.pick({
  total: true,
  max: true,
  share: true,
  band: true,
  gatePassed: true,
});
export type ScoreSummary = z.infer<typeof ScoreSummarySchema>;

/**
 * A response without its answers, review and score detail: what progress, the register and
 * reminders read. `score` is the stored score's headline (the review list shows it), present once
 * a submit stored one.
 */
export const ResponseSummarySchema = SurveyResponseSchema.omit({
  data: true,
  score: true,
  overrides: true,
  notes: true,
  reopens: true,
  reopen: true,
}).extend({ score: ScoreSummarySchema.optional() });
export type ResponseSummary = z.infer<typeof ResponseSummarySchema>;

export const PrefillSchema = z.object({
  values: SurveyDataSchema,
  /** Where each prefilled value came from, e.g. "Från Sustainable Advantage, 2021". */
  sources: z.record(z.string(), z.string()),
});
export type Prefill = z.infer<typeof PrefillSchema>;

/**
 * What the organisation's latest earlier submission would add to this year's draft: its year and
 * how many answers (POST …/response/carry-over fills them in). Null when it would add nothing.
 */
export const CarryOverOfferSchema = z.object({
  year: z.number().int(),
  answers: z.number().int().min(1),
});
export type CarryOverOffer = z.infer<typeof CarryOverOfferSchema>;

/**
 * What the kansli has said to the organisation about a year's response, as the members read it:
 * the reopens and extensions (when, why, the own deadline each set; the last 10) and the review
 * notes (when, what), each oldest first. Never who at the kansli wrote them, how many were emailed,
 * or the kansli's own fields (overrides and their reasons, excuses).
 */
export const FromKansliSchema = z.object({
  reopens: z.array(ReopenRecordSchema),
  notes: z.array(ReviewNoteSchema.pick({ at: true, message: true })),
});
export type FromKansli = z.infer<typeof FromKansliSchema>;

/** GET /api/campaigns/{year}/response: with how many of the required questions are answered. */
export const ResponseViewSchema = SurveyResponseSchema.pick({
  data: true,
  version: true,
  status: true,
  updatedAt: true,
  updatedBy: true,
  submittedAt: true,
  submittedBy: true,
}).extend({
  prefill: PrefillSchema,
  carryOver: CarryOverOfferSchema.nullable(),
  fromKansli: FromKansliSchema,
  /** Visible required questions and how many hold an answer: what is left before submitting. */
  required: z.object({ answered: z.number().int().min(0), total: z.number().int().min(0) }),
  /**
   * Why the organisation may not answer this campaign now (by the register's membership dates),
   * or null when it may: the same rule that refuses its saves with 403 `not_a_member`, so the page
   * can say so before anyone types.
   */
  notAMember: z
    .object({
      reason: z.enum(['ended', 'not_yet', 'not_in_campaign']),
      memberSince: z.string().optional(),
      memberUntil: z.string().optional(),
    })
    .nullable(),
});

export type ResponseView = z.infer<typeof ResponseViewSchema>;
export type NotAMember = NonNullable<ResponseView['notAMember']>;

/**
 * GET /api/campaigns/{year}/response/version?since={version}: what an open survey page checks now
 * and then, read from the response item alone. `data` only when the stored version is not `since`.
 */
export const ResponseVersionSchema = ResponseViewSchema.pick({
  version: true,
  status: true,
  updatedAt: true,
  updatedBy: true,
  notAMember: true,
}).extend({ data: SurveyDataSchema.optional() });
export type ResponseVersion = z.infer<typeof ResponseVersionSchema>;

/** PUT /api/campaigns/{year}/response. */
export const SaveDraftInputSchema = SurveyResponseSchema.pick({ data: true, version: true });

/** What a 409 version_conflict carries as `current`. */
export const ResponseCurrentSchema = SurveyResponseSchema.pick({
  data: true,
  version: true,
  updatedAt: true,
  updatedBy: true,
});

export const SaveDraftResultSchema = SurveyResponseSchema.pick({ version: true, updatedAt: true, updatedBy: true });

/** POST /api/campaigns/{year}/response/carry-over: at the draft's version, like an autosave. */
export const CarryOverInputSchema = SurveyResponseSchema.pick({ version: true });
/** The draft's new version, the year the answers came from, the values added (maybe none) and how many questions they answer. */
export const CarryOverResultSchema = SaveDraftResultSchema.extend({
  fromYear: z.number().int(),
  values: SurveyDataSchema,
  answers: z.number().int().min(0),
});
export type CarryOverResult = z.infer<typeof CarryOverResultSchema>;

/** POST /api/campaigns/{year}/response/submit. */
export const SubmitInputSchema = SurveyResponseSchema.pick({ version: true });
export const SubmitResultSchema = z.object({ status: z.literal('submitted'), submittedAt: z.string() });

/** POST /api/admin/campaigns/{year}/responses/{code}/overrides: a reason is required. */
export const OverrideInputSchema = StoredOverrideSchema.pick({ question: true, points: true, reason: true }).extend({
  // Checked on input only: a reason stored before the check still reads.
  reason: visibleText(z.string().trim().min(1).max(1000), { multiline: true }),
});

/** DELETE /api/admin/campaigns/{year}/responses/{code}/overrides/{question}: the reason goes in the body (kept out of URLs and logs). */
export const RemoveOverrideInputSchema = z.object({
  reason: visibleText(z.string().trim().min(3).max(1000), { multiline: true }),
});

/** The `{question}` of DELETE …/overrides/{question}: a survey question's name. */
export const OverrideQuestionParamSchema = z.object({ question: QuestionParam });

/** POST /api/admin/campaigns/{year}/responses/{code}/note. */
export const NoteInputSchema = z.object({
  message: visibleText(z.string().trim().min(1).max(5000), { multiline: true }),
});

/**
 * A response as the kansli reviews it. The stored `score` is the effective score (overrides
 * applied; each overridden question keeps its `computedPoints` beside the override), the one the
 * export, scorecards and report show. Computed on read with the campaign's survey:
 * `effectiveScore`, what the response scores now with its overrides (what re-scoring would store),
 * and `computedScore`, the same without overrides. Null when there is no score yet.
 */
export const ReviewedResponseSchema = SurveyResponseSchema.extend({
  overrides: z.array(ReviewedOverrideSchema),
  effectiveScore: ScoreResultSchema.nullable(),
  computedScore: ScoreResultSchema.nullable(),
  /**
   * Submitted, and the stored score is not `effectiveScore`: it was stored before the survey or the
   * overrides last changed (or before overrides were stored with the score) until re-scoring or
   * publishing stores the current one.
   */
  rescoreNeeded: z.boolean(),
});
export type ReviewedResponse = z.infer<typeof ReviewedResponseSchema>;

/** GET /api/admin/campaigns/{year}/responses/{code}: this year's response and last year's for comparison. */
export const ResponseReviewSchema = z.object({
  organisation: z.object({ id: z.string(), name: z.string(), type: z.enum(['kommun', 'region']) }),
  response: ReviewedResponseSchema.nullable(),
  previous: ReviewedResponseSchema.nullable(),
  /** The most points the kansli may set per question of this year's survey (only those above 0; S6 by its review point). */
  adjustableMax: z.record(z.string(), z.number().positive()),
});
