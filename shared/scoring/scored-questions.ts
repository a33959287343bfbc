/** Question metadata for reports (Klimatläget yes-shares, exports). Plain code, no survey-core. */
import type { ScoredQuestion } from './score.schema';
import { compileScoring } from './scoring-plan';
import { choiceItems, type JsonObject, localText } from './survey-json';

export type YesValue = string | number | boolean;

/**
 * The answer that counts as "yes" for Klimatläget: for a boolean its true value; for a single
 * choice question the highest-scored choice (the first one on a tie).
 * Returns null for other questions and for choice questions whose choices carry no points.
 */
export function yesValueOf(question: JsonObject): YesValue | null {
  if (question.type === 'boolean') {
    const valueTrue = question.valueTrue;
    return typeof valueTrue === 'string' || typeof valueTrue === 'number' ? valueTrue : true;
  }
  if (!['radiogroup', 'dropdown', 'imagepicker', 'buttongroup'].includes(String(question.type))) return null;
  if (question.multiSelect === true) return null;
  let best: YesValue | null = null;
  let bestScore = 0;
  for (const item of choiceItems(question)) {
    const score = typeof item.score === 'number' ? item.score : 0;
    if (score > bestScore) {
      best = item.value;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Lists the questions that carry points or are gates, in survey order, with their page name,
 * maximum and (for choice questions) their choices with points.
 * @throws ScoringConfigError when the survey's scoring is malformed.
 */
export function listScoredQuestions(surveyJson: object): ScoredQuestion[] {
  const plan = compileScoring(surveyJson);
  return plan.questions
    .filter((q) => q.max > 0 || q.gate)
    .map((q) => {
      const entry: ScoredQuestion = {
        name: q.name,
        title: q.title,
        page: plan.pages[q.pageIndex]?.name ?? '',
        type: q.type,
        max: q.max,
        gate: q.gate,
      };
      const items = choiceItems(q.json);
      if (items.length > 0) {
        entry.choices = items.map((item) => ({
          value: item.value,
          text: localText(item.text) ?? String(item.value),
          score: typeof item.score === 'number' ? item.score : 0,
        }));
      }
      return entry;
    });
}
