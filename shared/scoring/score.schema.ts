/** zod schemas for the scoring concepts; the TypeScript types are inferred from them. */
import { z } from 'zod';

/** One question's points in a result. `computedPoints` is present only when the kansli overrode them. */
export const QuestionScoreSchema = z.object({
  name: z.string(),
  points: z.number().min(0),
  max: z.number().min(0),
  computedPoints: z.number().min(0).optional(),
});
export type QuestionScore = z.infer<typeof QuestionScoreSchema>;

/** One page (section) of the survey. */
export const SectionScoreSchema = z.object({
  name: z.string(),
  title: z.string(),
  /** The page's English title, when the survey had one; absent in scores stored before it was kept. */
  titleEn: z.string().optional(),
  total: z.number().min(0),
  max: z.number().min(0),
});
export type SectionScore = z.infer<typeof SectionScoreSchema>;

/** The result of `score()`: stored with a response, shown on the scorecard, aggregated in reports. */
export const ScoreResultSchema = z.object({
  total: z.number().min(0),
  max: z.number().min(0),
  share: z.number().min(0).max(1),
  band: z.string().nullable(),
  gatePassed: z.boolean(),
  sections: z.array(SectionScoreSchema),
  questions: z.array(QuestionScoreSchema),
});
export type ScoreResult = z.infer<typeof ScoreResultSchema>;

/** A survey-level band: reached when share ≥ minShare. */
export const ScoreBandSchema = z.object({ minShare: z.number().min(0).max(1), label: z.string().min(1) });
export type ScoreBand = z.infer<typeof ScoreBandSchema>;

/** A band of a number question: min inclusive, max exclusive, first match wins. */
export const NumberScoreBandSchema = z.object({
  min: z.number().optional(),
  max: z.number().optional(),
  score: z.number().min(0),
});
export type NumberScoreBand = z.infer<typeof NumberScoreBandSchema>;

/** A kansli override of one question's points on one response (stored separately by the API). */
export const ScoreOverrideSchema = z.object({
  question: z.string().min(1),
  points: z.number().min(0),
  reason: z.string().min(1).optional(),
});
export type ScoreOverride = z.infer<typeof ScoreOverrideSchema>;

/** A question that carries points or a gate, as listed for reports. */
export const ScoredQuestionSchema = z.object({
  name: z.string(),
  title: z.string(),
  page: z.string(),
  type: z.string(),
  max: z.number().min(0),
  gate: z.boolean(),
  choices: z
    .array(z.object({ value: z.union([z.string(), z.number()]), text: z.string(), score: z.number() }))
    .optional(),
});
export type ScoredQuestion = z.infer<typeof ScoredQuestionSchema>;

/** Progress: visible answerable questions and how many are answered. */
export const AnsweredShareSchema = z.object({
  answered: z.number().int().min(0),
  total: z.number().int().min(0),
  share: z.number().min(0).max(1),
});
export type AnsweredShare = z.infer<typeof AnsweredShareSchema>;

export const DEFAULT_SCORE_BANDS: readonly ScoreBand[] = [
  { minShare: 0.8, label: 'A' },
  { minShare: 0.6, label: 'B' },
  { minShare: 0.4, label: 'C' },
  { minShare: 0, label: 'D' },
];
