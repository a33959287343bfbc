import type { ReviewedOverride } from '../../../../../shared/schemas/response.schema';
import { describeAnswer, findQuestion, type SummaryLabels } from '../../../lib/survey-summary';

/** What the warning on a stale override says: the answer it was made on and the answer now, worded. */
export interface OverrideAnswerChange {
  /** The answer then, as the review words answers; undefined when it was unanswered. */
  madeOn: string | undefined;
  /** The answer now; undefined when unanswered. */
  current: string | undefined;
}

/**
 * The change to show on a question's row when its override (the latest, the one that counts) was
 * made on an answer the response no longer holds; null when the answer is the same or unknown (an
 * override stored before answers were recorded with it). Both answers are worded without their
 * comment: the override was made on the question's value.
 */
export function overrideAnswerChange(
  override: Pick<ReviewedOverride, 'question' | 'answer' | 'answerChanged'> | undefined,
  survey: Record<string, unknown>,
  data: Record<string, unknown>,
  lang: 'sv' | 'en',
  labels: SummaryLabels,
): OverrideAnswerChange | null {
  if (!override?.answerChanged) return null;
  const question = findQuestion(survey, override.question);
  const word = (value: unknown) =>
    question
      ? describeAnswer(question, value, lang, labels)
      : value === null || value === undefined
        ? undefined
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
  return { madeOn: word(override.answer), current: word(data[override.question]) };
}
