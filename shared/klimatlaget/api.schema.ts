/** Request and answer shapes of the Klimatläget and scoring endpoints. */
import { z } from 'zod';
import { SurveyJsonSchema } from '../schemas/campaign.schema';
import { StoredOverrideSchema, SurveyDataSchema, SurveyResponseSchema } from '../schemas/response.schema';
import { ScoreOverrideSchema, ScoreResultSchema } from '../scoring/score.schema';
import { KlimatlagetReportSchema, PublishedReportSchema } from './report.schema';

/** POST /api/admin/score-preview. */
export const ScorePreviewInputSchema = z.object({
  survey: SurveyJsonSchema,
  data: SurveyDataSchema.default({}),
  overrides: z.array(ScoreOverrideSchema).default([]),
});

/** POST /api/admin/campaigns/{year}/rescore. */
export const RescoreResultSchema = z.object({
  /** Submitted responses whose stored score changed and was written. */
  rescored: z.number().int().min(0),
  /** Submitted responses whose stored score was already current. */
  unchanged: z.number().int().min(0),
});

/** POST /api/admin/campaigns/{year}/publish. */
export const PublishResultSchema = z.object({
  year: z.number().int(),
  revision: z.number().int().min(1),
  publishedAt: z.string(),
  respondents: z.number().int().min(0),
  organisations: z.number().int().min(0),
  /** Responses whose score was brought up to date with the survey before aggregating. */
  rescored: z.number().int().min(0),
  /**
   * True when the figures, rules and Utfall were those of the latest revision already: no new
   * revision was made, and `revision` and `publishedAt` are that one's.
   */
  unchanged: z.boolean(),
});
export type PublishResult = z.infer<typeof PublishResultSchema>;

/**
 * GET /api/admin/campaigns/{year}/publish-preview: the report a publish now would store, beside the
 * latest published revision (null before the first), so the kansli sees what a correction changes in
 * the public figures before publishing it. Nothing is written.
 */
export const PublishPreviewSchema = z.object({
  latest: PublishedReportSchema.nullable(),
  next: KlimatlagetReportSchema,
});
export type PublishPreview = z.infer<typeof PublishPreviewSchema>;

/** One organisation's row in GET /api/admin/campaigns/{year}/responses. */
export const ResponseExportRowSchema = z.object({
  organisation: z.object({ id: z.string(), name: z.string(), type: z.enum(['kommun', 'region']) }),
  status: SurveyResponseSchema.shape.status,
  excused: z.boolean(),
  version: z.number().int().min(0),
  submittedAt: z.string().optional(),
  data: SurveyDataSchema,
  score: ScoreResultSchema.optional(),
  overrides: z.array(StoredOverrideSchema),
});

export const ResponsesExportSchema = z.object({ year: z.number().int(), responses: z.array(ResponseExportRowSchema) });
